package org.learnbox.bridge.config;

/** The secret the box script, the hub plugin and the bridge share. */
public final class SharedSecret {
    static final int MIN_LENGTH = 32;

    private SharedSecret() {}

    public static String require(LearnboxProperties properties) {
        String secret = properties.sharedSecret();
        if (secret == null || secret.length() < MIN_LENGTH) {
            throw new IllegalStateException("learnbox.shared-secret (the init service's file shared-secret, or LEARNBOX_SHARED_SECRET) must be set to at least "
                    + MIN_LENGTH + " random characters; the init service makes one");
        }
        return secret;
    }
}
