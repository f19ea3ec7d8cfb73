package org.learnbox.kernel;

import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IJava's magics. A cell that starts with {@code %%name args} hands its body to that cell magic; a line that starts
 * with {@code %name args} runs that line magic where it stands, between the Java code around it. The Java code keeps
 * its line numbers, so errors still point at the cell's own lines.
 */
final class Magics {

    private static final Pattern LINE_MAGIC = Pattern.compile("^[ \\t]*%(?!%)(\\S+)(.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%(\\S+)([^\\n]*)\\n?");

    /** Runs Java code; the string is the code padded with blank lines so that its line numbers are the cell's. */
    interface Java extends Function<String, Object> {
    }

    private final JavaKernel kernel;
    private final Evaluator evaluator;
    private final MagicsRegistry registry = new MagicsRegistry();
    private final Set<String> added = new LinkedHashSet<>();
    private volatile MavenResolver resolver = MavenResolver.forUser();
    private volatile BoxApi box = BoxApi.fromEnvironment();
    private Java javaRunner;

    Magics(JavaKernel kernel, Evaluator evaluator) {
        this.kernel = kernel;
        this.evaluator = evaluator;
        registry.registerLineMagic("maven", (k, args) -> maven(args));
        registry.registerLineMagic("classpath", (k, args) -> classpath(args));
        registry.registerLineMagic("jars", (k, args) -> jars());
        registry.registerLineMagic("load", (k, args) -> load(args));
        registry.registerLineMagic("lsmagic", (k, args) -> lsmagic());
        registry.registerCellMagic("time", (k, args, body) -> time(body));
        registry.registerCellMagic("html", (k, args, body) -> display(body, "html"));
        registry.registerCellMagic("markdown", (k, args, body) -> display(body, "markdown"));
        registry.registerCellMagic("snippet", (k, args, body) -> snippet(args, body));
    }

    /** Where %maven looks; tests point it at a repository of their own. */
    void useResolver(MavenResolver resolver) {
        this.resolver = resolver;
    }

    /** The box %%snippet saves to; tests point it at a server of their own. */
    void useBox(BoxApi box) {
        this.box = box;
    }

    Set<String> lineMagicNames() {
        return registry.getLineMagicNames();
    }

    Set<String> cellMagicNames() {
        return registry.getCellMagicNames();
    }

    /** Runs a cell, its magics and its Java code in order; returns the value the last part had. */
    Object eval(String cell, Java java) {
        this.javaRunner = java;
        Matcher cellMagic = CELL_MAGIC.matcher(cell);
        if (cellMagic.lookingAt()) {
            String name = cellMagic.group(1);
            String body = "\n".repeat(lineOf(cell, cellMagic.end()) - 1) + cell.substring(cellMagic.end());
            try {
                return registry.evalCellMagic(kernel, name, arguments(cellMagic.group(2)), body);
            } catch (UndefinedMagicException e) {
                throw unknown("%%" + name);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new MagicError("%%" + name + " failed: " + e.getMessage());
            }
        }
        String[] lines = cell.split("\n", -1);
        Object value = null;
        StringBuilder code = new StringBuilder();
        int codeStart = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher lineMagic = LINE_MAGIC.matcher(lines[i]);
            if (!lineMagic.matches()) {
                code.append(lines[i]).append('\n');
                continue;
            }
            value = runJava(code, codeStart, value);
            code.setLength(0);
            codeStart = i + 1;
            String name = lineMagic.group(1);
            try {
                value = registry.evalLineMagic(kernel, name, arguments(lineMagic.group(2)));
            } catch (UndefinedMagicException e) {
                throw unknown("%" + name);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new MagicError("%" + name + " failed: " + e.getMessage());
            }
        }
        return runJava(code, codeStart, value);
    }

    private Object runJava(StringBuilder code, int firstLine, Object previous) {
        if (code.toString().isBlank()) {
            return previous;
        }
        return javaRunner.apply("\n".repeat(firstLine) + code.toString().stripTrailing());
    }

    private Object maven(List<String> args) {
        if (args.isEmpty()) {
            throw new MagicError("%maven needs coordinates, e.g. %maven org.apache.commons:commons-lang3:3.17.0");
        }
        for (String coordinates : args) {
            List<Path> jars;
            try {
                jars = resolver.resolve(coordinates);
            } catch (IllegalArgumentException e) {
                throw new MagicError(e.getMessage());
            }
            jars.forEach(this::addToClasspath);
        }
        return null;
    }

    private Object classpath(List<String> args) {
        if (args.size() < 2 || !args.getFirst().equals("add")) {
            throw new MagicError("Usage: %classpath add PATH (a jar, or a folder of classes)");
        }
        for (String path : args.subList(1, args.size())) {
            Path entry = Path.of(expandHome(path)).toAbsolutePath().normalize();
            if (!Files.exists(entry)) {
                throw new MagicError("%classpath add: " + entry + " does not exist");
            }
            addToClasspath(entry);
        }
        return null;
    }

    private void addToClasspath(Path entry) {
        if (added.add(entry.toString())) {
            evaluator.addToClasspath(entry.toString());
        }
    }

    private Object jars() {
        added.forEach(System.out::println);
        return null;
    }

    private Object load(List<String> args) {
        if (args.size() != 1) {
            throw new MagicError("Usage: %load FILE (a .java or .jsh file)");
        }
        Path file = Path.of(expandHome(args.getFirst())).toAbsolutePath().normalize();
        String code;
        try {
            code = Files.readString(file);
        } catch (IOException e) {
            throw new MagicError("%load: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        Java outer = javaRunner;
        try {
            return eval(code, outer);
        } finally {
            javaRunner = outer;
        }
    }

    private Object lsmagic() {
        System.out.println("Line magics: " + String.join(" ", prefixed("%", lineMagicNames())));
        System.out.println("Cell magics: " + String.join(" ", prefixed("%%", cellMagicNames())));
        return null;
    }

    /** As IPython's %%time: the CPU the kernel spent on the cell (compiling it included), then the wall time. */
    private Object time(String body) {
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        try {
            return runJava(new StringBuilder(body), 0, null);
        } finally {
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            Duration cpu = Duration.ofNanos(Math.max(0, processCpuNanos() - cpuStart));
            System.out.println("CPU time: " + format(cpu));
            System.out.println("Wall time: " + format(wall));
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Saves the cell's code as a snippet on the box; the code is not run. */
    private Object snippet(List<String> args, String body) {
        System.out.println(SnippetMagic.save(box, args, body));
        return null;
    }

    private static Object display(String body, String kind) {
        String text = body.strip();
        DisplayData data = new DisplayData(text);
        if (kind.equals("html")) {
            data.putHTML(text);
        } else {
            data.putMarkdown(text);
        }
        return data;
    }

    private MagicError unknown(String magic) {
        return new MagicError("Unknown magic " + magic + ". %lsmagic lists the magics this kernel has.");
    }

    static String format(Duration wall) {
        long micros = wall.toNanos() / 1_000;
        if (micros < 1_000) {
            return micros + " µs";
        }
        if (micros < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", micros / 1_000.0);
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000.0);
    }

    /** Words split on spaces, with "double" or 'single' quotes around words that have spaces. */
    static List<String> arguments(String line) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(line);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2) != null ? word.group(2) : word.group(3));
        }
        return words;
    }

    /** Completion of a magic's name: {@code %ma} to {@code %maven}, {@code %%ti} (first line only) to {@code %%time}. */
    Optional<ReplacementOptions> completeName(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        Matcher typed = MAGIC_NAME_SO_FAR.matcher(code.substring(lineStart, cursor));
        if (!typed.matches()) {
            return Optional.empty();
        }
        boolean cell = typed.group(1).equals("%%");
        if (cell && lineStart != 0) {
            return Optional.empty();
        }
        List<String> names = prefixed(typed.group(1), cell ? cellMagicNames() : lineMagicNames()).stream()
                .filter(name -> name.startsWith(typed.group()))
                .toList();
        return Optional.of(new ReplacementOptions(names, lineStart, cursor));
    }

    private static final Pattern MAGIC_NAME_SO_FAR = Pattern.compile("(%%?)\\w*");

    private static List<String> prefixed(String prefix, Set<String> names) {
        return new TreeSet<>(names).stream().map(n -> prefix + n).toList();
    }

    private static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    private static int lineOf(String text, int offset) {
        return 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }
}
