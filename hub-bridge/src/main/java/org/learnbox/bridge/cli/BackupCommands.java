package org.learnbox.bridge.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.learnbox.bridge.backup.BackupArchive;
import org.learnbox.bridge.backup.BackupException;
import org.learnbox.bridge.backup.BackupManifest;
import org.learnbox.bridge.config.DiskFull;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Backups of the box: write one while the box runs, or check one.")
final class BackupCommands {
    @ParentCommand
    LearnboxCli cli;

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Writes a backup of the box as it runs (checked as it arrives) to FILE, or to standard output with '-'.")
    int create(@Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE") String output) {
        Path file = output.equals("-") ? null : Path.of(output);
        BackupManifest manifest;
        try (InputStream archive = cli.api().stream("/admin-api/backup");
                OutputStream out = file == null ? System.out : Files.newOutputStream(file)) {
            Tee saved = new Tee(archive, out);
            manifest = BackupArchive.verify(saved);
            saved.transferTo(OutputStream.nullOutputStream()); // the archive's last bytes, past what the check needed
        } catch (IOException e) {
            if (file != null) delete(file);
            throw new AdminApi.Refused(BackupException.notWritten(file == null ? "standard output" : file.toString(), e).getMessage());
        } catch (BackupException refused) {
            if (file != null) delete(file);
            if (file != null && DiskFull.isCause(refused)) {
                throw new AdminApi.Refused(BackupException.notWritten(file.toString(), refused).getMessage());
            }
            throw new AdminApi.Refused("The backup did not arrive whole: " + refused.getMessage());
        }
        System.err.println(summary(file == null ? "written" : "written to " + file, manifest));
        return 0;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Checks a backup against its manifest (FILE, or standard input with '-'); changes nothing.")
    int verify(@Parameters(paramLabel = "FILE") String input) {
        try (InputStream archive = input.equals("-") ? System.in : Files.newInputStream(Path.of(input))) {
            System.out.println(summary("whole", BackupArchive.verify(archive)));
            return 0;
        } catch (java.nio.file.NoSuchFileException missing) {
            throw new AdminApi.Refused("There is no file " + input + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BackupException refused) {
            throw new AdminApi.Refused(refused.getMessage());
        }
    }

    private static String summary(String what, BackupManifest manifest) {
        return "backup " + what + ": " + manifest.entries().size() + " files, " + manifest.bytes() + " bytes, of box '"
                + manifest.box() + "' version " + manifest.boxVersion() + " (schema " + manifest.schemaVersion() + "), made "
                + manifest.created();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is read is written out too, so the archive is checked as it is saved. */
    private static final class Tee extends FilterInputStream {
        private final OutputStream copy;

        Tee(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) copy.write(b);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) copy.write(buffer, offset, n);
            return n;
        }
    }
}
