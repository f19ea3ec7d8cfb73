package org.learnbox.bridge.config;

import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** Settings for tests that build beans by hand: the defaults, with what a test cares about changed. */
public final class TestProperties {
    private TestProperties() {}

    public static LearnboxProperties.Sandbox sandbox(String image) {
        return new LearnboxProperties.Sandbox(image, 1, DataSize.ofGigabytes(1), 512, "learnbox-test-sandboxes", 10, DataSize.ofGigabytes(1), 8888, "http://127.0.0.1:9", true, java.time.Duration.ofMinutes(10), 0, DataSize.ofMegabytes(100), "");
    }

    public static LearnboxProperties.Hub hub(String apiUrl) {
        return new LearnboxProperties.Hub(apiUrl, Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofDays(7));
    }

    public static LearnboxProperties.Courses courses(String repositories) {
        return new LearnboxProperties.Courses(repositories, "/nonexistent", "http://127.0.0.1:9/git/courses");
    }

    public static LearnboxProperties of(String box, LearnboxProperties.Sandbox sandbox, LearnboxProperties.Hub hub,
            LearnboxProperties.Courses courses) {
        return new LearnboxProperties("test-secret", box, sandbox, hub, courses, login(), noSso(), snippets("/nonexistent"), apps(), git("/nonexistent"), "learnbox");
    }

    public static LearnboxProperties.Login login() {
        return new LearnboxProperties.Login(5, 20, Duration.ofMinutes(15));
    }

    public static LearnboxProperties.Snippets snippets(String storage) {
        return new LearnboxProperties.Snippets(storage, DataSize.ofMegabytes(1));
    }

    public static LearnboxProperties.Sso noSso() {
        return new LearnboxProperties.Sso(false, "http://localhost:8080/realms/learnbox", "", "learnbox-bridge", "");
    }

    public static LearnboxProperties.Apps apps() {
        return new LearnboxProperties.Apps("apps.localhost", 8001, "http://127.0.0.1:8001", "learnbox-test-apps", 0.5, DataSize.ofMegabytes(256),
                128, 3, DataSize.ofMegabytes(10), DataSize.ofGigabytes(2), Duration.ofMinutes(15), Duration.ofSeconds(30), 600,
                "/nonexistent/apps");
    }

    public static LearnboxProperties.Git git(String repositories) {
        return new LearnboxProperties.Git(repositories, DataSize.ofMegabytes(50), "main", java.time.Duration.ofMinutes(10), 1.0,
                DataSize.ofGigabytes(1), 256, DataSize.ofGigabytes(2), DataSize.ofGigabytes(2), 5);
    }
}
