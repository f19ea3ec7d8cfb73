package org.learnbox.bridge.config;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Once the database gave up (H2 closes its store after a failed write, e.g. on a full disk, and
 * its connections stay "valid" and fail), the database is shut and every pooled connection thrown
 * away, and one made meanwhile is tested before it is lent: the next one opens the database again
 * (it reads while the disk is full), so the bridge works once there is room, without a restart.
 */
@Component
class EvictAfterStoreFailure implements BeanPostProcessor {
    private static final Logger log = LoggerFactory.getLogger(EvictAfterStoreFailure.class);
    private static final String STORE_FAILURE = "org.h2.mvstore.MVStoreException";
    private static final int DATABASE_IS_CLOSED = 90098;
    private static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof HikariDataSource pool) {
            pool.setExceptionOverride(new WholePool(pool));
            pool.setConnectionTestQuery("SELECT 1"); // H2 calls a connection to its closed store valid; a query finds out
        }
        return bean;
    }

    private record WholePool(HikariDataSource pool) implements SQLExceptionOverride {
        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException failure) {
            return EvictAfterStoreFailure.adjudicate(pool, failure);
        }
    }

    static SQLExceptionOverride.Override adjudicate(HikariDataSource pool, SQLException failure) {
        boolean closed = closedAlready(failure);
        if (!closed && !causedBy(failure, STORE_FAILURE)) return SQLExceptionOverride.Override.CONTINUE_EVICT;
        if (!closed) shutDown(pool); // the failure itself; after it, "closed" may come from a database opened afresh
        HikariPoolMXBean connections = pool.getHikariPoolMXBean();
        if (connections != null) connections.softEvictConnections(); // the others share the closed store
        return SQLExceptionOverride.Override.MUST_EVICT;
    }

    /**
     * H2 lends new connections of a database whose store failed, and takes writes on them that it
     * never keeps, until it has closed itself; shut at once, the next connection opens it afresh.
     */
    private static void shutDown(HikariDataSource pool) {
        if (pool.getJdbcUrl() == null || !pool.getJdbcUrl().startsWith("jdbc:h2:")) return;
        try (Connection database = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
                Statement shutdown = database.createStatement()) {
            shutdown.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException alreadyClosed) {
            log.debug("the failed database is closed already", alreadyClosed);
        }
    }

    private static boolean causedBy(Throwable failure, String className) {
        return Causes.any(failure, t -> t.getClass().getName().equals(className));
    }

    private static boolean closedAlready(SQLException failure) {
        return Causes.any(failure, t -> t instanceof SQLException sql
                && (sql.getErrorCode() == DATABASE_IS_CLOSED || sql.getErrorCode() == DATABASE_CALLED_AT_SHUTDOWN));
    }
}
