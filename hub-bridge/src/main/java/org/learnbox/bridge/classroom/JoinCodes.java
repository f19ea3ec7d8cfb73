package org.learnbox.bridge.classroom;

import java.util.Locale;
import org.learnbox.bridge.config.ReadableRandom;

/** Join codes like {@code K7QM-2XPD}: easy to read aloud and type, with no 0/O, 1/I/L to confuse. */
final class JoinCodes {
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private JoinCodes() {}

    static String next() {
        String letters = ReadableRandom.of(ALPHABET, 8);
        return letters.substring(0, 4) + "-" + letters.substring(4);
    }

    /** What a person typed, as stored: upper case, the dash where it belongs, spaces ignored. */
    static String normalize(String typed) {
        String letters = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return letters.length() == 8 ? letters.substring(0, 4) + "-" + letters.substring(4) : letters;
    }
}
