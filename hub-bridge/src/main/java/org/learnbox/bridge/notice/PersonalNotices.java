package org.learnbox.bridge.notice;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.learnbox.bridge.sandbox.SandboxStartedAfresh;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the box tells one person only, in their lab: that their sandbox could not wake as they
 * left it. The newest one per person, for an hour (their lab asks every 30 seconds); as many as
 * a school has learners, no more.
 */
@Component
class PersonalNotices {
    static final Duration KEPT_FOR = Duration.ofHours(1);
    private static final int MOST_PEOPLE = 10_000;

    /** A notice for one person: the key of its words, said in the language of whoever asks. */
    record Personal(long id, String wordsKey, Instant at) {}

    private final Notices notices;
    private final Cache<String, Personal> byPerson = Caffeine.newBuilder()
            .expireAfterWrite(KEPT_FOR).maximumSize(MOST_PEOPLE).build();

    PersonalNotices(Notices notices) {
        this.notices = notices;
    }

    @EventListener
    void onStartedAfresh(SandboxStartedAfresh afresh) {
        String key = afresh.byTheEngine() ? "notice.sandbox-restarted-while-asleep" : "notice.sandbox-started-afresh";
        byPerson.put(afresh.user(), new Personal(notices.nextId(), key, notices.now()));
    }

    Optional<Personal> of(String person) {
        return Optional.ofNullable(byPerson.getIfPresent(person));
    }
}
