package org.learnbox.bridge.config;

import java.security.SecureRandom;

/** Random text for people to read and type: codes and generated passwords, from an alphabet without look-alikes. */
public final class ReadableRandom {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Letters and digits that cannot be taken for one another (no 0/O, 1/l/I, i). */
    public static final String WITHOUT_LOOK_ALIKES = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private ReadableRandom() {}

    /** A password the box makes for a person, to read out or type. */
    public static String password(int length) {
        return of(WITHOUT_LOOK_ALIKES, length);
    }

    public static String of(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
