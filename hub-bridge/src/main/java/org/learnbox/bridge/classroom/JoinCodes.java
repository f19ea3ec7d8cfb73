package org.learnbox.bridge.classroom;

import java.security.SecureRandom;
import java.util.Locale;

/** Join codes like {@code K7QM-2XPD}: easy to read aloud and type, with no 0/O, 1/I/L to confuse. */
final class JoinCodes {
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodes() {}

    static String next() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) code.append('-');
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a person typed, as stored: upper case, the dash where it belongs, spaces ignored. */
    static String normalize(String typed) {
        String letters = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return letters.length() == 8 ? letters.substring(0, 4) + "-" + letters.substring(4) : letters;
    }
}
