package org.learnbox.bridge.assignment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An assignment as its teacher keeps it: a folder with {@code assignment.yaml} and notebooks in
 * nbgrader's format, solutions and hidden tests in them. Opening it checks the whole of it and
 * refuses it naming every problem; an open one makes the student release and knows each graded
 * cell. Bounded, since a folder may come from anyone's repository.
 */
public final class AssignmentSource {
    static final int MAX_NOTEBOOKS = 50;
    static final int MAX_NOTEBOOK_BYTES = 2 * 1024 * 1024;
    static final int MAX_MANIFEST_BYTES = 64 * 1024;
    /** Files and folders looked at when finding the notebooks, so a huge tree is refused, not walked. */
    static final int MAX_ENTRIES = 10_000;
    private static final int MAX_DEPTH = 8;
    /** The files beside the notebooks (data, pictures, helpers) handed out with them, and what they may weigh in all. */
    static final int MAX_FILES = 100;
    static final int MAX_FILES_BYTES = 20 * 1024 * 1024;

    private final AssignmentManifest manifest;
    private final List<SourceNotebook> notebooks;
    private final Map<String, byte[]> files;

    private AssignmentSource(AssignmentManifest manifest, List<SourceNotebook> notebooks, Map<String, byte[]> files) {
        this.manifest = manifest;
        this.notebooks = List.copyOf(notebooks);
        this.files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** Reads and checks the whole assignment; refuses it with every problem found. */
    public static AssignmentSource open(Path folder) {
        List<AssignmentProblem> problems = new ArrayList<>();
        AssignmentSource source = read(folder, problems);
        if (!problems.isEmpty()) throw new AssignmentException(problems);
        return source;
    }

    /** Every problem of the assignment in a folder; empty when it can be released. */
    public static List<AssignmentProblem> problems(Path folder) {
        List<AssignmentProblem> problems = new ArrayList<>();
        read(folder, problems);
        return List.copyOf(problems);
    }

    private static AssignmentSource read(Path folder, List<AssignmentProblem> problems) {
        Path root;
        try {
            root = folder.toRealPath();
        } catch (IOException e) {
            problems.add(AssignmentProblem.of("folder-unreadable", folder.getFileName()));
            return null;
        }
        Path file = root.resolve(AssignmentManifest.FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(AssignmentProblem.of("yaml-missing"));
            return null;
        }
        byte[] yaml = readBounded(file, AssignmentManifest.FILE, MAX_MANIFEST_BYTES, problems);
        AssignmentManifest manifest = yaml == null ? null : AssignmentManifest.parse(yaml, problems);
        if (manifest == null) return null;
        List<String> everyFile = found(root, !manifest.listsNotebooks(), problems);
        List<String> paths = manifest.listsNotebooks() ? listed(root, manifest.notebooks(), problems)
                : everyFile.stream().filter(path -> path.endsWith(".ipynb")).toList();
        if (paths.isEmpty() && problems.isEmpty()) problems.add(AssignmentProblem.of("no-notebooks"));
        if (paths.size() > MAX_NOTEBOOKS) {
            problems.add(AssignmentProblem.of("too-many-notebooks", MAX_NOTEBOOKS));
            return null;
        }
        List<SourceNotebook> notebooks = new ArrayList<>();
        for (String path : paths) {
            byte[] content = readBounded(root.resolve(path), path, MAX_NOTEBOOK_BYTES, problems);
            SourceNotebook notebook = content == null ? null : SourceNotebook.read(path, content, problems);
            if (notebook != null) notebooks.add(notebook);
        }
        // Every other file goes out as it is; a notebook the manifest does not list (a teacher's own) never does.
        Map<String, byte[]> files = others(root, everyFile.stream()
                .filter(path -> !path.endsWith(".ipynb") && !path.equals(AssignmentManifest.FILE)).toList(), problems);
        if (!problems.isEmpty()) return null;
        AssignmentSource source = new AssignmentSource(manifest, notebooks, files);
        if (manifest.points() != null && Math.abs(manifest.points() - source.totalPoints()) > 1e-9) {
            problems.add(AssignmentProblem.of("points-mismatch", points(manifest.points()), points(source.totalPoints())));
        }
        return source;
    }

    /** The notebooks assignment.yaml lists, each a file inside the folder. */
    private static List<String> listed(Path root, List<String> listed, List<AssignmentProblem> problems) {
        if (listed.size() > MAX_NOTEBOOKS) return listed;
        List<String> paths = new ArrayList<>();
        for (String entry : listed) {
            Path file;
            try {
                Path relative = Path.of(entry);
                file = root.resolve(relative).normalize();
                if (relative.isAbsolute() || !file.startsWith(root) || entry.contains("\\")) file = null;
            } catch (InvalidPathException e) {
                file = null;
            }
            if (file == null) {
                problems.add(AssignmentProblem.of("path-escapes", entry));
            } else if (Files.isSymbolicLink(file)) {
                problems.add(AssignmentProblem.of("notebook-link", entry));
            } else if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(AssignmentProblem.of("notebook-missing", entry));
            } else if (!real(file).startsWith(root)) {
                // A folder on the way is a link to elsewhere.
                problems.add(AssignmentProblem.of("path-escapes", entry));
            } else if (paths.contains(root.relativize(file).toString())) {
                // The same file written two ways, such as a.ipynb and ./a.ipynb.
                problems.add(AssignmentProblem.of("notebook-listed-twice", entry));
            } else {
                paths.add(root.relativize(file).toString());
            }
        }
        return paths;
    }

    private static Path real(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return Path.of("/nonexistent");
        }
    }

    private static Map<String, byte[]> others(Path root, List<String> paths, List<AssignmentProblem> problems) {
        if (paths.size() > MAX_FILES) {
            problems.add(AssignmentProblem.of("too-many-other-files", MAX_FILES));
            return Map.of();
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        long left = MAX_FILES_BYTES;
        for (String path : paths) {
            List<AssignmentProblem> reading = new ArrayList<>();
            byte[] content = readBounded(root.resolve(path), path, (int) left, reading);
            if (content == null) {
                // Too large is said of all of them together: the bound is theirs, not this file's alone.
                reading.replaceAll(p -> p.key().endsWith("file-too-large")
                        ? AssignmentProblem.of("other-files-too-large", MAX_FILES_BYTES / 1024 / 1024, path) : p);
                problems.addAll(reading);
                return files;
            }
            files.put(path, content);
            left -= content.length;
        }
        return files;
    }

    /** Every file of the folder, in name order, leaving out hidden files and folders (checkpoints, git's). */
    private static List<String> found(Path root, boolean notebooksToo, List<AssignmentProblem> problems) {
        List<String> paths = new ArrayList<>();
        int[] entries = {0};
        int[] notebooks = {0};
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (++entries[0] > MAX_ENTRIES) return FileVisitResult.TERMINATE;
                    return dir.equals(root) || !hidden(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (++entries[0] > MAX_ENTRIES) return FileVisitResult.TERMINATE;
                    String relative = root.relativize(file).toString();
                    if (hidden(file)) return FileVisitResult.CONTINUE;
                    if (attributes.isSymbolicLink()) {
                        // A listed notebook's link is named where the list is read.
                        if (!relative.endsWith(".ipynb")) problems.add(AssignmentProblem.of("file-link", relative));
                        else if (notebooksToo) problems.add(AssignmentProblem.of("notebook-link", relative));
                    } else if (attributes.isRegularFile()) {
                        paths.add(relative);
                        if (relative.endsWith(".ipynb")) notebooks[0]++;
                    }
                    return notebooksToo && notebooks[0] > MAX_NOTEBOOKS ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(AssignmentProblem.of("file-unreadable", root.relativize(file).toString()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(AssignmentProblem.of("folder-unreadable", root.getFileName()));
        }
        if (entries[0] > MAX_ENTRIES) problems.add(AssignmentProblem.of("too-many-files", MAX_ENTRIES));
        return paths.stream().sorted().toList();
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    /** A file's bytes, or null with a problem when it is larger than {@code limit}: never more is read. */
    private static byte[] readBounded(Path file, String name, int limit, List<AssignmentProblem> problems) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] content = in.readNBytes(limit + 1);
            if (content.length > limit) {
                problems.add(AssignmentProblem.of("file-too-large", name, limit / 1024));
                return null;
            }
            return content;
        } catch (IOException e) {
            problems.add(AssignmentProblem.of("file-unreadable", name));
            return null;
        }
    }

    /** Points as people write them: 3, not 3.0. */
    static String points(double points) {
        return points == Math.rint(points) ? Long.toString((long) points) : Double.toString(points);
    }

    public AssignmentManifest manifest() {
        return manifest;
    }

    /** The notebooks, in the order students see them. */
    public List<SourceNotebook> notebooks() {
        return notebooks;
    }

    /** Each notebook's grading, by its path in the folder, with the files of its folder beside it. */
    public Map<String, NotebookGrading> grading() {
        Map<String, NotebookGrading> grading = new LinkedHashMap<>();
        for (SourceNotebook notebook : notebooks) {
            grading.put(notebook.name(), NotebookGrading.of(notebook).withFiles(filesBeside(notebook.name())));
        }
        return grading;
    }

    /** The files handed out with the notebooks (neither assignment.yaml nor a notebook), by path. */
    public Map<String, byte[]> files() {
        return files;
    }

    /** The files in the notebook's folder and below it, by their path from that folder, as its code opens them. */
    private Map<String, byte[]> filesBeside(String notebook) {
        int slash = notebook.lastIndexOf('/');
        String folder = slash < 0 ? "" : notebook.substring(0, slash + 1);
        Map<String, byte[]> beside = new LinkedHashMap<>();
        files.forEach((path, content) -> {
            if (path.startsWith(folder)) beside.put(path.substring(folder.length()), content);
        });
        return beside;
    }

    public double totalPoints() {
        return grading().values().stream().mapToDouble(NotebookGrading::totalPoints).sum();
    }

    /** What students get: each notebook's release, by its path in the folder, in order, then the other files as they are. */
    public Map<String, byte[]> release() {
        Map<String, byte[]> release = new LinkedHashMap<>();
        for (SourceNotebook notebook : notebooks) release.put(notebook.name(), ReleaseStep.release(notebook));
        release.putAll(files);
        return release;
    }

    /** Writes the release into {@code target}, keeping the notebooks' paths. */
    public void writeRelease(Path target) throws IOException {
        for (Map.Entry<String, byte[]> notebook : release().entrySet()) {
            Path file = target.resolve(notebook.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, notebook.getValue());
        }
    }
}
