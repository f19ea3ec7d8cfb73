package org.learnbox.bridge.identity;

import org.learnbox.bridge.config.ReadableRandom;

/** Passwords the box makes for people: 14 characters a teacher can read out without 0/O or 1/l mix-ups. */
final class GeneratedPasswords {
    private GeneratedPasswords() {}

    static String next() {
        return ReadableRandom.password(14);
    }
}
