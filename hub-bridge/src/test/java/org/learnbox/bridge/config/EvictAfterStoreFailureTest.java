package org.learnbox.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.io.IOException;
import java.sql.SQLException;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;

class EvictAfterStoreFailureTest {
    private final EvictAfterStoreFailure override = new EvictAfterStoreFailure();

    @Test
    void aConnectionWhoseStoreFailedIsThrownAway() {
        MVStoreException store = new MVStoreException(2, "Writing to the file failed");
        store.initCause(new IOException("No space left on device"));
        SQLException failedWrite = new SQLException("General error", "HY000", 50000, store);
        assertThat(override.adjudicate(failedWrite)).isEqualTo(Override.MUST_EVICT);
        assertThat(override.adjudicate(new SQLException("Database is already closed", "90121", 90121))).isEqualTo(Override.MUST_EVICT);
    }

    @Test
    void otherFailuresAreLeftToThePool() {
        assertThat(override.adjudicate(new SQLException("Unique index or primary key violation", "23505", 23505)))
                .isEqualTo(Override.CONTINUE_EVICT);
    }
}
