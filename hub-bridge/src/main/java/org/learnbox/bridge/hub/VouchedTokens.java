package org.learnbox.bridge.hub;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whose JupyterHub token it is, as the hub says, remembered a minute each so that a notebook's
 * calls do not each ask the hub. Anyone can send tokens: the most recently vouched for are kept
 * when there are more than {@link #MOST_REMEMBERED}, and a token the hub does not know is never kept.
 */
@Component
public final class VouchedTokens {
    static final int MOST_REMEMBERED = 10_000;
    private static final Duration REMEMBERED = Duration.ofSeconds(60);

    private final Function<String, Optional<String>> hubOwnerOf;
    private final Cache<String, String> owners;

    @Autowired
    VouchedTokens(JupyterHubClient hub, Clock clock) {
        this(hub::ownerOf, clock);
    }

    VouchedTokens(Function<String, Optional<String>> hubOwnerOf, Clock clock) {
        this.hubOwnerOf = hubOwnerOf;
        this.owners = Caffeine.newBuilder().maximumSize(MOST_REMEMBERED).expireAfterWrite(REMEMBERED).executor(Runnable::run)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    Optional<String> ownerOf(String token) {
        String known = owners.getIfPresent(token);
        if (known != null) return Optional.of(known);
        Optional<String> name = hubOwnerOf.apply(token);
        name.ifPresent(owner -> owners.put(token, owner));
        return name;
    }
}
