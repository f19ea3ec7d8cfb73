package org.learnbox.bridge.config;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/** An error's chain of causes, asked once: is any of them what the caller looks for. */
public final class Causes {
    private Causes() {}

    public static boolean any(Throwable error, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>()); // a chain may loop back
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (test.test(t)) return true;
        }
        return false;
    }

    public static boolean any(Throwable error, Class<? extends Throwable> kind) {
        return any(error, kind::isInstance);
    }
}
