package org.learnbox.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The init service's secrets: made once, kept at every later start, the admin's password printed only when made. */
class InitCommandTest {
    @TempDir Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream realOut = System.out;

    @AfterEach
    void putBack() {
        System.setOut(realOut);
    }

    @Test
    void theFirstStartMakesEverySecretAndPrintsThePasswordOnceLaterStartsKeepThem() throws IOException {
        assertThat(init()).isZero();
        String shared = Files.readString(dir.resolve("shared-secret"));
        String password = Files.readString(dir.resolve("admin-password"));
        assertThat(shared).matches("[0-9a-f]{64}");
        assertThat(Files.readString(dir.resolve("oidc-client-secret"))).matches("[0-9a-f]{64}").isNotEqualTo(shared);
        assertThat(password).matches("[A-Za-z2-9]{20}");
        assertThat(out.toString()).contains("the admin account is 'admin' with password: " + password + "\n");
        // Every service of the box reads the folder, some as their own user; nothing in it may be changed there.
        for (String secret : new String[] {"shared-secret", "oidc-client-secret", "admin-password"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(secret)))).isEqualTo("r--r--r--");
        }

        out.reset();
        assertThat(init()).isZero();
        assertThat(Files.readString(dir.resolve("shared-secret"))).isEqualTo(shared);
        assertThat(Files.readString(dir.resolve("admin-password"))).isEqualTo(password);
        assertThat(out.toString()).doesNotContain("password").contains("secrets are in place");
        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("shared-secret", "oidc-client-secret", "admin-password");
        }
    }

    @Test
    void aBoxMadeBeforeTheInitServiceKeepsItsSecretsAndItsAdmin() throws IOException {
        String kept = "a".repeat(64);
        assertThat(init("--shared-secret", kept, "--oidc-client-secret", "b".repeat(64))).isZero();
        assertThat(Files.readString(dir.resolve("shared-secret"))).isEqualTo(kept);
        assertThat(Files.readString(dir.resolve("oidc-client-secret"))).isEqualTo("b".repeat(64));
        assertThat(dir.resolve("admin-password")).doesNotExist();
        assertThat(out.toString()).doesNotContain("password");
    }

    @Test
    void aBoxOnAClusterAlsoGetsItsDatabasesPasswordOnceAndKeepsIt() throws IOException {
        assertThat(init()).isZero();
        assertThat(dir.resolve("postgres-password")).as("a single box has no PostgreSQL").doesNotExist();
        assertThat(init("--postgres-password")).isZero();
        String password = Files.readString(dir.resolve("postgres-password"));
        assertThat(password).matches("[0-9a-f]{64}");
        assertThat(init("--postgres-password")).isZero();
        assertThat(Files.readString(dir.resolve("postgres-password"))).isEqualTo(password);
    }

    private int init(String... more) {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        String[] args = new String[more.length + 3];
        args[0] = "init";
        args[1] = "--dir";
        args[2] = dir.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return LearnboxCli.run(new LearnboxCli(null), args);
    }
}
