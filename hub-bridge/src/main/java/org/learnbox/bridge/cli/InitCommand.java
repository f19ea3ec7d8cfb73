package org.learnbox.bridge.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.learnbox.bridge.config.ReadableRandom;
import org.learnbox.bridge.config.SecretFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The box's first step at every start (the compose file's one-shot {@code init} service): the
 * secrets its services share and the first admin's password, made once and kept in a volume
 * that only the box's own services mount. The password is printed the one time it is made, so
 * it shows once in {@code docker compose logs init}; the bridge makes the account from it.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Makes the box's secrets and its first admin's password, once, in DIR; a later run keeps them.")
final class InitCommand implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = SecretFiles.DIR, description = "where the secrets live (default: ${DEFAULT-VALUE})")
    Path dir;

    // A box that ./box made before the init service existed keeps the secrets it has (Keycloak knows its client's).
    @Option(names = "--shared-secret", defaultValue = "${env:LEARNBOX_SHARED_SECRET}", hidden = true)
    String sharedSecretToKeep;

    @Option(names = "--oidc-client-secret", defaultValue = "${env:LEARNBOX_OIDC_CLIENT_SECRET}", hidden = true)
    String clientSecretToKeep;

    @Option(names = "--postgres-password", description = "also the password of the box's PostgreSQL (a box on a Swarm cluster)")
    boolean postgres;

    @Override
    public Integer call() {
        boolean firstStart = !Files.exists(dir.resolve(SecretFiles.SHARED_SECRET)) && isBlank(sharedSecretToKeep);
        writeOnce(SecretFiles.SHARED_SECRET, isBlank(sharedSecretToKeep) ? randomHex() : sharedSecretToKeep, "r--r--r--");
        writeOnce(SecretFiles.OIDC_CLIENT_SECRET, isBlank(clientSecretToKeep) ? randomHex() : clientSecretToKeep, "r--r--r--");
        // Readable by PostgreSQL's own user, which makes the role with it at its first start.
        if (postgres) writeOnce(SecretFiles.POSTGRES_PASSWORD, randomHex(), "r--r--r--");
        if (firstStart && !Files.exists(dir.resolve(SecretFiles.ADMIN_PASSWORD))) {
            String password = ReadableRandom.password(20);
            // Readable like the rest (Spring reads the folder whole, the gateway as nobody): every service
            // of the box holds the shared secret, which is worth more than this first password.
            writeOnce(SecretFiles.ADMIN_PASSWORD, password, "r--r--r--");
            System.out.println("LearnBox's first start: the admin account is 'admin' with password: " + password);
            System.out.println("(shown once, here; change it after logging in)");
        } else {
            System.out.println("LearnBox's secrets are in place in " + dir + ".");
        }
        return 0;
    }

    /** Whole or not at all: a file appears under its name only once its content is written. */
    private void writeOnce(String name, String content, String permissions) {
        Path target = dir.resolve(name);
        if (Files.exists(target)) return;
        try {
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, "." + name, ".partial");
            Files.writeString(partial, content);
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString(permissions));
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
