package org.learnbox.bridge.config;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * A pooled connection whose database gave up (H2 closes its store after a failed write, e.g. on a
 * full disk, and its connections stay "valid") is thrown away: the next one opens the database
 * again, so the bridge works once there is room, without a restart. Named in application.properties.
 */
public class EvictAfterStoreFailure implements SQLExceptionOverride {
    private static final int DATABASE_IS_CLOSED = 90098;
    private static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException")) return Override.MUST_EVICT;
            if (t instanceof SQLException sql
                    && (sql.getErrorCode() == DATABASE_IS_CLOSED || sql.getErrorCode() == DATABASE_CALLED_AT_SHUTDOWN)) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
