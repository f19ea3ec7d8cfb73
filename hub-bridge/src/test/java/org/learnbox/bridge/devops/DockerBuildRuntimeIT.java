package org.learnbox.bridge.devops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.TestProperties;
import org.springframework.util.unit.DataSize;
import org.testcontainers.DockerClientFactory;

/**
 * Builds in the real builder image, as a hostile build would try: one that fails, runs forever,
 * prints without end, forks without end or fills the disk. Each ends in words and leaves no container.
 */
class DockerBuildRuntimeIT {
    private static final String BOX = "build-it";

    private final DockerClient docker = DockerClientFactory.instance().client();
    private final DockerBuildRuntime builder = new DockerBuildRuntime(docker, properties());

    private static LearnboxProperties properties() {
        LearnboxProperties base = TestProperties.of(BOX, TestProperties.sandbox("none"), TestProperties.hub("http://127.0.0.1:9"),
                TestProperties.courses("/nonexistent"));
        LearnboxProperties.Apps apps = base.apps();
        LearnboxProperties.Apps onDefaultNetwork = new LearnboxProperties.Apps(apps.domain(), apps.gatewayPort(),
                apps.gatewayUrlForBridge(), "bridge", apps.cpus(), apps.memory(), apps.pids(), apps.maxPerUser(), apps.maxSize(),
                apps.maxTotalMemory(), apps.idleTimeout(), apps.startTimeout(), apps.requestsPerMinute(), apps.sources());
        LearnboxProperties.Git git = new LearnboxProperties.Git("/nonexistent", DataSize.ofMegabytes(50), "main",
                Duration.ofSeconds(8), 1.0, DataSize.ofMegabytes(512), 64, DataSize.ofMegabytes(100), DataSize.ofMegabytes(20), 5);
        return new LearnboxProperties(base.sharedSecret(), BOX, base.sandbox(), base.hub(), base.courses(), base.login(),
                base.sso(), base.snippets(), onDefaultNetwork, git, base.images());
    }

    @AfterEach
    void removeWhatTheTestMade() {
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("org.learnbox.box", BOX)).exec())
                .as("a build leaves no container").isEmpty();
        docker.listVolumesCmd().withFilter("label", List.of("org.learnbox.box=" + BOX)).exec().getVolumes()
                .forEach(v -> docker.removeVolumeCmd(v.getName()).exec());
    }

    private byte[] build(String command, String keep, List<String> lines) {
        return builder.build(new BuildRuntime.BuildJob("ada", "demo", sources(), command, keep), lines::add);
    }

    @Test
    void aBuildGetsTheProjectsFilesPrintsAsItGoesAndHandsOverWhatItMade() throws Exception {
        List<String> lines = new ArrayList<>();
        byte[] made = build("mkdir -p out && tr a-z A-Z < notes.txt > out/NOTES.TXT && echo built it && id -u", "out", lines);
        assertThat(lines).containsExactly("built it", "1000");
        assertThat(new String(made, StandardCharsets.ISO_8859_1)).contains("out/NOTES.TXT", "HELLO BUILDER");
    }

    @Test
    void aFailingBuildSaysSoWithItsExitCode() {
        List<String> lines = new ArrayList<>();
        assertThatThrownBy(() -> build("echo 'compile error' >&2; exit 3", ".", lines))
                .hasMessage("The build failed (exit code 3); its output is above.");
        assertThat(lines).containsExactly("compile error");
    }

    @Test
    void aBuildThatRunsForeverIsStoppedAtTheTimeLimit() {
        assertThatThrownBy(() -> build("sleep 600", ".", new ArrayList<>()))
                .hasMessage("The build ran longer than 8 seconds, the most this box gives one build, and was stopped.");
    }

    @Test
    void aBuildThatPrintsWithoutEndIsToldInPart() {
        List<String> lines = new ArrayList<>();
        assertThatThrownBy(() -> build("yes 'a line of output'", ".", lines)).hasMessageContaining("ran longer than");
        assertThat(lines).hasSizeLessThanOrEqualTo(BuildLines.MAX_LINES + 31);
        assertThat(lines.get(BuildLines.MAX_LINES)).matches("\\.\\.\\. \\d+ more lines; the last 30 of them:");
    }

    @Test
    void aBuildThatFillsTheDiskOrForksWithoutEndIsContained() {
        assertThatThrownBy(() -> build("dd if=/dev/zero of=big bs=1M count=400 2>/dev/null; sleep 30", ".", new ArrayList<>()))
                .hasMessage("The build wrote more than 100 MB, the most this box lets one build write, and was stopped.");
        // The bomb meets the build's process limit; the build's own shell ends it as it ends. The shell makes
        // its two children before the bomb starts, and then only waits: a fork that fails ends sh (dash) with 2.
        assertThatThrownBy(() -> build("sleep 3 & s=$!; (bomb() { bomb | bomb & }; bomb) & wait $s; exit 4", ".",
                new ArrayList<>()))
                .hasMessage("The build failed (exit code 4); its output is above.");
    }

    @Test
    void aBuildThatFillsItsCacheIsStoppedAndTheCacheEmptied() {
        build("echo kept > /home/builder/.m2/small", ".", new ArrayList<>());
        List<String> seen = new ArrayList<>();
        build("cat /home/builder/.m2/small", ".", seen);
        assertThat(seen).as("the cache stays between builds").containsExactly("kept");
        // Hidden in a folder only its owner may enter: the watch reads it all the same.
        assertThatThrownBy(() -> build("mkdir -p /home/builder/.m2/hidden && dd if=/dev/zero of=/home/builder/.m2/hidden/big"
                + " bs=1M count=60 2>/dev/null; chmod 000 /home/builder/.m2/hidden; sleep 30", ".", new ArrayList<>()))
                .hasMessage("The build put more than 20 MB into your build cache, the most this box keeps for one person,"
                        + " and was stopped. The cache is emptied; the next build downloads what it needs again.");
        List<String> after = new ArrayList<>();
        build("ls -A /home/builder/.m2 | wc -l", ".", after);
        assertThat(after).containsExactly("0");
    }

    @Test
    void buildsLeftByAStoppedBridgeAreRemoved() {
        String left = docker.createContainerCmd("learnbox/builder:latest").withName(BOX + "-build-ada-left")
                .withLabels(Map.of("org.learnbox.box", BOX, "org.learnbox.role", "build")).withCmd("sleep", "600").exec().getId();
        docker.startContainerCmd(left).exec();
        assertThat(builder.removeUnfinished()).containsExactly(BOX + "-build-ada-left");
    }

    private static byte[] sources() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            byte[] notes = "hello builder\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("build/notes.txt");
            entry.setSize(notes.length);
            entry.setUserId(1000);
            entry.setGroupId(1000);
            tar.putArchiveEntry(entry);
            tar.write(notes);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
