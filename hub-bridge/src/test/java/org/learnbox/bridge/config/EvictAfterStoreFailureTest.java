package org.learnbox.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EvictAfterStoreFailureTest {
    private HikariDataSource pool;

    @BeforeEach
    void aPoolOfThree() {
        pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:mem:evict;DB_CLOSE_DELAY=-1");
        pool.setMaximumPoolSize(3);
        new EvictAfterStoreFailure().postProcessBeforeInitialization(pool, "dataSource");
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void afterTheStoreFailedEveryPooledConnectionIsThrownAway() throws SQLException {
        execute("CREATE TABLE kept(id INT)");
        Set<Connection> before = physicalConnections(3);
        MVStoreException store = new MVStoreException(2, "Writing to the file failed");
        store.initCause(new IOException("No space left on device"));
        SQLException failedWrite = new SQLException("General error", "HY000", 50000, store);

        assertThat(EvictAfterStoreFailure.adjudicate(pool, failedWrite)).isEqualTo(Override.MUST_EVICT);

        assertThat(physicalConnections(3)).doesNotContainAnyElementsOf(before);
        assertThat(tableExists()).as("the failed database was shut (in memory, it forgets its table)").isFalse();
    }

    @Test
    void afterTheFailureConnectionsToTheClosedDatabaseAreThrownAwayAndTheDatabaseOpenedAfreshIsLeftOpen() throws SQLException {
        execute("CREATE TABLE kept(id INT)");
        Set<Connection> before = physicalConnections(3);
        SQLException closed = new SQLException("The database has been closed", "90098", 90098,
                new MVStoreException(2, "Writing to the file failed"));

        assertThat(EvictAfterStoreFailure.adjudicate(pool, closed)).isEqualTo(Override.MUST_EVICT);

        assertThat(physicalConnections(3)).doesNotContainAnyElementsOf(before);
        assertThat(tableExists()).isTrue();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private boolean tableExists() {
        try {
            execute("SELECT COUNT(*) FROM kept");
            return true;
        } catch (SQLException missing) {
            return false;
        }
    }

    @Test
    void otherFailuresAreLeftToThePool() throws SQLException {
        Set<Connection> before = physicalConnections(3);
        assertThat(EvictAfterStoreFailure.adjudicate(pool, new SQLException("Unique index or primary key violation", "23505", 23505)))
                .isEqualTo(Override.CONTINUE_EVICT);
        assertThat(physicalConnections(3)).containsExactlyInAnyOrderElementsOf(before);
    }

    /** Takes every connection of the pool at once, gives them back, and names the database's own connections behind them. */
    private Set<Connection> physicalConnections(int count) throws SQLException {
        Set<Connection> taken = new HashSet<>();
        Set<Connection> physical = new HashSet<>();
        for (int i = 0; i < count; i++) {
            Connection c = pool.getConnection();
            taken.add(c);
            physical.add(c.unwrap(Connection.class));
        }
        for (Connection c : taken) c.close();
        return physical;
    }
}
