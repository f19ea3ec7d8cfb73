package org.learnbox.bridge.devops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.learnbox.bridge.config.ReadableRandom;
import org.learnbox.bridge.identity.AccountRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for git: what a git client sends instead of a password (with single sign-on
 * on, there is no box password to send). A token is shown once when it is made; the box keeps only
 * its SHA-256, and the first characters so that its owner recognises it in the list.
 */
@Service
public class GitTokenService {
    static final String PREFIX = "lbx_";
    static final int MAX_PER_PERSON = 20;
    private static final int RANDOM_LENGTH = 40; // about 230 bits
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,39}");
    /** A token's "last used" is written at most this often: a clone is several requests. */
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    /** A token just made: the only time its secret is known. */
    public record MadeToken(String name, String secret) {}

    /** A token as its owner's list shows it. */
    public record TokenView(long id, String name, String hint, Instant createdAt, Instant lastUsedAt) {}

    private final GitTokenRepository tokens;
    private final Clock clock;

    GitTokenService(GitTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional
    public MadeToken make(String owner, String name) {
        String trimmed = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (!NAME.matcher(trimmed).matches()) {
            throw new RepoException("token.refused.name");
        }
        if (tokens.countByOwner(owner) >= MAX_PER_PERSON) {
            throw new RepoException("token.refused.too-many", MAX_PER_PERSON);
        }
        String secret = PREFIX + ReadableRandom.of(ReadableRandom.WITHOUT_LOOK_ALIKES, RANDOM_LENGTH);
        tokens.save(new GitToken(owner, trimmed, sha256(secret), secret.substring(0, PREFIX.length() + 4)));
        return new MadeToken(trimmed, secret);
    }

    public List<TokenView> list(String owner) {
        return tokens.findByOwnerOrderByCreatedAtDesc(owner).stream()
                .map(t -> new TokenView(t.getId(), t.getName(), t.getHint(), t.getCreatedAt(), t.getLastUsedAt()))
                .toList();
    }

    /** Revokes one of the person's tokens; someone else's is refused exactly as a missing one. */
    @Transactional
    public String revoke(String owner, long id) {
        GitToken token = tokens.findById(id).filter(t -> t.getOwner().equals(owner))
                .orElseThrow(() -> new RepoException("token.refused.no-such"));
        tokens.delete(token);
        return token.getName();
    }

    /** Whether the secret is a live token of this person; a token that is used is marked so. */
    @Transactional
    public boolean isTokenOf(String person, String secret) {
        if (!looksLikeToken(secret)) return false;
        return tokens.findByTokenHash(sha256(secret)).filter(t -> t.getOwner().equals(person)).map(token -> {
            Instant now = clock.instant();
            if (token.getLastUsedAt() == null || token.getLastUsedAt().isBefore(now.minus(USE_RECORDED_EVERY))) {
                token.usedAt(now);
            }
            return true;
        }).orElse(false);
    }

    static boolean looksLikeToken(String secret) {
        return secret != null && secret.startsWith(PREFIX);
    }

    @EventListener
    @Transactional
    void onAccountRemoved(AccountRemoved removed) {
        tokens.deleteByOwner(removed.name());
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
