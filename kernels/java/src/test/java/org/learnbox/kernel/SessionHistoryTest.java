package org.learnbox.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SessionHistoryTest {

    @Test
    void rangeAcceptsTheSessionsOwnNumberAndOutputsComeAsPairs() {
        SessionHistory history = new SessionHistory();
        history.add(1, "6 * 7");
        history.add(2, "1 + 1");

        HistoryEntry first = history.lookupTail(2, Set.of()).getFirst();
        assertThat(first.hasOutput()).isFalse();
        assertThat(history.lookupRange(first.getSession(), first.getCellNumber(), first.getCellNumber() + 1, Set.of()))
                .extracting(HistoryEntry::getInput).containsExactly("6 * 7");
        assertThat(history.lookupTail(2, Set.of(ResultFlag.INCLUDE_OUTPUT)))
                .allSatisfy(e -> assertThat(e.hasOutput()).isTrue());
        assertThat(history.search("6*", 3, Set.of(ResultFlag.UNIQUE))).hasSize(1);
    }
}
