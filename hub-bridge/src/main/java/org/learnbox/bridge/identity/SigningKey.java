package org.learnbox.bridge.identity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An HMAC-SHA256 key that signs what the bridge hands out and later takes back (tokens, cookies). */
final class SigningKey {
    private final SecretKeySpec key;

    SigningKey(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** A key of this bridge's start alone: what it signed is not taken back by another start. */
    static SigningKey random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SigningKey(key);
    }

    byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** In constant time, as a signature is compared. */
    boolean signed(byte[] body, byte[] signature) {
        return MessageDigest.isEqual(sign(body), signature);
    }
}
