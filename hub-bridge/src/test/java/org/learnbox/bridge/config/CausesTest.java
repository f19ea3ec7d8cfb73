package org.learnbox.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class CausesTest {
    @Test
    void findsWhatIsAskedForAnywhereInTheChain() {
        var deep = new IllegalStateException("outer", new UncheckedIOException(new IOException("No space left on device")));

        assertThat(Causes.any(deep, IOException.class)).isTrue();
        assertThat(Causes.any(deep, t -> "No space left on device".equals(t.getMessage()))).isTrue();
        assertThat(Causes.any(deep, IllegalArgumentException.class)).isFalse();
        assertThat(Causes.any(null, Throwable.class)).isFalse();
    }

    @Test
    void aChainThatLoopsBackEnds() {
        var first = new RuntimeException("first");
        var second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(Causes.any(first, IOException.class)).isFalse();
        assertThat(Causes.any(first, t -> "second".equals(t.getMessage()))).isTrue();
    }
}
