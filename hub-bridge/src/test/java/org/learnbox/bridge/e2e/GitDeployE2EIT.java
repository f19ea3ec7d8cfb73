package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * git push to deploy, with the real git client, the bridge's git server, the builder and the
 * gateway: each kind of project is live after its push, with the build in the push's output; a
 * second push switches without a failed request; a broken push leaves the last good release
 * serving; rollback; and a learner pushes from their own sandbox's terminal.
 */
@ExtendWith(RunningBox.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GitDeployE2EIT {
    static final String PYTHON_APP = """
            import http.server, os
            class Hello(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    body = b"Python VERSION"
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                def log_message(self, *args):
                    pass
            http.server.ThreadingHTTPServer(("0.0.0.0", int(os.environ["PORT"])), Hello).serve_forever()
            """;
    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>demo</groupId>
              <artifactId>web</artifactId>
              <version>1</version>
              <properties>
                <maven.compiler.release>21</maven.compiler.release>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>
              <build>
                <plugins>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-jar-plugin</artifactId>
                    <version>3.4.2</version>
                    <configuration><archive><manifest><mainClass>web.Main</mainClass></manifest></archive></configuration>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;
    private static final String MAVEN_MAIN = """
            package web;

            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;

            public class Main {
                public static void main(String[] args) throws Exception {
                    HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv("PORT"))), 0);
                    server.createContext("/", exchange -> {
                        byte[] body = "Hello from Maven".getBytes();
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
                    server.start();
                }
            }
            """;

    private RunningBox box;
    private AppClient apps;
    private GitClient client;
    private Path work;
    private String deployerPassword;
    private String otherPassword;

    @BeforeAll
    void learners() throws Exception {
        box = RunningBox.get();
        apps = new AppClient(box);
        client = new GitClient(box);
        work = client.work;
        deployerPassword = box.addUser("deployer");
        otherPassword = box.addUser("deployer-two");
    }

    @Test
    @Order(1)
    void aPythonAppAStaticSiteAndAMavenAppAreLiveAfterTheirPushes() throws Exception {
        Path python = project("py-app", Map.of("app.py", PYTHON_APP.replace("VERSION", "v1")));
        String pushed = push(python, "deployer", deployerPassword, "py-app");
        assertThat(pushed).contains("remote: release 1 of py-app, commit", "remote: building the app's image on learnbox/app-python",
                "remote: py-app is live at http://py-app--deployer.apps.localhost:" + RunningBox.APPS_PORT + "/");
        assertThat(apps.fetch("py-app--deployer", "/").body()).isEqualTo("Python v1");

        Path site = project("site", Map.of("index.html", "<h1>Pushed site</h1>"));
        assertThat(push(site, "deployer", deployerPassword, "site")).contains("remote: site is live at");
        assertThat(apps.fetch("site--deployer", "/").body()).isEqualTo("<h1>Pushed site</h1>");

        Path maven = project("maven-app", Map.of("pom.xml", POM, "src/main/java/web/Main.java", MAVEN_MAIN));
        String built = push(maven, "deployer", deployerPassword, "maven-app");
        assertThat(built).contains("remote: building: mvn -B -q package", "remote: the build ended well",
                "remote: maven-app is live at");
        assertThat(apps.fetch("maven-app--deployer", "/").body()).isEqualTo("Hello from Maven");
    }

    @Test
    @Order(2)
    void aSecondPushSwitchesWithoutAFailedRequest() throws Exception {
        AtomicBoolean polling = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<String> failed = new ArrayList<>();
        Thread poller = Thread.ofVirtual().start(() -> {
            while (polling.get()) {
                try {
                    HttpResponse<String> answer = apps.fetch("py-app--deployer", "/");
                    if (answer.statusCode() == 200 && answer.body().startsWith("Python v")) answered.incrementAndGet();
                    else failed.add(answer.statusCode() + " " + answer.body());
                } catch (Exception e) {
                    failed.add(e.toString());
                }
                try {
                    Thread.sleep(40); // well within the gateway's 600 requests a minute for one app
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Path python = work.resolve("py-app");
        Files.writeString(python.resolve("app.py"), PYTHON_APP.replace("VERSION", "v2"));
        assertThat(commitAndPush(python, "deployer", deployerPassword, "py-app", "Version 2")).contains("remote: py-app is live at");
        // The old release goes once the gateway has drained it: keep asking until it is gone, and on a little after.
        String old = box.project + "-app-deployer-py-app-old";
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (!box.docker("ps", "-aq", "--filter", "name=" + old).stdout().isBlank()) {
            assertThat(java.time.Instant.now()).as("the old release is removed after the switch").isBefore(deadline);
            Thread.sleep(200);
        }
        int whenRemoved = answered.get();
        while (answered.get() < whenRemoved + 10) {
            assertThat(java.time.Instant.now()).as("answers after the old release went: " + failed).isBefore(deadline);
            Thread.sleep(50);
        }
        polling.set(false);
        poller.join();
        assertThat(failed).isEmpty();
        assertThat(answered.get()).isGreaterThan(10);
        assertThat(apps.fetch("py-app--deployer", "/").body()).isEqualTo("Python v2");
    }

    @Test
    @Order(3)
    void aBrokenPushLeavesTheLastGoodReleaseServing() throws Exception {
        Path python = work.resolve("py-app");
        Files.writeString(python.resolve("app.py"), "this is not python\n");
        String pushed = commitAndPush(python, "deployer", deployerPassword, "py-app", "Broken");
        assertThat(pushed).contains("remote: release 3 failed: The new release stopped right after it started",
                "remote: release 2 goes on serving");
        assertThat(apps.fetch("py-app--deployer", "/").body()).isEqualTo("Python v2");
        assertThat(git(work, "clone", "-q", remote("deployer", deployerPassword, "py-app"), "fsck-me").exitCode()).isZero();
        assertThat(git(work.resolve("fsck-me"), "fsck", "--strict").exitCode()).isZero();
    }

    @Test
    @Order(4)
    void rollbackReturnsToAnEarlierReleaseFromThePageAndFromTheBoxScript() throws Exception {
        Learner deployer = new Learner(box, "deployer");
        deployer.logIn(deployerPassword);
        HttpResponse<String> page = Classes.submit(deployer, "/repositories/py-app/releases",
                "/repositories/py-app/releases/1/rollback", "");
        assertThat(page.body()).contains("Release 1 is live again.");
        assertThat(apps.fetch("py-app--deployer", "/").body()).isEqualTo("Python v1");

        Shell.Result script = box.box(null, "app", "rollback", "deployer/py-app", "2");
        assertThat(script.exitCode()).as(script.stderr()).isZero();
        assertThat(script.stdout()).contains("deployer/py-app: release 2", "is live again");
        assertThat(apps.fetch("py-app--deployer", "/").body()).isEqualTo("Python v2");
        Shell.Result refused = box.box(null, "app", "rollback", "deployer/py-app", "3");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("Release 3 of py-app cannot come back: it failed.");
    }

    @Test
    @Order(5)
    void aJavaNotebookIsLiveAfterItsPushAndProjectsTheBoxCannotRunAreRefusedInWords() throws Exception {
        Path notebook = project("nb-app", Map.of("server.ipynb", Notebooks.of("java", "java",
                "import com.sun.net.httpserver.HttpServer;\\nimport java.net.InetSocketAddress;",
                "var server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv(\\\"PORT\\\"))), 0);\\n"
                        + "server.createContext(\\\"/\\\", exchange -> {\\n"
                        + "    byte[] body = \\\"Hello from a pushed notebook\\\".getBytes();\\n"
                        + "    exchange.sendResponseHeaders(200, body.length);\\n"
                        + "    exchange.getResponseBody().write(body);\\n"
                        + "    exchange.close();\\n"
                        + "});\\nserver.start();")));
        assertThat(push(notebook, "deployer-two", otherPassword, "nb-app")).contains("remote: nb-app is live at");
        assertThat(apps.fetch("nb-app--deployer-two", "/").body()).isEqualTo("Hello from a pushed notebook");

        Path notes = project("just-notes", Map.of("notes.txt", "nothing to run"));
        assertThat(push(notes, "deployer-two", otherPassword, "just-notes"))
                .contains("remote: release 1 failed: The box cannot tell how to run this app", "remote: nothing else changed");
        Path cobol = project("cobol-app", Map.of("learnbox.yaml", "runtime: cobol\n", "app.py", "print(1)\n"));
        assertThat(push(cobol, "deployer-two", otherPassword, "cobol-app"))
                .contains("remote: release 1 failed: 'cobol' is not a runtime");
        Path failing = project("failing-build", Map.of("learnbox.yaml", "runtime: static\nbuild: echo compiling; exit 7\n",
                "index.html", "<p>never</p>"));
        assertThat(push(failing, "deployer-two", otherPassword, "failing-build"))
                .contains("remote: compiling", "remote: release 1 failed: The build failed (exit code 7)");
        assertThat(apps.fetch("failing-build--deployer-two", "/").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void aBuildReachesThePackageRegistriesButNothingOfTheBox() throws Exception {
        apps.fetch("py-app--deployer", "/"); // awake, with an address to try
        String targets = "sandbox=" + ipOf(box.sandboxContainer("terminal")) + ":8888 bridge=" + ipOf(box.project + "-bridge-1")
                + ":8080 hub-api=HOST:" + RunningBox.HUB_API_PORT + " front-door=HOST:" + box.port
                + " gateway=HOST:" + RunningBox.APPS_PORT + " py-app=" + ipOf(box.project + "-app-deployer-py-app") + ":8080";
        Path prober = project("prober", Map.of("index.html", "<p>probe</p>", "probe.py", """
                import os, socket, struct, sys
                def host():
                    for line in open("/proc/net/route").read().splitlines()[1:]:
                        fields = line.split()
                        if fields[1] == "00000000":
                            return socket.inet_ntoa(struct.pack("<L", int(fields[2], 16)))
                reached = []
                for target in sys.argv[1:]:
                    name, address = target.split("=")
                    ip, port = address.replace("HOST", host()).split(":")
                    try:
                        socket.create_connection((ip, int(port)), timeout=1.5).close()
                        reached.append(name)
                    except OSError:
                        pass
                if os.path.exists("/var/run/docker.sock"):
                    reached.append("docker socket")
                socket.create_connection(("repo.maven.apache.org", 443), timeout=10).close()
                print("the registry answers; reached of the box: " + (", ".join(reached) or "nothing"))
                """, "learnbox.yaml", "runtime: static\nbuild: python3 probe.py " + targets + "\n"));
        assertThat(push(prober, "deployer-two", otherPassword, "prober"))
                .contains("remote: the registry answers; reached of the box: nothing");
    }

    private String ipOf(String container) {
        return box.docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}", container)
                .requireSuccess().stdout().strip().split(" ")[0];
    }

    @Test
    @Order(8)
    void anAdminStopsABuildAndTheLearnerReadsWhyInThePush() throws Exception {
        Path slow = project("slow", Map.of("learnbox.yaml", "runtime: static\nbuild: echo started; sleep 120\n",
                "index.html", "<p>slow</p>"));
        client.commit(slow, "Slow");
        Path told = work.resolve("slow-push.txt");
        Process pushing = client.pushInBackground(slow, "deployer-two", otherPassword, "slow", told); // the build runs while this test acts
        awaitBuildOf("deployer-two-slow");
        Learner admin = new Learner(box, "git-admin");
        admin.logIn(box.addUser("git-admin", "admin"));
        HttpResponse<String> stopped = Classes.submit(admin, "/students/repositories", "/builds/deployer-two/slow/stop", "");
        assertThat(stopped.body()).contains("The build of deployer-two/slow is stopped");
        assertThat(pushing.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(told)).contains("remote: started", "remote: release 1 failed: An admin of the box stopped the build.");
    }

    @Test
    @Order(6)
    void aLearnerPushesFromTheTerminalOfTheirSandbox() throws Exception {
        Learner learner = new Learner(box, "terminal");
        learner.logInToLab(box.addUser("terminal"));
        Shell.Result pushed = box.inSandbox("terminal", "mkdir -p ~/shop && cd ~/shop && echo '<h1>My shop</h1>' > index.html"
                + " && git init -q && git add . && git commit -qm 'My shop' && git push box main 2>&1");
        assertThat(pushed.exitCode()).as(pushed.stdout() + pushed.stderr()).isZero();
        assertThat(pushed.stdout()).contains("remote: shop is live at http://shop--terminal.apps.localhost:" + RunningBox.APPS_PORT + "/");
        // The sandbox reaches the box at host.docker.internal; what the box prints is the address people type.
        assertThat(pushed.stdout()).contains("Change that at " + box.url("/repositories") + ".").doesNotContain("host.docker.internal");
        assertThat(apps.fetch("shop--terminal", "/").body()).isEqualTo("<h1>My shop</h1>\n");
    }

    @Test
    @Order(9)
    void inChromiumALearnerSeesTheirRepositoriesReleasesAndTokensAndATeacherTheirStudents() throws Exception {
        String teacherPassword = box.addUser("ms-git", "teacher");
        Learner deployer = new Learner(box, "deployer");
        deployer.logIn(deployerPassword);
        Classes.join(deployer, Classes.make(box, new Learner(box, "ms-git"), teacherPassword, "Web projects"));
        WebDriver browser = Chromium.open();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            Chromium.logInToLab(browser, box, "deployer", deployerPassword);
            Chromium.openUntil(browser, box.url("/"), By.id("repos"));
            assertThat(browser.findElement(By.id("dashboard-repo-py-app")).getText()).contains("py-app", "release 2 live");
            Chromium.openUntil(browser, box.url("/repositories"), By.id("repositories"));
            assertThat(browser.findElement(By.id("repo-maven-app")).getText()).contains("release 1 live", "/git/deployer/maven-app.git");
            Chromium.screenshot(browser, "40-repositories.png");

            // Its files, one of them, and its history, read from the box's copy of the repository.
            browser.findElement(By.cssSelector("#repo-maven-app a.repo-name")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("files")));
            assertThat(browser.findElement(By.id("live-app")).getText())
                    .contains("Live at http://maven-app--deployer.apps.localhost:" + RunningBox.APPS_PORT + "/");
            assertThat(browser.findElement(By.id("files")).getText()).contains("src/", "pom.xml");
            assertThat(browser.findElement(By.id("sandbox-push")).getText()).isEqualTo("git push box main");
            browser.findElement(By.cssSelector("button.copy[data-copy='sandbox-push']")).click();
            wait.until(ExpectedConditions.or(
                    ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("button.copy[data-copy='sandbox-push']"), "Copied"),
                    ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("button.copy[data-copy='sandbox-push']"), "Ctrl+C")));
            Chromium.screenshot(browser, "40b-repository-files.png");
            browser.findElement(By.linkText("src/")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("main/"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("java/"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("web/"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Main.java"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-text"), "Hello from Maven"));
            assertThat(browser.findElement(By.id("path")).getText()).isEqualTo("maven-app / src / main / java / web / Main.java");
            Chromium.screenshot(browser, "40c-repository-file.png");
            browser.findElement(By.id("commits-link")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("commits")));
            assertThat(browser.findElements(By.cssSelector("#commits tbody tr"))).isNotEmpty();
            Chromium.screenshot(browser, "40d-repository-history.png");

            Chromium.openUntil(browser, box.url("/repositories/py-app/releases"), By.id("release-3"));
            assertThat(browser.findElement(By.id("release-3")).getText()).contains("failed");
            browser.findElement(By.cssSelector("#release-3 summary")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#release-3 pre"),
                    "The new release stopped right after it started"));
            Chromium.screenshot(browser, "41-releases.png");

            Chromium.openUntil(browser, box.url("/tokens"), By.id("token-name"));
            browser.findElement(By.id("token-name")).sendKeys("laptop");
            browser.findElement(By.id("make-token")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token-secret")));
            String token = browser.findElement(By.id("new-token-secret")).getText();
            Chromium.screenshot(browser, "42-token.png");
            Shell.Result cloned = git(work, "clone", "-q", "http://deployer:" + token + "@localhost:" + box.port
                    + "/git/deployer/site.git", "site-by-token");
            assertThat(cloned.exitCode()).as(cloned.stderr()).isZero();
        } finally {
            browser.quit();
        }
        WebDriver teacher = Chromium.open();
        try {
            Chromium.logInToDashboard(teacher, box, "ms-git", teacherPassword);
            Chromium.openUntil(teacher, box.url("/students/repositories"), By.id("student-repo-deployer-py-app"));
            assertThat(teacher.findElement(By.id("student-repo-deployer-py-app")).getText()).contains("release 2 live");
            assertThat(teacher.findElements(By.id("student-repo-deployer-two-nb-app"))).as("not in this teacher's class").isEmpty();
            Chromium.screenshot(teacher, "43-students-repositories.png");
            teacher.findElement(By.cssSelector("#student-repo-deployer-py-app a.repo-name")).click();
            new WebDriverWait(teacher, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(By.id("files")));
            assertThat(teacher.findElement(By.id("files")).getText()).contains("app.py");
            assertThat(teacher.findElement(By.id("clone-command")).getText())
                    .isEqualTo("git clone " + box.url("/git/deployer/py-app.git"));
            assertThat(teacher.findElement(By.cssSelector("#box-nav [aria-current=page]")).getText()).isEqualTo("Students' repositories");
            Chromium.screenshot(teacher, "43b-a-students-repository.png");
        } finally {
            teacher.quit();
        }
    }

    @Test
    @Order(10)
    void pushesThatComeTogetherDeployOneAtATimeAndTheNewestWins() throws Exception {
        Path race = project("race", Map.of("learnbox.yaml", "runtime: static\nbuild: sh build.sh\n",
                "build.sh", "echo building A; sleep 8\n", "index.html", "<p>A</p>"));
        client.commit(race, "A");
        Path toldA = work.resolve("race-a.txt");
        Process a = client.pushInBackground(race, "deployer-two", otherPassword, "race", toldA);
        awaitBuildOf("deployer-two-race");
        Files.writeString(race.resolve("build.sh"), "echo building B\n");
        Files.writeString(race.resolve("index.html"), "<p>B</p>");
        client.commit(race, "B");
        Path toldB = work.resolve("race-b.txt");
        Process b = client.pushInBackground(race, "deployer-two", otherPassword, "race", toldB);
        awaitText(toldB, "this one waits for it");
        Files.writeString(race.resolve("build.sh"), "echo building C\n");
        Files.writeString(race.resolve("index.html"), "<p>C</p>");
        String c = commitAndPush(race, "deployer-two", otherPassword, "race", "C");

        assertThat(a.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(toldA)).contains("remote: release 1 of race", "remote: building A", "remote: race is live at");
        assertThat(Files.readString(toldB)).contains("remote: another push of race is deploying; this one waits for it",
                "remote: a newer push of main came meanwhile: it deploys, this one does not").doesNotContain("building B");
        assertThat(c).contains("remote: release 2 of race", "remote: building C", "remote: race is live at");
        assertThat(apps.fetch("race--deployer-two", "/").body()).isEqualTo("<p>C</p>");
        assertThat(git(work, "clone", "-q", remote("deployer-two", otherPassword, "race"), "race-fsck").exitCode()).isZero();
        assertThat(git(work.resolve("race-fsck"), "fsck", "--strict").exitCode()).isZero();
        assertThat(git(work.resolve("race-fsck"), "log", "--format=%s").stdout()).isEqualTo("C\nB\nA\n");
    }

    @Test
    @Order(11)
    void deletingARepositoryTakesItsLiveAppAndItsReleasesWithIt() throws Exception {
        String images = "learnbox-app/" + box.project + "-deployer-site";
        assertThat(box.docker("images", "-q", images).stdout()).as("the release's image").isNotBlank();
        Learner deployer = new Learner(box, "deployer");
        deployer.logIn(deployerPassword);
        assertThat(Classes.submit(deployer, "/repositories", "/repositories/site/delete", "confirmName=sit").body())
                .contains("&#39;site&#39; was not deleted: type its name to confirm (you typed &#39;sit&#39;).");
        assertThat(apps.fetch("site--deployer", "/").statusCode()).isEqualTo(200);

        WebDriver browser = Chromium.open();
        try {
            Chromium.logInToLab(browser, box, "deployer", deployerPassword);
            Chromium.openUntil(browser, box.url("/repositories"), By.id("repo-site"));
            browser.findElement(By.cssSelector("#repo-site details summary")).click();
            browser.findElement(By.id("delete-site")).sendKeys("site");
            Chromium.screenshot(browser, "44-delete-repository.png");
            browser.findElement(By.id("delete-button-site")).click();
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".notice"), "'site' is deleted, with its releases; its live app site is unpublished."));
            assertThat(browser.findElements(By.id("repo-site"))).isEmpty();
            Chromium.screenshot(browser, "45-repository-deleted.png");
        } finally {
            browser.quit();
        }
        assertThat(apps.fetch("site--deployer", "/").statusCode()).isEqualTo(404);
        assertThat(box.docker("images", "-q", images).stdout()).as("the release's image").isBlank();
        assertThat(git(work, "clone", "-q", remote("deployer", deployerPassword, "site"), "site-gone").stderr())
                .contains("You have no repository named 'site' yet.");

        Files.writeString(work.resolve("site/index.html"), "<h1>Started again</h1>");
        assertThat(commitAndPush(work.resolve("site"), "deployer", deployerPassword, "site", "Again"))
                .contains("remote: release 1 of site", "remote: site is live at");
        assertThat(apps.fetch("site--deployer", "/").body()).isEqualTo("<h1>Started again</h1>");
    }

    @Test
    @Order(12)
    void aRestartOfTheBridgeMidwayLeavesTheRunningReleaseServingAndNothingBehind() throws Exception {
        Path stuck = project("stuck", Map.of("learnbox.yaml", "runtime: static\nbuild: echo started; sleep 300\n",
                "index.html", "<p>stuck</p>"));
        client.commit(stuck, "Stuck");
        Process pushing = client.pushInBackground(stuck, "deployer-two", otherPassword, "stuck", work.resolve("stuck-push.txt"));
        awaitBuildOf("deployer-two-stuck");
        // And a switch of py-app to a new release, left midway: the new release's container beside the running one.
        String next = box.project + "-app-deployer-py-app-next";
        box.docker("run", "-d", "--name", next, "--label", "org.learnbox.box=" + box.project, "--label", "org.learnbox.role=app",
                "--label", "org.learnbox.user=deployer", "--label", "org.learnbox.app=py-app",
                "learnbox/app-static:latest", "sleep", "600").requireSuccess();

        box.docker("restart", box.project + "-bridge-1").requireSuccess();
        box.awaitFrontDoor();
        assertThat(pushing.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("the push ended").isTrue();
        assertThat(Files.readString(work.resolve("stuck-push.txt"))).contains("remote: started",
                "remote: release 1 failed: The box is restarting, so the build was stopped; the release before it serves on.");
        assertThat(box.docker("ps", "-aq", "--filter", "name=" + box.project + "-build-deployer-two-stuck").stdout())
                .as("the build nobody waits for").isBlank();
        assertThat(box.docker("ps", "-aq", "--filter", "name=" + next).stdout()).as("the release left midway").isBlank();
        assertThat(apps.fetch("py-app--deployer", "/").body()).isEqualTo("Python v2");

        Learner owner = new Learner(box, "deployer-two");
        owner.logIn(otherPassword);
        assertThat(owner.get("/repositories/stuck/releases").body()).contains("failed",
                "The box is restarting, so the build was stopped; the release before it serves on. Push again in a minute.");
    }

    private void awaitBuildOf(String userAndProject) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
        while (box.docker("ps", "-q", "--filter", "name=" + box.project + "-build-" + userAndProject).stdout().isBlank()) {
            assertThat(java.time.Instant.now()).as("the build of " + userAndProject + " did not start").isBefore(deadline);
            Thread.sleep(300);
        }
    }

    private static void awaitText(Path file, String text) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (!Files.readString(file).contains(text)) {
            assertThat(java.time.Instant.now()).as("'" + text + "' in " + file + ": " + Files.readString(file)).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private Path project(String name, Map<String, String> files) throws Exception {
        return client.project(name, files);
    }

    private String push(Path dir, String user, String password, String project) {
        return client.commitAndPush(dir, user, password, project, "First version");
    }

    private String commitAndPush(Path dir, String user, String password, String project, String message) {
        return client.commitAndPush(dir, user, password, project, message);
    }

    private String remote(String user, String password, String project) {
        return client.remote(user, password, project);
    }

    private Shell.Result git(Path dir, String... args) {
        return client.git(dir, args);
    }
}
