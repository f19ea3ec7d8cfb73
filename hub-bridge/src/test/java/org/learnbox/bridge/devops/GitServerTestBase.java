package org.learnbox.bridge.devops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The bridge on a real port, driven by the real git client. One context for every git test:
 * a small push limit (64 KB) to test it with small files, and an address limit on failed logins
 * high enough that the tests' own failures (all from 127.0.0.1) never add up to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "learnbox.git.max-push-size=64KB", "learnbox.login.max-failures-per-address=1000"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class GitServerTestBase {
    static final String PASSWORD = "a-long-password";
    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired RepoService repos;
    @Autowired GitStorage storage;
    @Autowired MockMvc mvc;
    @MockitoBean JupyterHubClient hub;
    @MockitoBean PushListener pushListener;
    @TempDir Path temp;
    GitCli git;

    @BeforeEach
    void aGitClientWithAHomeOfItsOwn() throws IOException {
        git = new GitCli(Files.createDirectories(temp.resolve("home")));
    }

    /** A new account, with a name no other test uses. */
    String account(String kind, Role role) {
        String name = kind + "-" + RUN + "-" + PEOPLE.incrementAndGet();
        accounts.add(name, role, PASSWORD);
        return name;
    }

    String url(String person, String secret, String owner, String project) {
        return "http://" + encoded(person) + ":" + encoded(secret) + "@127.0.0.1:" + port + "/git/" + owner + "/" + project + ".git";
    }

    String url(String person, String owner, String project) {
        return url(person, PASSWORD, owner, project);
    }

    String anonymousUrl(String owner, String project) {
        return "http://127.0.0.1:" + port + "/git/" + owner + "/" + project + ".git";
    }

    Path dir(String name) {
        return temp.resolve(name);
    }

    /** The owner's first push of one commit; returns the commit. */
    String pushedProject(String owner, String project) {
        Path work = dir(owner + "-" + project + "-first");
        String commit = git.commit(work, "README.md", "# " + project + "\n", "Start " + project);
        git.ok(work, "push", "-q", url(owner, owner, project), "main");
        return commit;
    }

    /** git's own full check of the bare repository on the box. */
    GitCli.Result fsck(String owner, String project) {
        return git.ok(temp, "--git-dir=" + storage.folder(owner, project), "fsck", "--full", "--strict", "--no-progress");
    }

    static void writeFile(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
