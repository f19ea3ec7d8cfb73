package org.learnbox.bridge.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.learnbox.bridge.config.BoxVersion;
import org.learnbox.bridge.config.PostgresState;

/**
 * A box's state moved from its H2 file to PostgreSQL (the box going onto a cluster), with the box's
 * services stopped: the target gets the box's schema from the same migrations, then every row of
 * every table, in one transaction (all of it or nothing), and its counters go on after the rows
 * moved. The source is only read. A target that holds a box's data already is refused.
 */
public final class DatabaseMove {
    private static final String HISTORY = "flyway_schema_history";

    public record Database(String url, String user, String password) {}

    private final Database source;
    private final Database target;

    public DatabaseMove(Database source, Database target) {
        this.source = source;
        this.target = target;
    }

    /** Moves every table's rows; answers how many rows each table had. Refusals are {@link BackupException}s in words. */
    public Map<String, Integer> move(Consumer<String> progress) {
        if (!target.url().startsWith("jdbc:postgresql:")) {
            throw new BackupException("database.refused.not-postgres", target.url());
        }
        MigrationVersion newest = BoxVersion.newestSchema();
        var current = flyway(source, false).info().current();
        MigrationVersion at = current == null ? null : current.getVersion();
        if (at == null || !at.equals(newest)) {
            throw new BackupException("database.refused.source-version", at == null ? "none" : at.getVersion(), newest.getVersion());
        }
        progress.accept("making the box's tables in " + target.url());
        flyway(target, true).migrate();
        try (Connection from = connect(source); Connection to = connect(target)) {
            to.setAutoCommit(false);
            try (Statement statement = to.createStatement()) {
                statement.execute(PostgresState.PLAIN_TYPES);
                // The rows go in table by table: their references are checked at the end, as a whole.
                statement.execute("SET session_replication_role = replica");
            }
            List<String> tables = tablesOf(from);
            if (holdsRows(to, tables)) throw new BackupException("database.refused.target-not-empty", target.url());
            Map<String, Integer> moved = new LinkedHashMap<>();
            for (String table : tables) {
                moved.put(table, copy(from, to, table));
                progress.accept("moved " + moved.get(table) + " rows of " + table);
            }
            Map<String, Long> nextIds = nextIdsOf(from);
            try (Statement statement = to.createStatement()) {
                statement.execute("SET session_replication_role = DEFAULT");
                for (var next : nextIds.entrySet()) goOnFrom(statement, next.getKey(), next.getValue());
            }
            to.commit();
            return moved;
        } catch (SQLException e) {
            throw new BackupException(e, "database.refused.failed", e.getMessage());
        }
    }

    private static Flyway flyway(Database database, boolean postgres) {
        var configuration = Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration");
        if (postgres) configuration.initSql(PostgresState.H2_WORDS);
        return configuration.load();
    }

    private static Connection connect(Database database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static List<String> tablesOf(Connection h2) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = h2.createStatement();
                ResultSet rows = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            while (rows.next()) {
                String table = rows.getString(1).toLowerCase(java.util.Locale.ROOT);
                if (!table.equals(HISTORY)) tables.add(table);
            }
        }
        return tables;
    }

    private static boolean holdsRows(Connection postgres, List<String> tables) throws SQLException {
        try (Statement statement = postgres.createStatement()) {
            for (String table : tables) {
                try (ResultSet any = statement.executeQuery("SELECT 1 FROM " + quoted(table) + " LIMIT 1")) {
                    if (any.next()) return true;
                }
            }
        }
        return false;
    }

    private static int copy(Connection from, Connection to, String table) throws SQLException {
        int rows = 0;
        try (Statement read = from.createStatement(); ResultSet source = read.executeQuery("SELECT * FROM " + table.toUpperCase(java.util.Locale.ROOT))) {
            ResultSetMetaData columns = source.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) names.add(quoted(columns.getColumnName(i).toLowerCase(java.util.Locale.ROOT)));
            String insert = "INSERT INTO " + quoted(table) + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
            try (PreparedStatement write = to.prepareStatement(insert)) {
                while (source.next()) {
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        switch (columns.getColumnType(i)) {
                            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> write.setBytes(i, source.getBytes(i));
                            case Types.CLOB, Types.NCLOB, Types.LONGVARCHAR -> write.setString(i, source.getString(i));
                            case Types.TIMESTAMP_WITH_TIMEZONE -> write.setObject(i, source.getObject(i, OffsetDateTime.class));
                            default -> write.setObject(i, source.getObject(i));
                        }
                    }
                    write.addBatch();
                    if (++rows % 500 == 0) write.executeBatch();
                }
                write.executeBatch();
            }
        }
        return rows;
    }

    /** Each table's next id as H2 would have given it (an id once given, its row since removed, is not given again). */
    private static Map<String, Long> nextIdsOf(Connection h2) throws SQLException {
        Map<String, Long> next = new LinkedHashMap<>();
        try (Statement statement = h2.createStatement();
                ResultSet rows = statement.executeQuery("SELECT TABLE_NAME, IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND COLUMN_NAME = 'ID' AND IS_IDENTITY = 'YES'")) {
            while (rows.next()) next.put(rows.getString(1).toLowerCase(java.util.Locale.ROOT), rows.getLong(2));
        }
        return next;
    }

    /** The table's identity column goes on from where H2's would have, and after every id moved. */
    private static void goOnFrom(Statement postgres, String table, long next) throws SQLException {
        postgres.execute("SELECT setval(pg_get_serial_sequence('" + quoted(table) + "', 'id'), GREATEST(" + next
                + ", COALESCE(MAX(id), 0) + 1), false) FROM " + quoted(table));
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
