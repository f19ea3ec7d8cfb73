package org.learnbox.bridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** find's listing of a home, read as the box reads it. */
class DockerHomeReadsTest {
    private static byte[] listing(String text) {
        return text.replace('|', '\0').getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordsGiveSizeTimeAndPathInPathOrderAndNamesMayHoldSpaces() {
        HomeListing home = DockerHomeReads.parse(listing("59 1764842023.2390885870 work/my plan.ipynb|3 1764842000.0000000000 a.ipynb|"), 10);
        assertThat(home.files()).containsExactly(
                new HomeFile("a.ipynb", 3, Instant.ofEpochSecond(1764842000)),
                new HomeFile("work/my plan.ipynb", 59, Instant.ofEpochSecond(1764842023, 239088587)));
        assertThat(home.cut()).isFalse();
    }

    @Test
    void moreThanAskedForIsCut() {
        HomeListing home = DockerHomeReads.parse(listing("1 1.0 b.ipynb|1 1.0 a.ipynb|1 1.0 c.ipynb|"), 2);
        assertThat(home.files()).extracting(HomeFile::path).containsExactly("a.ipynb", "b.ipynb");
        assertThat(home.cut()).isTrue();
    }

    @Test
    void aRecordTheByteBoundCutInTwoIsLeftOutAndTheListingSaysItIsCut() {
        byte[] full = new byte[DockerHomeReads.MOST_LISTING_BYTES];
        byte[] first = listing("1 1.0 a.ipynb|");
        System.arraycopy(first, 0, full, 0, first.length);
        java.util.Arrays.fill(full, first.length, full.length, (byte) 'x');
        HomeListing home = DockerHomeReads.parse(full, 10);
        assertThat(home.files()).extracting(HomeFile::path).containsExactly("a.ipynb");
        assertThat(home.cut()).isTrue();
    }
}
