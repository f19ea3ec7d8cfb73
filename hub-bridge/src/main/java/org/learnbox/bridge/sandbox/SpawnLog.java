package org.learnbox.bridge.sandbox;

import java.util.ArrayList;
import java.util.List;

/** The steps of a user's latest spawn, read by the spawn page while the spawn runs. */
final class SpawnLog {
    private final List<SpawnEvent> events = new ArrayList<>();

    synchronized void add(SpawnEvent event) {
        events.add(event);
    }

    synchronized List<SpawnEvent> since(int index) {
        return index >= events.size() ? List.of() : List.copyOf(events.subList(Math.max(0, index), events.size()));
    }
}
