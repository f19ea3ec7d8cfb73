package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The box's own disk runs full (the bridge's data: its database, the git repositories, the
 * snippets): pushes and saves refused in words, nothing of what was there before lost or broken,
 * and the box working again once there is room, without a restart. The bridge's data is put on a
 * disk of 96 MiB of its own (an ext4 file system on a loop device), so only it fills; the box keeps
 * 32 MiB of it for its database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoxDiskFullE2EIT {
    private static final String PROJECT = "lbdisk";
    private static final String DATA = "/var/lib/learnbox";
    private final Path image = RunningBox.projectRoot().resolve("hub-bridge/target/lbdisk-data.img");
    private final Shell host = new Shell(RunningBox.projectRoot(), Map.of());
    private RunningBox box;
    private String loopDevice;

    @BeforeAll
    void startABoxWhoseDataIsOnASmallDisk() {
        box = RunningBox.startBox(PROJECT, 800, Map.of("LEARNBOX_DATA_RESERVE", "32MB"));
        loopDevice = host.run("sh", "-c", "rm -f " + image + " && truncate -s 96M " + image + " && mkfs.ext4 -q -F -m 0 " + image
                + " && losetup -f --show " + image).requireSuccess().stdout().strip();
        String volume = PROJECT + "_bridge-data";
        box.compose("stop", "bridge").requireSuccess();
        box.docker("volume", "create", "--opt", "type=ext4", "--opt", "device=" + loopDevice, PROJECT + "-small").requireSuccess();
        box.docker("run", "--rm", "--entrypoint", "cp", "-v", volume + ":/from", "-v", PROJECT + "-small:/to",
                "learnbox/bridge:latest", "-a", "/from/.", "/to/").requireSuccess();
        box.docker("volume", "rm", PROJECT + "-small").requireSuccess();
        box.compose("rm", "-f", "bridge").requireSuccess();
        box.docker("volume", "rm", volume).requireSuccess();
        box.docker("volume", "create", "--opt", "type=ext4", "--opt", "device=" + loopDevice,
                "--label", "com.docker.compose.project=" + PROJECT, "--label", "com.docker.compose.volume=bridge-data", volume)
                .requireSuccess();
        box.box(null, "up").requireSuccess();
    }

    @AfterAll
    void removeTheBoxAndItsDisk() throws Exception {
        if (box != null) {
            Shell.Result logs = box.docker("logs", PROJECT + "-bridge-1");
            Files.writeString(image.resolveSibling("lbdisk-bridge.log"), logs.stdout() + logs.stderr()); // what it met, to read after
            box.close();
        }
        if (loopDevice != null) host.run("losetup", "-d", loopDevice);
        host.run("rm", "-f", image.toString());
    }

    @Test
    void pushesAndSavesAreRefusedInWordsWhileTheDiskIsFullAndWorkAgainOnceThereIsRoom() throws Exception {
        box.awaitFrontDoor();
        assertThat(Integer.parseInt(bridge("df --output=size -m " + DATA + " | tail -1").strip()))
                .as("MiB of the disk that holds the bridge's data").isLessThan(100);
        String password = box.addUser("tove", "teacher");
        Learner tove = new Learner(box, "tove");
        tove.logIn(password);
        assertThat(saveSnippet(tove, "Before the disk filled").statusCode()).isEqualTo(201);
        GitClient git = new GitClient(box);
        Path notes = git.project("notes", Map.of("README.md", "first\n"));
        git.commitAndPush(notes, "tove", password, "notes", "First");
        String first = git.git(notes, "rev-parse", "HEAD").requireSuccess().stdout().strip();

        // Less free than the box keeps for its database: content is refused before it is sent or stored.
        bridge("fallocate -l $(( ($(df --output=avail -k " + DATA + " | tail -1) - 8192) * 1024 )) " + DATA + "/filler");
        Files.writeString(notes.resolve("README.md"), "second\n");
        git.commit(notes, "Second");
        Shell.Result refused = git.git(notes, "push", git.remote("tove", password, "notes"), "main");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("The box's disk is full, so nothing of this push was stored");
        assertThat(remoteHead(git, notes, password)).as("the repository on the box as it was").isEqualTo(first);
        HttpResponse<String> notSaved = saveSnippet(tove, "While the disk was full");
        assertThat(notSaved.statusCode()).as(notSaved.body()).isEqualTo(507);
        assertThat(notSaved.body()).contains("The box's disk is full, so this could not be saved. What was saved before stays as it was.");
        Learner again = new Learner(box, "tove");
        again.logIn(password);
        assertThat(snippets(again)).as("a new login, and what was saved before").contains("Before the disk filled")
                .doesNotContain("While the disk was full");

        String csrf = csrfOf(tove.get("/tokens").body()); // kept in her session, not in the database

        // Then no room at all, as when learners' homes on the same disk take the rest: the database's own writes fail.
        bridge("dd if=/dev/zero of=" + DATA + "/rest bs=1M 2>/dev/null; dd if=/dev/zero of=" + DATA + "/last bs=1k 2>/dev/null; sync; true");
        assertThat(Integer.parseInt(bridge("df --output=avail -k " + DATA + " | tail -1").strip())).as("KiB free").isLessThan(4);
        Instant failDeadline = Instant.now().plus(Duration.ofMinutes(3));
        int stored = 0;
        HttpResponse<String> answer;
        // A token made and revoked again, and again (a person keeps 20 at most), until the database must grow its file.
        while ((answer = post(tove, csrf, "/tokens", "name=laptop-" + stored)).statusCode() == 200) {
            stored++;
            Matcher made = Pattern.compile("/tokens/(\\d+)/revoke").matcher(answer.body());
            assertThat(made.find()).as(answer.body()).isTrue();
            answer = post(tove, csrf, made.group(0), "");
            if (answer.statusCode() != 200) break;
            assertThat(Instant.now()).as("the database's writes fail at last (" + stored + " tokens stored)").isBefore(failDeadline);
        }
        System.out.println("at 0 KiB free: " + stored + " tokens stored before the database's writes failed");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(507);
        assertThat(answer.body().replace("&#39;", "'")).contains("<title>Disk full · LearnBox</title>", "The box's disk is full");
        // The database closed itself; opened again by the next connection, it reads while the disk is full: what was
        // stored before is shown again (each answer meanwhile a refusal in words), and git fetches.
        Instant readDeadline = Instant.now().plus(Duration.ofMinutes(2));
        HttpResponse<String> page;
        while ((page = tove.get("/tokens")).statusCode() != 200) {
            assertThat(page.statusCode()).as(page.body()).isEqualTo(507);
            assertThat(page.body().replace("&#39;", "'")).contains("The box's disk is full");
            assertThat(Instant.now()).as("what was stored is read again while the disk is full").isBefore(readDeadline);
            Thread.sleep(200);
        }
        assertThat(snippets(tove)).contains("Before the disk filled");
        assertThat(remoteHead(git, notes, password)).isEqualTo(first);

        // Room made: the same bridge, not restarted, works again.
        bridge("rm " + DATA + "/filler " + DATA + "/rest " + DATA + "/last");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (post(tove, csrf, "/tokens", "name=desktop").statusCode() != 200) {
            assertThat(Instant.now()).as("the bridge works again once there is room").isBefore(deadline);
            Thread.sleep(1000);
        }
        Files.writeString(notes.resolve("README.md"), "third\n");
        git.commitAndPush(notes, "tove", password, "notes", "Third");
        String third = git.git(notes, "rev-parse", "HEAD").requireSuccess().stdout().strip();
        assertThat(remoteHead(git, notes, password)).isEqualTo(third);
        assertThat(saveSnippet(tove, "Once there was room").statusCode()).isEqualTo(201);

        // Nothing was left broken: the bridge started again opens the same database and repositories.
        box.compose("restart", "bridge").requireSuccess();
        box.awaitFrontDoor();
        Learner afterRestart = new Learner(box, "tove");
        afterRestart.logIn(password);
        assertThat(snippets(afterRestart)).contains("Before the disk filled", "Once there was room");
        assertThat(afterRestart.get("/tokens").body()).as("the token made once there was room").contains("desktop");
        assertThat(remoteHead(git, notes, password)).isEqualTo(third);
    }

    private String bridge(String script) {
        return box.docker("exec", "-u", "0", PROJECT + "-bridge-1", "sh", "-c", script).requireSuccess().stdout();
    }

    private static String csrfOf(String page) {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("a CSRF token on the page:\n" + page).isTrue();
        return csrf.group(1);
    }

    private static HttpResponse<String> post(Learner person, String csrf, String action, String form) throws Exception {
        return person.http.send(HttpRequest.newBuilder(URI.create(person.box().url(action)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + Learner.enc(csrf)))
                .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> saveSnippet(Learner person, String title) throws Exception {
        return person.http.send(new AppClient(box).api(person, "/api/snippets").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\",\"language\":\"python\",\"visibility\":\"private\","
                        + "\"files\":[{\"name\":\"main.py\",\"content\":\"print(4 * 4)\\n\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String snippets(Learner person) throws Exception {
        HttpResponse<String> list = person.get("/api/snippets");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return list.body();
    }

    private static String remoteHead(GitClient git, Path dir, String password) {
        return git.git(dir, "ls-remote", git.remote("tove", password, "notes"), "refs/heads/main").requireSuccess().stdout()
                .split("\\s")[0];
    }
}
