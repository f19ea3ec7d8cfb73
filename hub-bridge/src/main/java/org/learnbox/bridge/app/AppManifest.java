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
                .orElseThrow(() -> new AppException("The box cannot tell how to run this app: it has no " + FILE
                        + " and none of a .java file, app.py, main.py, index.html or a single notebook. Add a " + FILE
                        + " with runtime and command."));
        int port = root == null || !root.has("port") ? DEFAULT_PORT : port(root.get("port"));
        Optional<String> notebook = text(root, "notebook");
        String command = text(root, "command").orElseGet(() -> defaultCommand(kind, files, notebook));
        if (command.length() > 500 || command.contains("\n")) {
            throw new AppException("The command in " + FILE + " must be one line of at most 500 characters.");
        }
        String build = text(root, "build").orElse(null);
        if (build != null && (build.length() > 500 || build.contains("\n"))) {
            throw new AppException("The build in " + FILE + " must be one line of at most 500 characters.");
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
            throw new AppException("'env' in " + FILE + " must be a mapping of at most " + MAX_ENV + " names to values.");
        }
        Map<String, String> variables = new java.util.TreeMap<>();
        for (String key : env.propertyNames()) {
            JsonNode value = env.get(key);
            if (!ENV_NAME.matcher(key).matches() || key.equals("PORT")) {
                throw new AppException("'" + key + "' in env of " + FILE + " is not a variable the box sets: use capital"
                        + " letters, digits and '_' (PORT is the box's own).");
            }
            if (!value.isValueNode() || value.asString().length() > 1000) {
                throw new AppException("The value of " + key + " in " + FILE + " must be a text of at most 1000 characters.");
            }
            variables.put(key, value.asString());
        }
        return variables;
    }

    /** App names become host names (APP--USER.apps...): the account names' rule, and no "--". */
    static void requireName(String name) {
        if (!AccountNames.isValid(name) || name.contains("--")) {
            throw new AppException("'" + name + "' is not a name for an app: use 2 to 32 lowercase letters, digits"
                    + " or '-' (not two in a row), starting with a letter or a digit.");
        }
    }

    private static JsonNode parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (RuntimeException e) {
            throw new AppException(FILE + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) throw new AppException(FILE + " must be a mapping of keys to values.");
        for (String key : root.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new AppException(FILE + " has an unknown key '" + key + "': use name, runtime, command, port,"
                        + " notebook, build, env.");
            }
        }
        return root;
    }

    private static Optional<String> text(JsonNode root, String key) {
        if (root == null || !root.has(key)) return Optional.empty();
        JsonNode value = root.get(key);
        if (!value.isString() || value.asString().isBlank()) {
            throw new AppException("'" + key + "' in " + FILE + " must be a text.");
        }
        return Optional.of(value.asString().strip());
    }

    private static int port(JsonNode value) {
        if (!value.isInt() || value.asInt() < 1024 || value.asInt() > 65535) {
            throw new AppException("'port' in " + FILE + " must be a number from 1024 to 65535 (the port the app listens on).");
        }
        return value.asInt();
    }

    private static String defaultCommand(AppKind kind, AppFiles files, Optional<String> notebook) {
        return switch (kind) {
            case PYTHON -> "python3 " + (files.has("app.py") ? "app.py" : "main.py");
            case STATIC -> "busybox httpd -f -v -p " + DEFAULT_PORT + " -h /app";
            case JAVA -> "java -cp /app/.classes " + javaMainClass(files);
            case NOTEBOOK -> "learnbox-run-notebook " + shellQuoted(notebook.map(name -> requireNotebook(files, name))
                    .orElseGet(() -> onlyNotebook(files)));
        };
    }

    private static String requireNotebook(AppFiles files, String name) {
        if (!name.endsWith(".ipynb") || !files.has(name)) {
            throw new AppException("'notebook' in " + FILE + " names '" + name + "', which is not a notebook of the app.");
        }
        return name;
    }

    /** The one notebook at the top of the folder: with two or more, the manifest says which. */
    private static String onlyNotebook(AppFiles files) {
        var notebooks = AppKind.topNotebooks(files);
        if (notebooks.size() != 1) {
            throw new AppException((notebooks.isEmpty() ? "There is no notebook at the top of the app's folder"
                    : "The app's folder has " + notebooks.size() + " notebooks at its top") + "; name the one to run"
                    + " in " + FILE + ", like: notebook: server.ipynb");
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
                .orElseThrow(() -> new AppException("None of the app's .java files has a main method; add one,"
                        + " or a " + FILE + " with the command that starts the app."));
    }

    /** What the app's image adds to its runtime image: the files, and for Java their compiled classes. */
    String dockerfile(String runtimeImage) {
        StringBuilder file = new StringBuilder("FROM " + runtimeImage + "\nCOPY app/ /app/\n");
        if (kind == AppKind.JAVA) {
            // A built project brings its jar and no sources: then there is nothing to compile.
            file.append("USER root\nRUN sources=$(find /app -name '*.java'); if [ -n \"$sources\" ];"
                    + " then javac -encoding UTF-8 -d /app/.classes $sources; fi\nUSER app\n");
        }
        file.append("ENV PORT=").append(port).append('\n');
        env.forEach((key, value) -> file.append("ENV ").append(key).append('=').append(jsonString(value)).append('\n'));
        file.append("CMD [\"/bin/sh\", \"-c\", ").append(jsonString("exec " + command)).append("]\n");
        return file.toString();
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    Map<String, String> labels() {
        return Map.of("org.learnbox.app.runtime", kind.id(), "org.learnbox.app.port", String.valueOf(port));
    }
}
