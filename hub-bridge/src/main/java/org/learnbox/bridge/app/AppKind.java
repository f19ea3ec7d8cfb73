package org.learnbox.bridge.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an app is written in: the runtime image it runs on and how it starts when its manifest
 * names no command. Found from the files when there is no manifest (see detect). A desktop app
 * is a graphical program (Swing, AWT, tkinter, turtle): each visitor uses an instance of their own
 * in the browser.
 */
public enum AppKind {
    JAVA("app-java"),
    PYTHON("app-python"),
    STATIC("app-static"),
    NOTEBOOK("app-notebook"),
    DESKTOP("app-desktop");

    private final String imageName;

    AppKind(String imageName) {
        this.imageName = imageName;
    }

    /** The runtime image's name among the box's images (LearnboxProperties.image gives its whole name). */
    public String imageName() {
        return imageName;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AppKind parse(String text) {
        return Arrays.stream(values()).filter(kind -> kind.id().equals(text)).findFirst()
                .orElseThrow(() -> new AppException("app.refused.no-runtime", text,
                        Arrays.stream(values()).map(AppKind::id).collect(Collectors.joining(", "))));
    }

    private static final Pattern JAVA_WINDOWS = Pattern.compile("\\b(javax\\.swing|java\\.awt)\\.");
    private static final Pattern PYTHON_WINDOWS = Pattern.compile("^\\s*(import|from)\\s+(tkinter|turtle)\\b", Pattern.MULTILINE);

    /**
     * The runtime the files ask for: a program that opens windows, Java sources, a Python app or main,
     * a static site, a single notebook.
     */
    static Optional<AppKind> detect(AppFiles files) {
        if (opensWindows(files)) return Optional.of(DESKTOP);
        if (files.names().stream().anyMatch(name -> name.endsWith(".java"))) return Optional.of(JAVA);
        if (files.has("app.py") || files.has("main.py")) return Optional.of(PYTHON);
        if (files.has("index.html")) return Optional.of(STATIC);
        if (topNotebooks(files).size() == 1) return Optional.of(NOTEBOOK);
        return Optional.empty();
    }

    /** Java sources that use Swing or AWT, or a Python app or main that imports tkinter or turtle. */
    private static boolean opensWindows(AppFiles files) {
        return files.names().stream().anyMatch(name -> name.endsWith(".java") && JAVA_WINDOWS.matcher(files.text(name)).find())
                || pythonMain(files).filter(name -> PYTHON_WINDOWS.matcher(files.text(name)).find()).isPresent();
    }

    /** The Python app's file: app.py, else main.py. */
    static Optional<String> pythonMain(AppFiles files) {
        return files.has("app.py") ? Optional.of("app.py") : files.has("main.py") ? Optional.of("main.py") : Optional.empty();
    }

    /** The notebooks at the top of the app's folder. */
    static java.util.List<String> topNotebooks(AppFiles files) {
        return files.names().stream().filter(name -> name.endsWith(".ipynb") && !name.contains("/")).toList();
    }
}
