package org.learnbox.bridge.snippet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnippetIdsTest {
    @Test
    void idsAreTenUrlSafeCharactersWithoutLookAlikesAndDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = SnippetIds.next();
            assertThat(id).hasSize(10).matches("[A-Za-z0-9]+").doesNotContain("0", "O", "I", "l");
            assertThat(SnippetIds.isWellFormed(id)).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void textThatCouldBeAPathIsNotAnId() {
        assertThat(SnippetIds.isWellFormed("../../etc")).isFalse();
        assertThat(SnippetIds.isWellFormed("abcdefghi/")).isFalse();
        assertThat(SnippetIds.isWellFormed("abcdefghij1")).isFalse();
        assertThat(SnippetIds.isWellFormed("O0Il000000")).isFalse();
        assertThat(SnippetIds.isWellFormed(null)).isFalse();
    }
}
