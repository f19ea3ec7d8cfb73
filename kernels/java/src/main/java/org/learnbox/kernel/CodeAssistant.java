package org.learnbox.kernel;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Completion, inspection and the complete/incomplete check, all from JShell's source analysis. */
final class CodeAssistant {

    private static final String INDENT = "    ";

    private final SourceCodeAnalysis analysis;
    private final CellSplitter splitter;

    CodeAssistant(SourceCodeAnalysis analysis, CellSplitter splitter) {
        this.analysis = analysis;
        this.splitter = splitter;
    }

    /**
     * {@link BaseKernel#IS_COMPLETE_YES}, {@link BaseKernel#IS_COMPLETE_BAD}, or for code that goes on (an open
     * block, a dangling operator) the indent of its next line.
     */
    String isComplete(String code) {
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> {
                    if (info.remaining().length() >= rest.length()) {
                        return BaseKernel.IS_COMPLETE_YES;
                    }
                    rest = info.remaining();
                }
                case EMPTY -> {
                    return BaseKernel.IS_COMPLETE_YES;
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return nextIndent(code);
                }
                default -> {
                    return BaseKernel.IS_COMPLETE_BAD;
                }
            }
        }
        return BaseKernel.IS_COMPLETE_YES;
    }

    /** JShell's suggestions for the snippet the cursor is in; those that fit the expected type first. */
    ReplacementOptions complete(String code, int cursor) {
        List<CellSnippet> before = splitter.split(code.substring(0, cursor));
        CellSnippet current = before.isEmpty() ? new CellSnippet("", cursor) : before.getLast();
        int[] anchor = new int[1];
        List<Suggestion> suggestions = analysis.completionSuggestions(
                current.source(), cursor - current.offset(), anchor);
        List<String> matches = suggestions.stream()
                .sorted(Comparator.comparing(s -> !s.matchesType()))
                .map(Suggestion::continuation)
                .distinct()
                .toList();
        return new ReplacementOptions(matches, current.offset() + anchor[0], cursor);
    }

    /** Signatures, with Javadoc where the JDK ships its sources; null when nothing is known there. */
    DisplayData inspect(String code, int cursor) {
        CellSnippet snippet = snippetAt(code, cursor);
        String source = snippet.source();
        int at = Math.max(0, Math.min(cursor - snippet.offset(), source.length()));
        List<Documentation> docs = documentation(source, at);
        if (docs.isEmpty()) {
            return null;
        }
        String text = docs.stream().map(CodeAssistant::describe).collect(Collectors.joining("\n\n"));
        return new DisplayData(text);
    }

    /**
     * JShell documents what stands before an open parenthesis or a complete type name; a cursor on a method
     * name therefore also tries the position after its "(" (adding one when the learner has not typed it yet).
     */
    private List<Documentation> documentation(String source, int at) {
        List<Documentation> docs = analysis.documentation(source, at, true);
        if (!docs.isEmpty()) {
            return docs;
        }
        int end = at;
        while (end < source.length() && Character.isJavaIdentifierPart(source.charAt(end))) {
            end++;
        }
        if (end < source.length() && source.charAt(end) == '(') {
            return analysis.documentation(source, end + 1, true);
        }
        docs = analysis.documentation(source.substring(0, end), end, true);
        if (!docs.isEmpty()) {
            return docs;
        }
        return analysis.documentation(source.substring(0, end) + "(", end + 1, true);
    }

    private CellSnippet snippetAt(String code, int cursor) {
        CellSnippet found = new CellSnippet(code, 0);
        for (CellSnippet snippet : splitter.split(code)) {
            if (snippet.offset() <= cursor) {
                found = snippet;
            }
        }
        return found;
    }

    private static String describe(Documentation doc) {
        String javadoc = doc.javadoc();
        if (javadoc == null || javadoc.isBlank()) {
            return doc.signature();
        }
        return doc.signature() + "\n\n" + JavadocText.plain(javadoc);
    }

    /** Keeps the indent of the last line, one step deeper after an opening brace or a loop/if header. */
    private static String nextIndent(String code) {
        String[] lines = code.stripTrailing().split("\\R");
        String last = lines.length == 0 ? "" : lines[lines.length - 1];
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        String trimmed = last.strip();
        boolean opens = trimmed.endsWith("{") || trimmed.endsWith("(") || trimmed.endsWith(")")
                || trimmed.equals("else") || trimmed.equals("do");
        return opens ? indent + INDENT : indent;
    }
}
