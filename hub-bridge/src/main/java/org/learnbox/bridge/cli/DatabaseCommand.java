package org.learnbox.bridge.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.learnbox.bridge.backup.BackupException;
import org.learnbox.bridge.backup.DatabaseMove;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The box's own database: {@code learnbox database move} takes a box's state from its H2 file to
 * PostgreSQL (for a cluster), with the box's services stopped, in a one-off container of the
 * bridge's image: {@code docker compose run --rm -T --no-deps bridge learnbox database move --to URL}.
 */
@Command(name = "database", mixinStandardHelpOptions = true, description = "The box's own database.",
        subcommands = DatabaseCommand.Move.class)
final class DatabaseCommand {
    @Command(name = "move", mixinStandardHelpOptions = true,
            description = {"Moves this box's state (accounts, classes, snippets, releases, grades...) from its H2 file to an empty",
                    "PostgreSQL database, whose password is read from standard input. The box's services must be stopped:",
                    "  docker compose stop",
                    "  docker compose run --rm -T --no-deps bridge learnbox database move --to jdbc:postgresql://HOST:5432/bridge < password",
                    "The H2 file is only read; the target gets all of it or nothing."})
    static final class Move implements Callable<Integer> {
        @Option(names = "--to", required = true, paramLabel = "URL", description = "The PostgreSQL database (jdbc:postgresql://HOST:PORT/DATABASE).")
        String to;

        @Option(names = "--user", defaultValue = "learnbox", description = "Its user (default: ${DEFAULT-VALUE}).")
        String user;

        @Override
        public Integer call() {
            String password;
            try {
                password = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path data = Path.of(System.getenv().getOrDefault("LEARNBOX_DATA_DIR", "/var/lib/learnbox"));
            DatabaseMove move = new DatabaseMove(new DatabaseMove.Database("jdbc:h2:file:" + data.resolve("bridge"), "sa", ""),
                    new DatabaseMove.Database(to, user, password));
            try {
                Map<String, Integer> moved = move.move(step -> System.err.println("database: " + step));
                System.out.println("moved " + moved.values().stream().mapToInt(Integer::intValue).sum() + " rows of " + moved.size()
                        + " tables to " + to + "; the bridge uses it with SPRING_DATASOURCE_URL=" + to + " (and its user and password)");
                return 0;
            } catch (BackupException refused) {
                throw new AdminApi.Refused(refused.getMessage());
            }
        }
    }
}
