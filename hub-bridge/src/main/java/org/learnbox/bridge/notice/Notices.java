package org.learnbox.bridge.notice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * What the box tells everyone at work: an admin's words ("the box restarts at 17:00") and the
 * box's own (an upgrade). Every open JupyterLab asks for them now and then and shows each new one
 * once. Kept in memory, the newest few: a notice is for the people at work now.
 */
@Component
public class Notices {
    public static final int KEPT = 5;
    public static final int LONGEST = 300;

    public record Notice(long id, String message, Instant at) {}

    private final Deque<Notice> newestFirst = new ArrayDeque<>();
    // Ids grow from the bridge's start time, so a lab open across a restart never takes a new notice for one it has seen.
    private final AtomicLong ids;
    private final Clock clock;

    public Notices() {
        this(Clock.systemUTC());
    }

    Notices(Clock clock) {
        this.clock = clock;
        this.ids = new AtomicLong(clock.millis());
    }

    public Notice post(String message) {
        String words = message == null ? "" : message.strip();
        if (words.isEmpty()) throw new NoticeRefused("notice.refused.empty");
        if (words.length() > LONGEST) {
            throw new NoticeRefused("notice.refused.too-long", LONGEST, words.length());
        }
        Notice notice = new Notice(nextId(), words, clock.instant());
        synchronized (newestFirst) {
            newestFirst.addFirst(notice);
            while (newestFirst.size() > KEPT) newestFirst.removeLast();
        }
        return notice;
    }

    /** A new notice's id, never one given before, for everyone's notices and a person's own alike. */
    long nextId() {
        return ids.incrementAndGet();
    }

    Instant now() {
        return clock.instant();
    }

    public List<Notice> current() {
        synchronized (newestFirst) {
            return List.copyOf(newestFirst);
        }
    }

    public void clear() {
        synchronized (newestFirst) {
            newestFirst.clear();
        }
    }
}
