package org.learnbox.kernel;

/**
 * Where a snippet came from, to turn JShell's "#12:3" stack positions into "cell [4], line 5".
 *
 * @param cellNumber the execution count of the cell
 * @param firstLine the cell line (1-based) on which the snippet starts
 */
record SnippetOrigin(int cellNumber, int firstLine) {

    String describe(int lineInSnippet) {
        return "cell [" + cellNumber + "], line " + (firstLine + lineInSnippet - 1);
    }
}
