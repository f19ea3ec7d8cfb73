package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup of the running test box, made while a learner's kernel writes files in a loop, restored
 * onto a second box freshly started with Docker alone, as the README's steps say: every home file
 * comes back with its hash, every git repository is whole, and the learner logs in to find their
 * class, course, snippet and repository. A backup cut short is refused by ./box restore first, and
 * the box it was meant for comes back up unchanged.
 */
@ExtendWith(RunningBox.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreE2EIT {
    private static final String LOOP = """
            import os, threading, time
            os.makedirs('loop', exist_ok=True)
            def write():
                i = 0
                while not os.path.exists('stop-loop'):
                    with open(f'loop/{i}.tmp', 'wb') as f:
                        f.write(os.urandom(65536))
                    os.rename(f'loop/{i}.tmp', f'loop/{i}.bin')
                    i += 1
                    time.sleep(0.05)  # a learner's pace, not a disk's: the shared test box backs this home up again later
                open('loop-stopped', 'w').close()
            threading.Thread(target=write, daemon=True).start()
            print('writing')
            """;
    /** Every file of a home but those the loop had under way: its path and SHA-256. */
    private static final String HASHES = "cd /home/learner && find . -type f ! -name '*.tmp' -exec sha256sum {} + | sort -k2";

    private RunningBox source;
    private RunningBox fresh;

    @TempDir Path dir;

    @AfterAll
    void removeTheSecondBox() {
        if (fresh != null) fresh.close();
    }

    @Test
    void aBackupMadeWhileALearnerWorksComesBackWholeOnAFreshBox() throws Exception {
        source = RunningBox.get();
        String teacherPassword = source.addUser("rosa", "teacher");
        String password = source.addUser("kai");
        String code = Classes.make(source, new Learner(source, "rosa"), teacherPassword, "Backups class", "java-from-zero");
        Learner kai = new Learner(source, "kai");
        kai.logIn(password);
        Classes.join(kai, code);
        kai.awaitLab();
        kai.writeFile("notes/hello.txt", "kept across boxes\n");
        source.inSandbox("kai", "head -c 5000000 /dev/urandom > ~/blob.bin").requireSuccess();
        HttpResponse<String> snippet = kai.http.send(new AppClient(source).api(kai, "/api/snippets")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Kept squares\",\"language\":\"python\",\"visibility\":\"private\","
                        + "\"files\":[{\"name\":\"main.py\",\"content\":\"print(4 * 4)\\n\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(snippet.statusCode()).as(snippet.body()).isEqualTo(201);
        GitClient git = new GitClient(source);
        git.commitAndPush(git.project("notes", Map.of("README.md", "kai's notes\n")), "kai", password, "notes", "First notes");
        Path shop = git.project("shop", Map.of("app.py", GitDeployE2EIT.PYTHON_APP.replace("VERSION", "shop 1")));
        assertThat(git.commitAndPush(shop, "kai", password, "shop", "Shop 1")).contains("remote: shop is live at");
        Files.writeString(shop.resolve("app.py"), GitDeployE2EIT.PYTHON_APP.replace("VERSION", "shop 2"));
        assertThat(git.commitAndPush(shop, "kai", password, "shop", "Shop 2")).contains("remote: shop is live at");
        Classes.submit(kai, "/repositories", "/repositories", "name=plans&visibility=private"); // made, never pushed to
        kai.writeFile("hello/app.py", GitDeployE2EIT.PYTHON_APP.replace("VERSION", "kept across boxes"));
        new AppClient(source).publish(kai, "hello");

        try (KernelSession kernel = kai.startKernel("python3")) {
            assertThat(kernel.execute(LOOP, Duration.ofSeconds(30)).stdout()).isEqualTo("writing\n");
            awaitLoopFiles(3);
            int before = loopFiles();
            Path backup = dir.resolve("box.tar.gz");
            Shell.Result made = source.box(null, "backup", backup.toString());
            assertThat(made.exitCode()).as(made.stderr()).isZero();
            int after = loopFiles();
            java.util.List<String> held = new java.util.ArrayList<>();
            try (var archive = Files.newInputStream(backup)) {
                org.learnbox.bridge.backup.BackupArchive.read(archive, (path, content) -> held.add(path));
            }
            assertThat(held).contains("bridge/database.zip", "homes/kai.tar", "hub/jupyterhub.sqlite", "box/settings.env",
                            "bridge/apps/kai/hello/files.tar", "bridge/apps/kai/hello/manifest.json")
                    .anyMatch(path -> path.startsWith("bridge/git/kai/notes.git/"));
            assertThat(after).as("the kernel wrote while the backup was made").isGreaterThan(before);
            source.inSandbox("kai", "touch ~/stop-loop && until [ -e ~/loop-stopped ]; do sleep 0.1; done").requireSuccess();

            fresh = RunningBox.startWithComposeAlone("lbrestore", 400, Map.of());
            Shell boxScript = new Shell(RunningBox.projectRoot(), RunningBox.env("lbrestore", 400,
                    RunningBox.projectRoot().resolve("hub-bridge/target/box-state-lbrestore"), Map.of()));
            Path cut = dir.resolve("cut.tar.gz");
            byte[] whole = Files.readAllBytes(backup);
            Files.write(cut, Arrays.copyOf(whole, whole.length - 4096));
            Shell.Result refused = boxScript.run(Duration.ofMinutes(5), null, "./box", "restore", cut.toString());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.stderr()).contains("This backup is cut short", "Nothing was changed.");
            assertThat(fresh.answersItsFrontDoor()).as("the box comes back up after a refused restore").isTrue();
            assertThat(new Learner(fresh, "kai").logInWithoutFollowing(password).headers().firstValue("Location").orElseThrow())
                    .as("the fresh box knows no kai yet").contains("error");

            // The README's steps, with Docker alone.
            fresh.compose("stop").requireSuccess();
            Shell.Result restored = fresh.shell.run(Duration.ofMinutes(10), null, "bash", "-c",
                    "docker compose -p lbrestore -f box-image/compose.yaml run --rm -T --no-deps bridge learnbox restore - < " + backup);
            assertThat(restored.exitCode()).as(restored.stderr()).isZero();
            assertThat(restored.stdout()).contains("restored the backup of box '" + source.project + "'");
            assertThat(restored.stderr()).contains("restoring: home of kai", "restoring: the hub's database", "restoring: the box's secrets",
                    "restoring: the bridge's database");
            fresh.compose("up", "-d").requireSuccess();
            fresh.awaitFrontDoor();
            assertThat(fresh.sharedSecret()).as("the box's secrets are the backup's").isEqualTo(source.sharedSecret());

            // The backup holds no images: the live release comes back from its kept files, and a rollback to an earlier
            // one builds it again from its commit.
            awaitApp(fresh, "shop--kai", "Python shop 2");
            Shell.Result rolledBack = boxScript.run(Duration.ofMinutes(5), null, "./box", "app", "rollback", "kai/shop", "1");
            assertThat(rolledBack.exitCode()).as(rolledBack.stderr()).isZero();
            assertThat(rolledBack.stdout()).contains("kai/shop: release 1", "is live again");
            assertThat(new AppClient(fresh).fetch("shop--kai", "/").body()).isEqualTo("Python shop 1");

            Map<String, String> then = hashes(source, "kai");
            Map<String, String> now = hashes(fresh, "kai");
            assertThat(now).containsKeys("./blob.bin", "./notes/hello.txt", "./loop/0.bin", "./loop/" + (before - 1) + ".bin");
            assertThat(now.keySet()).anyMatch(path -> path.startsWith("./courses/java-from-zero/"));
            now.forEach((path, hash) -> assertThat(hash).as(path).isEqualTo(then.get(path)));
        }

        Path repositories = Files.createDirectories(dir.resolve("restored"));
        fresh.docker("cp", "lbrestore-bridge-1:/var/lib/learnbox/git", repositories.resolve("git").toString()).requireSuccess();
        fresh.docker("cp", "lbrestore-bridge-1:/var/lib/learnbox/courses", repositories.resolve("courses").toString()).requireSuccess();
        try (Stream<Path> found = Files.walk(repositories)) {
            var bare = found.filter(path -> path.getFileName().toString().endsWith(".git") && Files.isDirectory(path)).toList();
            assertThat(bare).anyMatch(path -> path.endsWith("kai/notes.git")).anyMatch(path -> path.endsWith("kai/plans.git"))
                    .anyMatch(path -> path.endsWith("java-from-zero.git"));
            for (Path repository : bare) {
                Shell.Result fsck = fresh.shell.run("git", "-C", repository.toString(), "fsck", "--strict");
                assertThat(fsck.exitCode()).as(repository + ": " + fsck.stderr()).isZero();
            }
        }

        Learner back = new Learner(fresh, "kai");
        back.logInToLab(password);
        assertThat(back.get("/").body()).contains("Backups class", "notes");
        assertThat(back.readFile("notes/hello.txt")).isEqualTo("kept across boxes\n");
        back.writeFile("notes/after.txt", "the restored home is the learner's to write\n");
        assertThat(back.get("/api/snippets").body()).contains("Kept squares");
        // The backup holds no images: the restored bridge builds the live app again from its kept files, asleep until asked.
        awaitApp(fresh, "hello--kai", "Python kept across boxes");
    }

    private static void awaitApp(RunningBox box, String host, String body) throws Exception {
        AppClient apps = new AppClient(box);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        String last = "";
        while (true) {
            try {
                HttpResponse<String> app = apps.fetch(host, "/");
                if (app.statusCode() == 200) {
                    assertThat(app.body()).isEqualTo(body);
                    return;
                }
                last = app.statusCode() + ": " + app.body();
            } catch (java.io.IOException notYet) {
                last = notYet.toString();
            }
            assertThat(Instant.now()).as(host + " comes back; last answer " + last + "\n" + box.compose("ps", "-a").stdout()
                    + box.compose("logs", "--tail", "40", "gateway", "bridge").stdout()).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private void awaitLoopFiles(int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (loopFiles() < count) {
            assertThat(Instant.now()).as("the kernel's loop writes").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private int loopFiles() {
        return Integer.parseInt(source.inSandbox("kai", "ls ~/loop | grep -c '\\.bin$' || true").stdout().strip());
    }

    /** Path to SHA-256 of every file of the learner's home on that box, read in a throwaway container. */
    private static Map<String, String> hashes(RunningBox box, String learner) {
        String listing = box.docker("run", "--rm", "--user", "0", "-v", box.project + "-home-" + learner + ":/home/learner:ro",
                "learnbox/sandbox:latest", "bash", "-c", HASHES).requireSuccess().stdout();
        Map<String, String> hashes = new TreeMap<>();
        listing.lines().forEach(line -> hashes.put(line.substring(66), line.substring(0, 64)));
        return hashes;
    }
}
