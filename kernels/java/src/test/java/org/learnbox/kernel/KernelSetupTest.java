package org.learnbox.kernel;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KernelSetupTest {

    private static final Path KERNELSPEC = Path.of("kernelspec", "java");

    @Test
    void languageInfoDescribesJavaOnTheRunningJdk() {
        LanguageInfo info = TestKernel.get().getLanguageInfo();

        assertThat(info.getName()).isEqualTo("java");
        assertThat(info.getVersion()).isEqualTo(Runtime.version().toString());
        assertThat(info.getMimetype()).isEqualTo("text/x-java");
        assertThat(info.getFileExtension()).isEqualTo(".java");
        assertThat(info.getCodemirrorMode()).isEqualTo("text/x-java");
    }

    @Test
    void kernelspecStartsTheJarThroughTheLauncherAndAsksForMessageInterrupts() throws Exception {
        JsonObject spec = JsonParser.parseString(Files.readString(KERNELSPEC.resolve("kernel.json"))).getAsJsonObject();

        assertThat(KERNELSPEC.getFileName().toString()).isEqualTo("java"); // the kernel's name
        assertThat(spec.get("display_name").getAsString()).isEqualTo("Java");
        assertThat(spec.get("language").getAsString()).isEqualTo("java");
        assertThat(spec.get("interrupt_mode").getAsString()).isEqualTo("message");
        assertThat(spec.getAsJsonArray("argv").asList()).map(e -> e.getAsString()).isEqualTo(List.of(
                "/usr/local/bin/learnbox-kernel", "java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m",
                "-XX:SharedArchiveFile=/usr/local/share/learnbox/java-kernel.jsa", "-jar",
                "/usr/local/share/learnbox/learnbox-java-kernel.jar", "{connection_file}"));
    }

    @Test
    void logosAreSquarePngsOfTheSizesJupyterLooksFor() throws Exception {
        for (int size : new int[] {32, 64}) {
            BufferedImage logo = ImageIO.read(KERNELSPEC.resolve("logo-" + size + "x" + size + ".png").toFile());
            assertThat(logo.getWidth()).isEqualTo(size);
            assertThat(logo.getHeight()).isEqualTo(size);
        }
    }
}
