package org.learnbox.bridge.devops;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * A build's output as lines for the pushing client, up to a limit: past it, only the last lines
 * are told, at the end. A build that prints gigabytes costs the push nothing but its time.
 */
final class BuildLines {
    static final int MAX_LINES = 2000;
    private static final int LAST = 30;
    private static final int MAX_LINE = 500;

    private final Consumer<String> out;
    private final StringBuilder partial = new StringBuilder();
    private final Deque<String> last = new ArrayDeque<>();
    private int told;
    private long untold;

    BuildLines(Consumer<String> out) {
        this.out = out;
    }

    synchronized void add(String chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (c == '\n') {
                line(partial.toString());
                partial.setLength(0);
            } else if (c != '\r' && partial.length() < MAX_LINE) {
                partial.append(c);
            }
        }
    }

    synchronized void end() {
        if (!partial.isEmpty()) line(partial.toString());
        partial.setLength(0);
        if (untold > 0) {
            out.accept("... " + untold + " more lines; the last " + last.size() + " of them:");
            last.forEach(out);
        }
    }

    private void line(String line) {
        if (told < MAX_LINES) {
            told++;
            out.accept(line);
            return;
        }
        untold++;
        last.addLast(line);
        if (last.size() > LAST) last.removeFirst();
    }
}
