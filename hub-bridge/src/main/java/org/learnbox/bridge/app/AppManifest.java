package org.learnbox.bridge.app;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.learnbox.bridge.identity.AccountNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How an app runs: {@code learnbox.yaml} in its folder (keys name, runtime, command, port,
 * notebook for a notebook app, and for a pushed project build and env), or what its files say
 * when there is none. The command runs in /app as the app's own user.
 *
 * @param build a shell command that builds a pushed project in the builder, or null
 * @param env variables the app runs with
 */
public record AppManifest(String name, AppKind kind, String command, int port, String build, Map<String, String> env) {
    public AppManifest(String name, AppKind kind, String command, int port) {
        this(name, kind, command, port, null, Map.of());
    }

    static final String FILE = "learnbox.yaml";
    static final int DEFAULT_PORT = 8080;
    private static final Set<String> KEYS = Set.of("name", "runtime", "command", "port", "notebook", "build", "env");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");
    private static final int MAX_ENV = 50;
    private static final Pattern JAVA_MAIN = Pattern.compile("static\\s+void\\s+main\\s*\\(");
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    /** The manifest of these files; {@code fallbackName} names an app whose manifest does not. */
    public static AppManifest of(AppFiles files, String fallbackName) {
        String yaml = files.text(FILE);
        JsonNode root = yaml == null ? null : parse(yaml);
        String name = text(root, "name").orElse(fallbackName);
        requireName(name);
        AppKind kind = text(root, "runtime").map(AppKind::parse)
                .or(() -> AppKind.detect(files))
                .orElseThrow(() -> new AppException("app.refused.cannot-tell"));
        int port = root == null || !root.has("port") ? DEFAULT_PORT : port(root.get("port"));
        Optional<String> notebook = text(root, "notebook");
        String command = text(root, "command").orElseGet(() -> defaultCommand(kind, files, notebook));
        if (command.length() > 500 || command.contains("\n")) {
            throw new AppException("app.refused.command-line");
        }
        String build = text(root, "build").orElse(null);
        if (build != null && (build.length() > 500 || build.contains("\n"))) {
            throw new AppException("app.refused.build-line");
        }
        return new AppManifest(name, kind, command, port, build, env(root));
    }

    /** The same app, run by another command on other files (a built project's). */
    public AppManifest runningAs(AppKind newKind, String newCommand) {
        return new AppManifest(name, newKind, newCommand, port, build, env);
    }

    private static Map<String, String> env(JsonNode root) {
        if (root == null || !root.has("env")) return Map.of();
        JsonNode env = root.get("env");
        if (!env.isObject() || env.size() > MAX_ENV) {
            throw new AppException("app.refused.env", MAX_ENV);
        }
        Map<String, String> variables = new java.util.TreeMap<>();
        for (String key : env.propertyNames()) {
            JsonNode value = env.get(key);
            if (!ENV_NAME.matcher(key).matches() || key.equals("PORT")) {
                throw new AppException("app.refused.env-name", key);
            }
            if (!value.isValueNode() || value.asString().length() > 1000) {
                throw new AppException("app.refused.env-value", key);
            }
            variables.put(key, value.asString());
        }
        return variables;
    }

    /** App names become host names (APP--USER.apps...): the account names' rule, and no "--". */
    static void requireName(String name) {
        if (!AccountNames.isValid(name) || name.contains("--")) {
            throw new AppException("app.refused.name", name);
        }
    }

    private static JsonNode parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (RuntimeException e) {
            throw new AppException("app.refused.yaml", e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) throw new AppException("app.refused.yaml-not-mapping");
        for (String key : root.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new AppException("app.refused.yaml-key", key);
            }
        }
        return root;
    }

    private static Optional<String> text(JsonNode root, String key) {
        if (root == null || !root.has(key)) return Optional.empty();
        JsonNode value = root.get(key);
        if (!value.isString() || value.asString().isBlank()) {
            throw new AppException("app.refused.yaml-text", key);
        }
        return Optional.of(value.asString().strip());
    }

    private static int port(JsonNode value) {
        if (!value.isInt() || value.asInt() < 1024 || value.asInt() > 65535) {
            throw new AppException("app.refused.port");
        }
        return value.asInt();
    }

    private static String defaultCommand(AppKind kind, AppFiles files, Optional<String> notebook) {
        return switch (kind) {
            case PYTHON -> "python3 " + AppKind.pythonMain(files).orElseThrow();
            case DESKTOP -> AppKind.pythonMain(files).filter(name -> files.names().stream().noneMatch(file -> file.endsWith(".java")))
                    .map(name -> "python3 " + name)
                    .orElseGet(() -> "java -cp /app/.classes " + javaMainClass(files));
            case STATIC -> "busybox httpd -f -v -p " + DEFAULT_PORT + " -h /app";
            case JAVA -> "java -cp /app/.classes " + javaMainClass(files);
            case NOTEBOOK -> "learnbox-run-notebook " + shellQuoted(notebook.map(name -> requireNotebook(files, name))
                    .orElseGet(() -> onlyNotebook(files)));
        };
    }

    private static String requireNotebook(AppFiles files, String name) {
        if (!name.endsWith(".ipynb") || !files.has(name)) {
            throw new AppException("app.refused.notebook", name);
        }
        return name;
    }

    /** The one notebook at the top of the folder: with two or more, the manifest says which. */
    private static String onlyNotebook(AppFiles files) {
        var notebooks = AppKind.topNotebooks(files);
        if (notebooks.size() != 1) {
            throw notebooks.isEmpty() ? new AppException("app.refused.no-top-notebook")
                    : new AppException("app.refused.top-notebooks", notebooks.size());
        }
        return notebooks.getFirst();
    }

    private static String shellQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The class with a main method: the one whose file has one, named after the file. */
    private static String javaMainClass(AppFiles files) {
        return files.names().stream()
                .filter(name -> name.endsWith(".java") && JAVA_MAIN.matcher(files.text(name)).find())
                .sorted((a, b) -> Boolean.compare(!a.endsWith("Main.java"), !b.endsWith("Main.java")))
                .findFirst()
                .map(name -> name.substring(0, name.length() - ".java".length()).replace('/', '.'))
                .orElseThrow(() -> new AppException("app.refused.no-main"));
    }

    /** What the app's image adds to its runtime image: the files, and for Java their compiled classes. */
    String dockerfile(String runtimeImage) {
        StringBuilder file = new StringBuilder("FROM " + runtimeImage + "\nCOPY app/ /app/\n");
        if (kind == AppKind.JAVA || kind == AppKind.DESKTOP) {
            // A built project brings its jar and no sources: then there is nothing to compile.
            file.append("USER root\nRUN sources=$(find /app -name '*.java'); if [ -n \"$sources\" ];"
                    + " then javac -encoding UTF-8 -d /app/.classes $sources; fi\nUSER app\n");
        }
        file.append("ENV PORT=").append(port).append('\n');
        env.forEach((key, value) -> file.append("ENV ").append(key).append('=').append(jsonString(value)).append('\n'));
        if (kind == AppKind.DESKTOP) {
            // Every visitor gets an instance of the command: the window server runs it for each.
            file.append("ENV LEARNBOX_APP_NAME=").append(jsonString(name)).append('\n');
            file.append("CMD [\"learnbox-window-app\", ").append(jsonString(command)).append("]\n");
        } else {
            file.append("CMD [\"/bin/sh\", \"-c\", ").append(jsonString("exec " + command)).append("]\n");
        }
        return file.toString();
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    Map<String, String> labels() {
        return Map.of("org.learnbox.app.runtime", kind.id(), "org.learnbox.app.port", String.valueOf(port));
    }
}
