package org.learnbox.bridge.snippet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetPublisherTest {
    private static SnippetView titled(String title) {
        return new SnippetView("AbCdEfGhJk", "ada", title, Language.PYTHON, Visibility.PUBLIC, 1, 1, Instant.now(),
                List.of(new SnippetFile("app.py", "")), null, true, true);
    }

    @Test
    void anAppIsNamedAfterItsSnippetsTitle() {
        assertThat(SnippetPublisher.appName(titled("My Flask app!"))).isEqualTo("my-flask-app");
        assertThat(SnippetPublisher.appName(titled("  Über -- Quiz 2 "))).isEqualTo("ber-quiz-2");
        assertThat(SnippetPublisher.appName(titled("A very long title for a small snippet that serves"))).hasSizeLessThanOrEqualTo(32)
                .isEqualTo("a-very-long-title-for-a-small-sn");
        assertThat(SnippetPublisher.appName(titled("!!"))).isEqualTo("snippet-abcdefghjk");
    }
}
