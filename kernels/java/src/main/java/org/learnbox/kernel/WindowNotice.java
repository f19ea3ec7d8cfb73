package org.learnbox.kernel;

import java.awt.AWTEvent;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Tells a learner whose desktop is not open where a cell's window went (issue 18): a JFrame shows on
 * the sandbox's desktop, which the lab's server opens at {@code /user/NAME/desktop/}. Nothing of AWT
 * is touched until a cell starts it (touching it would start the desktop): a daemon thread looks for
 * AWT's own thread now and then, and only then listens for windows opening.
 */
final class WindowNotice {
    private static final Path DESKTOP_STATE = Path.of("/tmp/learnbox-desktop/state.json");
    private static final Pattern VIEWERS = Pattern.compile("\"viewers\"\\s*:\\s*(\\d+)");
    private static final String AWT_THREAD = "AWT-XAWT";
    private static final long LOOK_EVERY_MS = 250;

    private WindowNotice() {}

    /** Starts looking, where there is a display. */
    static void watch(JavaKernel kernel) {
        if (System.getenv("DISPLAY") == null) return;
        Thread.ofPlatform().daemon().name("learnbox-window-notice").start(() -> {
            try {
                while (!awtStarted()) Thread.sleep(LOOK_EVERY_MS);
            } catch (InterruptedException stop) {
                return;
            }
            Toolkit.getDefaultToolkit().addAWTEventListener(event -> {
                if (event.getID() == WindowEvent.WINDOW_OPENED) tell(kernel);
            }, AWTEvent.WINDOW_EVENT_MASK);
            // A window that opened before the listener was there.
            for (Window window : Window.getWindows()) {
                if (window.isShowing()) {
                    tell(kernel);
                    break;
                }
            }
        });
    }

    private static boolean awtStarted() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) root = root.getParent();
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            if (AWT_THREAD.equals(threads[i].getName())) return true;
        }
        return false;
    }

    private static void tell(JavaKernel kernel) {
        if (desktopWatched()) return;
        String desktop = System.getenv().getOrDefault("JUPYTERHUB_SERVICE_PREFIX", "/") + "desktop/";
        DisplayData notice = new DisplayData("This program's window is on your desktop, which is not open:"
                + " open Desktop in the launcher (" + desktop + ").");
        notice.putHTML("This program's window is on your desktop, which is not open: <a href=\"" + desktop
                + "\" target=\"learnbox-desktop\">open your desktop</a> (Desktop in the launcher).");
        kernel.display(notice);
    }

    /** Whether a desktop tab is open (the lab's server writes it; nothing written: nobody looks). */
    static boolean desktopWatched() {
        try {
            Matcher viewers = VIEWERS.matcher(Files.readString(DESKTOP_STATE));
            return viewers.find() && Integer.parseInt(viewers.group(1)) > 0;
        } catch (IOException | RuntimeException unknown) {
            return false;
        }
    }
}
