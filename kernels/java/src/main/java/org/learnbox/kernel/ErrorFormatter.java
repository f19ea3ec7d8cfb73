package org.learnbox.kernel;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;

import javax.tools.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Turns JShell's diagnostics and exceptions into messages that point into the learner's cell. */
final class ErrorFormatter {

    // Jupyter frontends colour ANSI escapes; a plain console shows them as they are meant.
    static final String RED = "\u001b[1;31m";
    static final String RESET = "\u001b[0m";

    private ErrorFormatter() {
    }

    /** One block per error: where it is, what javac says, and the cell line with carets under the spot. */
    static CompilationError compilationError(String cell, CellSnippet snippet, List<Diag> errors) {
        List<String> lines = new ArrayList<>();
        String summary = null;
        for (Diag diag : errors) {
            List<String> message = messageLines(diag);
            if (diag.getPosition() == Diagnostic.NOPOS) {
                lines.add(RED + "Compilation error: " + message.getFirst() + RESET);
                lines.addAll(message.subList(1, message.size()));
                summary = summary != null ? summary : message.getFirst();
                continue;
            }
            CellPosition at = CellPosition.of(cell, clamp(snippet.offset() + (int) diag.getPosition(), cell));
            String where = "line " + at.line() + ", column " + at.column();
            summary = summary != null ? summary : where + ": " + message.getFirst();
            lines.add(RED + "Compilation error in " + where + ": " + message.getFirst() + RESET);
            lines.addAll(message.subList(1, message.size()));
            lines.addAll(pointAt(cell, snippet, diag, at));
        }
        return new CompilationError(summary, lines);
    }

    /** The exception, then only the frames of the learner's code and the library calls it made. */
    static ExceptionInCell exception(Throwable thrown, String headline, Function<String, SnippetOrigin> origins) {
        List<String> lines = new ArrayList<>();
        lines.add(RED + headline + RESET);
        addFrames(thrown, origins, lines);
        for (Throwable cause = thrown.getCause(); cause != null; cause = cause.getCause()) {
            lines.add("Caused by: " + describe(cause));
            addFrames(cause, origins, lines);
        }
        return new ExceptionInCell(headline, lines);
    }

    /** "java.lang.ArithmeticException: / by zero", using the learner's exception class, not JShell's wrapper. */
    static String describe(Throwable thrown) {
        String type = thrown instanceof EvalException eval ? eval.getExceptionClassName() : thrown.getClass().getName();
        String message = thrown.getMessage();
        return message == null ? type : type + ": " + message;
    }

    private static void addFrames(Throwable thrown, Function<String, SnippetOrigin> origins, List<String> lines) {
        for (StackTraceElement frame : thrown.getStackTrace()) {
            lines.add("    at " + describe(frame, origins));
        }
    }

    /** JShell names snippet code "#id" with lines counted from the snippet; the learner knows cells. */
    private static String describe(StackTraceElement frame, Function<String, SnippetOrigin> origins) {
        String file = frame.getFileName();
        SnippetOrigin origin = file != null && file.startsWith("#") ? origins.apply(file.substring(1)) : null;
        if (origin == null) {
            return frame.toString();
        }
        String place = origin.describe(frame.getLineNumber());
        String method = frame.getMethodName();
        String type = frame.getClassName();
        if (method.isEmpty() || method.equals("do_it$")) {
            return place;
        }
        String name = type.isEmpty() ? method : type + "." + method;
        return name + " (" + place + ")";
    }

    private static List<String> messageLines(Diag diag) {
        List<String> lines = new ArrayList<>();
        for (String line : diag.getMessage(Locale.getDefault()).split("\\R")) {
            // JShell wraps snippets in a nameless class that only confuses a learner.
            if (line.strip().equals("location: class") || line.contains("$JShell$")) {
                continue;
            }
            lines.add(lines.isEmpty() ? line : "  " + line.strip());
        }
        if (lines.isEmpty()) {
            lines.add("(no message)");
        }
        return lines;
    }

    private static List<String> pointAt(String cell, CellSnippet snippet, Diag diag, CellPosition at) {
        String sourceLine = at.lineText();
        int start = at.column() - 1;
        int length = 1;
        long startPos = diag.getStartPosition();
        long endPos = diag.getEndPosition();
        if (startPos != Diagnostic.NOPOS && endPos != Diagnostic.NOPOS && endPos > startPos) {
            CellPosition from = CellPosition.of(cell, clamp(snippet.offset() + (int) startPos, cell));
            if (from.line() == at.line()) {
                start = from.column() - 1;
                length = (int) (endPos - startPos);
            }
        }
        start = Math.min(start, sourceLine.length());
        length = Math.max(1, Math.min(length, sourceLine.length() - start));
        String gutter = String.format("%4d | ", at.line());
        String blankGutter = " ".repeat(gutter.length() - 2) + "| ";
        // keep tabs so the carets line up under the code whatever the tab width
        String padding = sourceLine.substring(0, start).replaceAll("[^\t]", " ");
        return List.of(gutter + sourceLine, blankGutter + padding + RED + "^".repeat(length) + RESET);
    }

    private static int clamp(int position, String cell) {
        return Math.max(0, Math.min(position, cell.length()));
    }

    /** A position in a cell as the learner counts it: lines and columns from 1. */
    record CellPosition(int line, int column, String lineText) {
        static CellPosition of(String cell, int index) {
            int lineStart = cell.lastIndexOf('\n', index - 1) + 1;
            int lineEnd = cell.indexOf('\n', index);
            if (lineEnd < 0) {
                lineEnd = cell.length();
            }
            int line = 1 + (int) cell.substring(0, lineStart).chars().filter(c -> c == '\n').count();
            String text = cell.substring(lineStart, lineEnd).replace("\r", "");
            return new CellPosition(line, index - lineStart + 1, text);
        }
    }
}
