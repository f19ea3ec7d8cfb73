package org.learnbox.bridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A home read straight from its folder, as a learner who wants another's files would lay it out. */
class HomeFolderTest {
    @TempDir
    Path volumes;
    private Path kim;
    private HomeFolder home;

    @BeforeEach
    void twoHomes() throws IOException {
        Path bob = Files.createDirectories(volumes.resolve("box-home-bob/_data"));
        Files.writeString(bob.resolve("secret.ipynb"), "bob's");
        kim = Files.createDirectories(volumes.resolve("box-home-kim/_data"));
        Files.createDirectories(kim.resolve("work/deeper"));
        Files.createDirectories(kim.resolve(".ipynb_checkpoints"));
        Files.writeString(kim.resolve("a.ipynb"), "{}\n");
        Files.writeString(kim.resolve("work/plan.ipynb"), "plan");
        Files.writeString(kim.resolve("work/deeper/more.ipynb"), "more");
        Files.writeString(kim.resolve(".hidden.ipynb"), "hidden");
        Files.writeString(kim.resolve(".ipynb_checkpoints/a-checkpoint.ipynb"), "old");
        Files.writeString(kim.resolve("notes.txt"), "text");
        home = new HomeFolder(kim);
    }

    @Test
    void aFolderComesAsATarItsOwnNameFirstWithModesAndNoLinkFollowedOrKept() throws IOException {
        Files.writeString(kim.resolve("work/run.sh"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(kim.resolve("work/run.sh"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(kim.resolve("work/bobs.ipynb"), Path.of("../../../box-home-bob/_data/secret.ipynb"));
        Files.createSymbolicLink(kim.resolve("work/bob"), Path.of("../../../box-home-bob/_data"));

        java.util.Map<String, String> entries = new java.util.LinkedHashMap<>();
        java.util.Map<String, Integer> modes = new java.util.HashMap<>();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(home.tarOf("work"))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), entry.isDirectory() ? "" : new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                modes.put(entry.getName(), entry.getMode() & 0777);
            }
        }
        assertThat(entries.keySet().iterator().next()).isEqualTo("work/");
        assertThat(entries).containsOnlyKeys("work/", "work/plan.ipynb", "work/run.sh", "work/deeper/", "work/deeper/more.ipynb");
        assertThat(entries.get("work/run.sh")).isEqualTo("#!/bin/sh\necho hi\n");
        assertThat(modes.get("work/run.sh")).isEqualTo(0750);
        assertThat(entries.values()).noneMatch(content -> content.contains("bob's"));
    }

    @Test
    void aFolderThatIsALinkOrMissingIsNoFolderToTar() throws IOException {
        Files.createSymbolicLink(kim.resolve("bobs"), Path.of("../../box-home-bob/_data"));
        assertThatThrownBy(() -> home.tarOf("bobs")).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> home.tarOf("bobs/secret.ipynb")).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> home.tarOf("nowhere")).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> home.tarOf("work/../..")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void listsTheNotebooksInPathOrderHiddenOnesLeftOut() throws IOException {
        HomeListing listing = home.find(".ipynb", 10);
        assertThat(listing.files()).extracting(HomeFile::path).containsExactly("a.ipynb", "work/deeper/more.ipynb", "work/plan.ipynb");
        assertThat(listing.files().getFirst().size()).isEqualTo(3);
        assertThat(listing.cut()).isFalse();
        assertThat(home.find(".ipynb", 2).cut()).as("more than asked for").isTrue();
    }

    @Test
    void readsAFileWhenItIsSmallEnoughAndOnlyItsSizeWhenNot() throws IOException {
        HomeRead plan = home.read("work/plan.ipynb", 4);
        assertThat(new String(plan.bytes(), StandardCharsets.UTF_8)).isEqualTo("plan");
        HomeRead tooBig = home.read("work/plan.ipynb", 3);
        assertThat(tooBig.tooBig()).isTrue();
        assertThat(tooBig.size()).isEqualTo(4);
        Files.writeString(kim.resolve("empty.ipynb"), "");
        assertThat(home.read("empty.ipynb", 10).bytes()).isEmpty();
        byte[] large = new byte[300_000];
        java.util.Arrays.fill(large, (byte) 'x');
        Files.write(kim.resolve("large.ipynb"), large);
        assertThat(home.read("large.ipynb", 1_000_000).bytes()).isEqualTo(large);
    }

    @Test
    void linksToAnotherHomeAreNeitherListedNorRead() throws IOException {
        Files.createSymbolicLink(kim.resolve("bobs.ipynb"), Path.of("../../box-home-bob/_data/secret.ipynb"));
        Files.createSymbolicLink(kim.resolve("bobs"), Path.of("../../box-home-bob/_data"));
        Files.createSymbolicLink(kim.resolve("work/up"), Path.of("/"));

        assertThat(home.find(".ipynb", 10).files()).extracting(HomeFile::path)
                .containsExactly("a.ipynb", "work/deeper/more.ipynb", "work/plan.ipynb");
        assertThatThrownBy(() -> home.read("bobs.ipynb", 100)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> home.read("bobs/secret.ipynb", 100)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> home.read("work/up/etc/hostname", 100)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> home.read("../../box-home-bob/_data/secret.ipynb", 100)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> home.read("work/./plan.ipynb", 100)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aPipeNamedAsANotebookIsNotListedAndNotOpened() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", kim.resolve("pipe.ipynb").toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        assertThat(home.find(".ipynb", 10).files()).extracting(HomeFile::path).doesNotContain("pipe.ipynb");
        // Opening it would wait for a writer that never comes: this returns at once, refused.
        assertThatThrownBy(() -> home.read("pipe.ipynb", 100)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> home.read("work", 100)).as("a folder").isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> home.read("gone.ipynb", 100)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aHomeDeeperOrLargerThanTheBoundsIsListedInPartAndSaysSo() throws IOException {
        Path deep = kim;
        for (int depth = 0; depth < HomeFolder.DEEPEST + 5; depth++) deep = Files.createDirectories(deep.resolve("d"));
        Files.writeString(deep.resolve("bottom.ipynb"), "{}");
        HomeListing listing = home.find(".ipynb", 10);
        assertThat(listing.cut()).isTrue();
        assertThat(listing.files()).extracting(HomeFile::path).doesNotContain("bottom.ipynb");
    }
}
