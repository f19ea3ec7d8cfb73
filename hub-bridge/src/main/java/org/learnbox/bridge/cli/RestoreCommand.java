package org.learnbox.bridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.learnbox.bridge.backup.BackupException;
import org.learnbox.bridge.backup.BackupManifest;
import org.learnbox.bridge.backup.BackupRestore;
import org.learnbox.bridge.backup.DockerBoxVolumes;
import org.learnbox.bridge.config.BoxVersion;
import org.learnbox.bridge.config.LearnboxProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Brings a backup back, with the box's services stopped, in a one-off container of the bridge's
 * image that has the bridge's data and the Docker socket:
 * {@code docker compose run --rm -T --no-deps bridge learnbox restore - < backup.tar.gz}.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Brings a backup (FILE, or standard input with '-') back onto this box, whose services must be stopped:",
                "  docker compose stop",
                "  docker compose run --rm -T --no-deps bridge learnbox restore - < backup.tar.gz",
                "  docker compose up -d",
                "The archive is checked whole before anything is changed."})
final class RestoreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    String input;

    @Option(names = "--replace", description = "Replace what this box holds already (its learners' homes, repositories, snippets).")
    boolean replace;

    @Override
    public Integer call() {
        String box = System.getenv().getOrDefault("LEARNBOX_BOX", "learnbox");
        Path dataDir = Path.of(System.getenv().getOrDefault("LEARNBOX_DATA_DIR", "/var/lib/learnbox"));
        String image = System.getenv().getOrDefault("LEARNBOX_SANDBOX_IMAGE", "");
        if (image.isBlank()) image = LearnboxProperties.image(System.getenv().getOrDefault("LEARNBOX_IMAGES", "learnbox"), "sandbox");
        try (InputStream archive = input.equals("-") ? System.in : Files.newInputStream(Path.of(input))) {
            BackupRestore restore = new BackupRestore(dataDir, DockerBoxVolumes.connect(box, image), BoxVersion.newestSchema());
            BackupManifest manifest = restore.restore(archive, replace, step -> System.err.println("restoring: " + step));
            System.out.println("restored the backup of box '" + manifest.box() + "' made " + manifest.created() + " ("
                    + manifest.entries().size() + " files, " + manifest.bytes() + " bytes); start the box: docker compose up -d");
            return 0;
        } catch (NoSuchFileException missing) {
            throw new AdminApi.Refused("There is no file " + input + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BackupException refused) {
            throw new AdminApi.Refused(refused.getMessage());
        }
    }
}
