package org.learnbox.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install script's first check, before it asks anything of Docker: a bundle is read to its end.
 * NasE2EIT cuts a real bundle at one place; these cuts are the ones a seeking tar would miss.
 */
class BundleInstallScriptTest {
    private static final Path SCRIPT = Path.of("../box-image/bundle/learnbox-install.sh").toAbsolutePath();
    private static final int RECORD = 10240; // tar's default record: 20 blocks of 512 bytes

    @TempDir Path dir;

    @Test
    void aBundleCutInsideALayerThatEndsOnARecordIsCutShortNotWhole() throws Exception {
        Files.writeString(dir.resolve("bundle.json"), "{\"version\": \"1\"}\n");
        Files.createDirectories(dir.resolve("blobs"));
        // bundle.json (2 blocks) and blobs/ (1 block), then the layer's header: its data starts at
        // byte 2048, so this size ends it exactly on a record, as a layer of docker save's may.
        Files.write(dir.resolve("blobs/layer"), new byte[RECORD * 400 - 2048]);
        Files.writeString(dir.resolve("manifest.json"), "[]\n");
        sh("tar -cf whole.tar bundle.json blobs/ blobs/layer manifest.json && head -c 2000000 whole.tar > cut.tar");

        Result cut = install("cut.tar");
        assertThat(cut.exitCode).isEqualTo(1);
        assertThat(cut.stderr).contains("cut.tar is cut short or damaged (tar cannot read it to its end): copy it again.",
                "Nothing was changed.");
    }

    @Test
    void anArchiveWithoutBundleJsonIsNotABundle() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "holiday photos\n");
        sh("tar -cf photos.tar notes.txt");

        Result other = install("photos.tar");
        assertThat(other.exitCode).isEqualTo(1);
        assertThat(other.stderr).contains("photos.tar is not a LearnBox bundle: it has no bundle.json and images.",
                "Nothing was changed.");
    }

    private record Result(int exitCode, String stderr) {}

    private Result install(String bundle) throws Exception {
        Process process = new ProcessBuilder("sh", SCRIPT.toString(), dir.resolve(bundle).toString())
                .directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), stderr);
    }

    private void sh(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", command).directory(dir.toFile()).inheritIO().start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(command).isZero();
    }
}
