package org.learnbox.bridge.config;

/** Sizes as people read them: KiB, MiB, or GiB with one decimal. */
public final class Sizes {
    private static final long MIB = 1 << 20;
    private static final long GIB = 1L << 30;

    private Sizes() {}

    public static String shown(long bytes) {
        if (bytes >= GIB) return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) GIB);
        if (bytes >= MIB) return bytes / MIB + " MiB";
        return bytes == 0 ? "0 KiB" : Math.max(1, bytes / 1024) + " KiB"; // a small file is not nothing
    }
}
