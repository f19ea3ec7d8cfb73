// The self-check helper of this course: each lesson loads it with %load check.jsh
String show(Object value) {
    if (value instanceof String s) return "\"" + s + "\"";
    if (value instanceof int[] a) return java.util.Arrays.toString(a);
    if (value instanceof Object[] a) return java.util.Arrays.deepToString(a);
    return String.valueOf(value);
}

void check(String what, Object actual, Object expected) {
    if (java.util.Objects.deepEquals(actual, expected)) {
        System.out.println("✅ Right: " + what);
    } else {
        System.out.println("❌ Not yet: " + what + " (expected " + show(expected) + ", got " + show(actual) + ")");
    }
}
