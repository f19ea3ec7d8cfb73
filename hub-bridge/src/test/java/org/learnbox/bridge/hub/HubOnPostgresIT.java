package org.learnbox.bridge.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * JupyterHub as the box runs it (learnbox/hub, its configuration and plugin, beside its proxy) on the
 * cluster's PostgreSQL (learnbox/postgres) instead of its SQLite file: it makes its tables there,
 * answers its API, and takes the bridge's service token it keeps there; started again, it finds them.
 */
class HubOnPostgresIT {
    private static final String SECRET = "hub-on-postgres-secret-hub-on-postgres-0123";
    private static final String PASSWORD = "hub-on-postgres";
    private static final Network NETWORK = Network.newNetwork();
    private static final GenericContainer<?> POSTGRES = org.learnbox.bridge.BoxPostgres.container(PASSWORD)
            .withNetwork(NETWORK).withNetworkAliases("postgres");
    /** The proxy, whose network the hub shares, as in the box (the hub reaches its API on 127.0.0.1). */
    private static final GenericContainer<?> PROXY = new GenericContainer<>("learnbox/hub:latest")
            .withNetwork(NETWORK)
            .withEnv("CONFIGPROXY_AUTH_TOKEN", SECRET)
            .withCommand("learnbox-proxy", "--port=8000", "--api-ip=127.0.0.1", "--api-port=8002")
            .withExposedPorts(8000, 8081)
            .waitingFor(Wait.forListeningPort().forPorts(8000));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void thePostgresAndTheProxy() {
        POSTGRES.start();
        PROXY.start();
    }

    @AfterAll
    static void stop() {
        PROXY.stop();
        POSTGRES.stop();
        NETWORK.close();
    }

    private static GenericContainer<?> hub() {
        return new GenericContainer<>("learnbox/hub:latest")
                .withNetworkMode("container:" + PROXY.getContainerId())
                .withEnv("LEARNBOX_SHARED_SECRET", SECRET)
                // As the stack gives it: the address without the password, which is the box's secret's file.
                .withEnv("LEARNBOX_HUB_DB_URL", "postgresql://learnbox@postgres:5432/hub")
                .withEnv("LEARNBOX_HUB_DB_PASSWORD_FILE", "/run/learnbox/postgres-password")
                .withCopyToContainer(org.testcontainers.images.builder.Transferable.of(PASSWORD + "\n"), "/run/learnbox/postgres-password");
    }

    @Test
    void theHubKeepsItsStateOnPostgresAndFindsItAgainAfterARestart() throws Exception {
        try (GenericContainer<?> hub = hub()) {
            hub.start();
            assertThat(awaitUsers(hub)).as("the bridge's service token, kept in PostgreSQL, is taken").isEqualTo(200);
        }
        try (Connection database = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + POSTGRES.getMappedPort(5432) + "/hub", "learnbox", PASSWORD);
                Statement statement = database.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
                while (rows.next()) tables.add(rows.getString(1));
            }
            assertThat(tables).contains("users", "servers", "api_tokens", "services", "alembic_version");
            try (ResultSet services = statement.executeQuery("SELECT name FROM services")) {
                assertThat(services.next()).isTrue();
                assertThat(services.getString(1)).isEqualTo("learnbox-bridge");
            }
        }
        try (GenericContainer<?> again = hub()) {
            again.start();
            assertThat(awaitUsers(again)).as("started again on the same database").isEqualTo(200);
        }
    }

    /** The hub's user list as the bridge asks for it, once the hub answers (its logs on failure). */
    private int awaitUsers(GenericContainer<?> hub) throws Exception {
        URI users = URI.create("http://localhost:" + PROXY.getMappedPort(8081) + "/hub/api/users");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(users).header("Authorization", "token " + SECRET).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 503) return answer.statusCode();
            } catch (java.io.IOException notYet) {
                // the hub is starting
            }
            if (!hub.isRunning()) throw new AssertionError("the hub ended:\n" + hub.getLogs());
            Thread.sleep(200);
        }
        throw new AssertionError("the hub did not answer in 2 minutes:\n" + hub.getLogs());
    }
}
