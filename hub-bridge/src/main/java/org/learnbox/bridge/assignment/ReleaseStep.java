package org.learnbox.bridge.assignment;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One job of making the student's copy of a notebook, done to each cell in turn; {@link #RELEASE}
 * is all of them in their order. Each step knows the cell as the teacher wrote it ({@code source})
 * and changes the copy ({@code released}), as the steps before it left it.
 */
enum ReleaseStep {
    /** Each solution region becomes the language's stub; a solution cell without markers becomes the stub whole. */
    CLEAR_SOLUTIONS {
        @Override
        void apply(SourceNotebook.Cell source, NotebookLanguage language, ObjectNode released) {
            if (!source.kind().solution()) return;
            List<String> stub = source.type().equals("code") ? language.stub() : List.of(TEXT_STUB);
            Markers markers = markers(source, language, released);
            String text = markers.has(Markers.Region.SOLUTION) ? markers.replace(Markers.Region.SOLUTION, stub) : String.join("\n", stub);
            SourceNotebook.setSource(released, text);
        }
    },
    /** Hidden tests go, markers and all; the visible tests stay. */
    CLEAR_HIDDEN_TESTS {
        @Override
        void apply(SourceNotebook.Cell source, NotebookLanguage language, ObjectNode released) {
            Markers markers = markers(source, language, released);
            if (markers.has(Markers.Region.HIDDEN_TESTS)) SourceNotebook.setSource(released, markers.remove(Markers.Region.HIDDEN_TESTS));
        }
    },
    /** A mark scheme is for the teacher who grades. */
    CLEAR_MARK_SCHEMES {
        @Override
        void apply(SourceNotebook.Cell source, NotebookLanguage language, ObjectNode released) {
            Markers markers = markers(source, language, released);
            if (markers.has(Markers.Region.MARK_SCHEME)) SourceNotebook.setSource(released, markers.remove(Markers.Region.MARK_SCHEME));
        }
    },
    /** Outputs would show what the solution printed. */
    CLEAR_OUTPUTS {
        @Override
        void apply(SourceNotebook.Cell source, NotebookLanguage language, ObjectNode released) {
            if (!source.type().equals("code")) return;
            released.putArray("outputs");
            released.putNull("execution_count");
        }
    },
    /**
     * JupyterLab's own flags: a locked cell can be neither changed nor deleted, a solution cell
     * not deleted, so that every cell with a grade_id is still there to match when it comes back.
     */
    LOCK_CELLS {
        @Override
        void apply(SourceNotebook.Cell source, NotebookLanguage language, ObjectNode released) {
            ObjectNode metadata = released.get("metadata") instanceof ObjectNode present ? present : released.putObject("metadata");
            if (source.kind().locked()) {
                metadata.put("deletable", false);
                metadata.put("editable", false);
            } else if (source.kind().solution()) {
                metadata.put("deletable", false);
            }
        }
    };

    /** What a student finds where a written answer was. */
    static final String TEXT_STUB = "YOUR ANSWER HERE";

    static final List<ReleaseStep> RELEASE = List.of(values());

    // Read again from the copy, as an earlier step may have changed it; the source was checked, so no problem is left.
    private static Markers markers(SourceNotebook.Cell source, NotebookLanguage language, ObjectNode released) {
        return Markers.of(SourceNotebook.text(released.path("source")), source.type(), language);
    }

    abstract void apply(SourceNotebook.Cell source, NotebookLanguage language, ObjectNode released);

    /** The student's copy of a checked notebook: every step on every cell, the rest of the notebook as it was. */
    static byte[] release(SourceNotebook notebook) {
        ObjectNode copy = notebook.json();
        for (SourceNotebook.Cell cell : notebook.cells()) {
            ObjectNode released = (ObjectNode) copy.get("cells").get(cell.number() - 1);
            for (ReleaseStep step : RELEASE) step.apply(cell, notebook.language(), released);
        }
        return SourceNotebook.bytes(copy);
    }
}
