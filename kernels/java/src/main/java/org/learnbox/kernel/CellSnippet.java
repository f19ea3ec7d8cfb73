package org.learnbox.kernel;

/**
 * One JShell snippet cut out of a cell.
 *
 * @param source what JShell evaluates (it may end with a semicolon JShell added)
 * @param offset where {@code source} starts in the cell, so errors can point into the cell
 */
record CellSnippet(String source, int offset) {

    /** The snippet without the whitespace before it, so that JShell's positions and lines match the cell. */
    CellSnippet trimmedStart() {
        String trimmed = source.stripLeading();
        return new CellSnippet(trimmed, offset + source.length() - trimmed.length());
    }
}
