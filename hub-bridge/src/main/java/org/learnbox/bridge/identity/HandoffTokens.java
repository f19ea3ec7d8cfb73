package org.learnbox.bridge.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.SharedSecret;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One-time, short-lived, signed tokens that hand a logged-in person over to JupyterHub.
 * A token is {@code base64url(name:expiry:nonce:login).base64url(hmac)}; each nonce is redeemed once.
 * {@code login} names the bridge's session the person handed over from (a hash of its id, never the
 * id itself): the hub keeps it with its own session, so that a changed password ends the hub's and
 * the labs' sessions of the person's other logins and not the one that changed it.
 */
@Component
public class HandoffTokens {
    static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SigningKey key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** The nonces of tokens used, each kept as long as a token lives. */
    private final Cache<String, Boolean> redeemed;

    @Autowired
    HandoffTokens(LearnboxProperties properties, Clock clock) {
        this(SharedSecret.require(properties), clock);
    }

    public HandoffTokens(String secret, Clock clock) {
        this.key = new SigningKey(secret.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
        this.redeemed = Caffeine.newBuilder().expireAfterWrite(LIFETIME)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).executor(Runnable::run).build();
    }

    /** One person's hand-over as the hub redeems it: who, and from which login of the bridge. */
    public record Handoff(String name, String login) {}

    /**
     * Where the hub logs the person in: its callback, with a fresh token, then on to {@code next} (a
     * path of this box); {@code sessionId} is the bridge's session the person is logged in with.
     */
    public String callback(String name, String sessionId, String next) {
        return "/hub/learnbox/callback?token=" + mint(name, loginOf(sessionId)) + "&next="
                + URLEncoder.encode(safeNext(next), StandardCharsets.UTF_8);
    }

    /** What the hub knows a bridge session by: a hash of its id (the id would be a way in). */
    public static String loginOf(String sessionId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(java.util.Arrays.copyOf(hash, 16));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Only paths of this box: never an open redirect. */
    static String safeNext(String next) {
        boolean local = next.startsWith("/hub/") || next.startsWith("/user/");
        return local && !next.startsWith("//") && !next.contains("\\") ? next : "/hub/spawn";
    }

    public String mint(String name, String login) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        long expiry = clock.instant().plus(LIFETIME).getEpochSecond();
        String payload = name + ":" + expiry + ":" + ENCODER.encodeToString(nonce) + ":" + login;
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(key.sign(body));
    }

    /** Who the token was made for, and in which login, if it is genuine, unexpired and not used before. */
    public Optional<Handoff> redeem(String token) {
        Instant now = clock.instant();
        if (token == null) return Optional.empty();
        String[] parts = token.split("\\.");
        if (parts.length != 2) return Optional.empty();
        byte[] body;
        byte[] signature;
        try {
            body = Base64.getUrlDecoder().decode(parts[0]);
            signature = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!key.signed(body, signature)) return Optional.empty();
        String[] fields = new String(body, StandardCharsets.UTF_8).split(":");
        if (fields.length != 4) return Optional.empty();
        Instant expiry = Instant.ofEpochSecond(Long.parseLong(fields[1]));
        if (!expiry.isAfter(now)) return Optional.empty();
        if (redeemed.asMap().putIfAbsent(fields[2], Boolean.TRUE) != null) return Optional.empty();
        return Optional.of(new Handoff(fields[0], fields[3]));
    }
}
