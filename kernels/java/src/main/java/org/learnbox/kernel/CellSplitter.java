package org.learnbox.kernel;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

import java.util.ArrayList;
import java.util.List;

/** Cuts a cell into the snippets JShell evaluates one at a time, remembering where each starts in the cell. */
final class CellSplitter {

    private final SourceCodeAnalysis analysis;

    CellSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /**
     * Complete snippets come first; an unfinished or broken rest comes last as it is, so that evaluating it
     * yields JShell's own error message.
     */
    List<CellSnippet> split(String cell) {
        List<CellSnippet> snippets = new ArrayList<>();
        String rest = cell;
        while (!rest.isBlank()) {
            int offset = cell.length() - rest.length();
            CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> {
                    snippets.add(new CellSnippet(info.source(), offset).trimmedStart());
                    if (info.remaining().length() >= rest.length()) {
                        return snippets;
                    }
                    rest = info.remaining();
                }
                case EMPTY -> {
                    return snippets;
                }
                default -> {
                    snippets.add(new CellSnippet(rest, offset).trimmedStart());
                    return snippets;
                }
            }
        }
        return snippets;
    }
}
