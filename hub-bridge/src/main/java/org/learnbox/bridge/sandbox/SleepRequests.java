package org.learnbox.bridge.sandbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The learners whose next stop puts their sandbox to sleep instead (the idle cull's stop), not
 * away (their own "Stop My Server", a teacher's stop, a removal). Holds at most the box's learners.
 */
@Component
public class SleepRequests {
    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    public void ask(String user) {
        asked.add(user);
    }

    public boolean isAsked(String user) {
        return asked.contains(user);
    }

    /** Whether the learner's next stop was to be a sleep; asked once, it is answered once. */
    boolean take(String user) {
        return asked.remove(user);
    }
}
