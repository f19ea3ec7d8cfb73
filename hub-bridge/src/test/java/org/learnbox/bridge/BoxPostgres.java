package org.learnbox.bridge;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/** The box's PostgreSQL (learnbox/postgres, Debian's package) as the tests start it: its role learnbox with this password. */
public final class BoxPostgres {
    private BoxPostgres() {}

    public static GenericContainer<?> container(String password) {
        return new GenericContainer<>("learnbox/postgres:latest")
                .withEnv("LEARNBOX_POSTGRES_PASSWORD", password)
                .withExposedPorts(5432)
                .waitingFor(Wait.forListeningPort());
    }
}
