package org.learnbox.kernel;

/**
 * The value of a cell's trailing expression.
 *
 * @param object the value itself, for rich display (may be null)
 * @param text how JShell shows it: {@code 42}, {@code "hi"}
 */
record CellValue(Object object, String text) {
}
