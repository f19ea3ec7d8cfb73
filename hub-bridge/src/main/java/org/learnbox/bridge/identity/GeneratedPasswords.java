package org.learnbox.bridge.identity;

import java.security.SecureRandom;

/** Passwords the box makes for people: 14 characters a teacher can read out without 0/O or 1/l mix-ups. */
final class GeneratedPasswords {
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedPasswords() {}

    static String next() {
        StringBuilder password = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
