package org.learnbox.bridge.app;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;

/**
 * Each app's requests since the bridge started, as the gateway reports them by host. Any host of
 * the apps' form counts, whether the app exists or not (the gateway sees a scanner's too), so the
 * apps counted are bounded: the least used go first, and a box's real apps are far fewer.
 */
final class AppRequestCounts {
    static final int MOST_COUNTED = 10_000;
    private static final AppRequests NONE = new AppRequests(0, 0);

    private final Map<String, AppRequests> byApp = Caffeine.newBuilder().maximumSize(MOST_COUNTED).executor(Runnable::run)
            .<String, AppRequests>build().asMap();

    void add(String user, String name, AppRequests more) {
        byApp.merge(key(user, name), more, AppRequests::and);
    }

    AppRequests of(String user, String name) {
        return byApp.getOrDefault(key(user, name), NONE);
    }

    void forget(String user, String name) {
        byApp.remove(key(user, name));
    }

    private static String key(String user, String name) {
        return user + "/" + name;
    }
}
