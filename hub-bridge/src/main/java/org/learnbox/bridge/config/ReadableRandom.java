package org.learnbox.bridge.config;

import java.security.SecureRandom;

/** Random text for people to read and type: codes and generated passwords, from an alphabet without look-alikes. */
public final class ReadableRandom {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReadableRandom() {}

    public static String of(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
