package org.learnbox.bridge.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.learnbox.bridge.docker.ContainerLabels;

/** Homes read and written back through a real engine: owners, modes and links kept, and read while a learner writes. */
class DockerBoxVolumesIT {
    private static final String BOX = "homes-it";
    private static final String IMAGE = System.getenv().getOrDefault("LEARNBOX_BASE_IMAGE", "learnbox/base:trixie");
    /** Every file, folder and link of a home: its path, owner, mode, size, and its content's hash. */
    private static final String LISTING = "cd /home/learner && find . -printf '%p %U:%G %m %s %l\\n' | sort"
            + " && find . -type f -exec sha256sum {} + | sort -k2";

    private final DockerClient docker = DockerClientFactory.instance().client();
    private final DockerBoxVolumes homes = new DockerBoxVolumes(docker, BOX, IMAGE);

    @AfterEach
    void removeWhatTheTestMade() {
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ContainerLabels.BOX, BOX)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("com.docker.compose.project", BOX)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        docker.listVolumesCmd().withFilter("label", List.of(ContainerLabels.BOX + "=" + BOX)).exec().getVolumes()
                .forEach(v -> docker.removeVolumeCmd(v.getName()).exec());
        docker.listVolumesCmd().withFilter("label", List.of("com.docker.compose.project=" + BOX)).exec().getVolumes()
                .forEach(v -> docker.removeVolumeCmd(v.getName()).exec());
    }

    @Test
    void aHomeComesBackWithItsOwnersModesAndLinksAndNothingOfTheImage() throws Exception {
        homes.replace("ada", new ByteArrayInputStream(emptyHome()));
        shell("ada", "cd /home/learner && mkdir -p notes/deep && echo hello > notes/deep/a.txt && head -c 3000000 /dev/urandom > big.bin"
                + " && printf '#!/bin/sh\\necho run\\n' > run.sh && chmod 755 run.sh && echo secret > private && chmod 600 private"
                + " && ln -s notes/deep/a.txt link && chown -R 1000:1000 . && echo root > rootfile");
        assertThat(homes.learners()).containsExactly("ada");

        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        homes.export("ada", tar);
        homes.replace("ada-copy", new ByteArrayInputStream(tar.toByteArray()));

        String original = shell("ada", LISTING);
        assertThat(original).contains("./private 1000:1000 600", "./run.sh 1000:1000 755", "./link 1000:1000 777 16 notes/deep/a.txt",
                "./rootfile 0:0 644", ". 1000:1000 755");
        assertThat(shell("ada-copy", LISTING)).isEqualTo(original);
        assertThat(homes.learners()).containsExactly("ada", "ada-copy");
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ContainerLabels.BOX, BOX)).exec())
                .as("the helpers are gone").isEmpty();
    }

    @Test
    void aHomeIsReadWhileItsLearnerWritesFilesInALoop() throws Exception {
        homes.replace("bo", new ByteArrayInputStream(emptyHome()));
        String writer = docker.createContainerCmd(IMAGE).withUser("1000:1000")
                .withLabels(Map.of(ContainerLabels.BOX, BOX))
                .withCmd("sh", "-c", "cd /home/learner; i=0; while :; do head -c 200000 /dev/urandom > loop-$i; i=$((i+1)); done")
                .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig()
                        .withBinds(com.github.dockerjava.api.model.Bind.parse(org.learnbox.bridge.docker.HomeVolumes.nameOf(BOX, "bo") + ":/home/learner")))
                .exec().getId();
        docker.startContainerCmd(writer).exec();
        try {
            for (int round = 0; round < 3; round++) {
                ByteArrayOutputStream tar = new ByteArrayOutputStream();
                homes.export("bo", tar);
                homes.replace("bo-copy", new ByteArrayInputStream(tar.toByteArray()));
                assertThat(shell("bo-copy", "ls /home/learner | wc -l").strip()).as("round " + round).isNotEqualTo("0");
            }
        } finally {
            docker.removeContainerCmd(writer).withForce(true).exec();
        }
    }

    @Test
    void theBoxsRunningServicesAreThoseOfItsComposeProjectButNotAOneOffRun() {
        startService("bridge", false);
        startService("hub", false);
        startService("bridge", true);
        assertThat(homes.runningServices()).containsExactly("bridge", "hub");
    }

    @Test
    void removeAllTakesEverySandboxAndHomeOfTheBoxAndNoOthers() throws Exception {
        homes.replace("ada", new ByteArrayInputStream(emptyHome()));
        docker.createContainerCmd(IMAGE).withLabels(Map.of(ContainerLabels.BOX, BOX, ContainerLabels.ROLE, "sandbox"))
                .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig()
                        .withBinds(com.github.dockerjava.api.model.Bind.parse(org.learnbox.bridge.docker.HomeVolumes.nameOf(BOX, "ada") + ":/home/learner")))
                .exec();
        DockerBoxVolumes another = new DockerBoxVolumes(docker, BOX + "-other", IMAGE);
        another.replace("ada", new ByteArrayInputStream(emptyHome()));
        try {
            homes.removeAll();
            assertThat(homes.learners()).isEmpty();
            assertThat(another.learners()).containsExactly("ada");
        } finally {
            another.removeAll();
        }
    }

    @Test
    void keycloaksDatabaseIsCopiedWhileItRunsAndGoesBackIntoItsVolumeOwnersKeptAsDoTheSecrets() throws Exception {
        assertThat(homes.exportKeycloak(java.io.OutputStream.nullOutputStream())).as("no Keycloak runs").isFalse();
        String keycloak = startService("keycloak", false);
        run("docker", "exec", keycloak, "sh", "-c", "mkdir -p /opt/keycloak/data/h2 && echo 'the realm learnbox' > /opt/keycloak/data/h2/keycloakdb.mv.db"
                + " && chown -R 1000:1000 /opt/keycloak/data/h2 && chmod 600 /opt/keycloak/data/h2/keycloakdb.mv.db");

        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        assertThat(homes.exportKeycloak(tar)).isTrue();
        assertThat(docker.inspectContainerCmd(keycloak).exec().getState().getPaused()).as("Keycloak runs on after the copy").isFalse();
        homes.replaceKeycloak(new ByteArrayInputStream(tar.toByteArray()));
        homes.replaceSecrets(Map.of("shared-secret", "the box's secret".getBytes(StandardCharsets.UTF_8)));

        assertThat(run("docker", "run", "--rm", "-v", BOX + "_keycloak-data:/data", IMAGE, "sh", "-c",
                "cd /data && find . -type f -printf '%p %U:%G %m\n' && cat keycloakdb.mv.db"))
                .isEqualTo("./keycloakdb.mv.db 1000:1000 600\nthe realm learnbox\n");
        assertThat(run("docker", "run", "--rm", "-v", BOX + "_secrets:/data", IMAGE, "sh", "-c",
                "cd /data && find . -type f -printf '%p %U:%G %m\n' && cat shared-secret"))
                .isEqualTo("./shared-secret 0:0 444\nthe box's secret");
        assertThat(docker.inspectVolumeCmd(BOX + "_secrets").exec().getLabels())
                .as("made as compose makes it, so compose takes it for its own").containsEntry("com.docker.compose.project", BOX)
                .containsEntry("com.docker.compose.volume", "secrets");
    }

    private String startService(String service, boolean oneOff) {
        String id = docker.createContainerCmd(IMAGE).withCmd("sleep", "300")
                .withLabels(Map.of("com.docker.compose.project", BOX, "com.docker.compose.service", service,
                        "com.docker.compose.oneoff", oneOff ? "True" : "False"))
                .exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    /** Runs a command on the host; answers what it printed. */
    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    /** A tar of an empty home owned by the learner, as the sandbox image's is. */
    private static byte[] emptyHome() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("learner/");
            entry.setIds(1000, 1000);
            entry.setMode(040755);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    /** Runs a script as root in a throwaway container that mounts the learner's home; answers what it printed. */
    private static String shell(String learner, String script) throws Exception {
        Process process = new ProcessBuilder("docker", "run", "--rm", "-v", org.learnbox.bridge.docker.HomeVolumes.nameOf(BOX, learner) + ":/home/learner",
                "--label", ContainerLabels.BOX + "=" + BOX, IMAGE, "sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }
}
