package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * Live apps over their life, with the real gateway and Docker: a crash and Docker's restart, the
 * owner's live numbers and logs, notebooks as apps, WebSockets through the gateway, a snippet
 * published, and a report that a teacher acts on.
 */
@ExtendWith(RunningBox.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppCareE2EIT {
    /** Answers, prints each visit, and dies on /crash as a bug would. */
    private static final String FRAGILE_APP = """
            import http.server, os
            print("fragile is up", flush=True)
            class Fragile(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    if self.path == "/crash":
                        print("about to crash", flush=True)
                        os._exit(3)
                    body = ("fine at " + self.path).encode()
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
            http.server.ThreadingHTTPServer(("0.0.0.0", int(os.environ["PORT"])), Fragile).serve_forever()
            """;
    private static final String ECHO_APP = """
            import os
            from websockets.sync.server import serve
            def echo(socket):
                for message in socket:
                    socket.send("echo: " + message)
            with serve(echo, "0.0.0.0", int(os.environ["PORT"])) as server:
                server.serve_forever()
            """;

    private static final String SNIPPET_SERVER = """
            import http.server, os
            print("the snippet server starts", flush=True)
            class Hello(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    body = b"Hello from a snippet"
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
            http.server.ThreadingHTTPServer(("0.0.0.0", int(os.environ.get("PORT", "8080"))), Hello).serve_forever()
            """;

    /** A small server whose /go starts the mischief given, in a thread, and answers "started". */
    private static String mischief(String body) {
        return """
                import http.server, os, subprocess, threading
                def mischief():
                %s
                class Go(http.server.BaseHTTPRequestHandler):
                    def do_GET(self):
                        if self.path == "/go":
                            threading.Thread(target=mischief, daemon=True).start()
                        self.send_response(200)
                        self.send_header("Content-Length", "7")
                        self.end_headers()
                        self.wfile.write(b"started")
                http.server.ThreadingHTTPServer(("0.0.0.0", int(os.environ["PORT"])), Go).serve_forever()
                """.formatted(body.indent(4).stripTrailing());
    }

    private RunningBox box;
    private AppClient apps;
    private Learner keeper;
    private Learner noter;
    private Learner wrecker;
    private String teacherPassword;
    private String keeperPassword;
    private String noterPassword;

    @BeforeAll
    void learnersWithFolders() throws Exception {
        box = RunningBox.get();
        apps = new AppClient(box);
        keeper = new Learner(box, "keeper");
        keeperPassword = box.addUser("keeper");
        keeper.logInToLab(keeperPassword);
        keeper.writeFile("fragile/app.py", FRAGILE_APP);
        keeper.writeFile("echo/app.py", ECHO_APP);
        keeper.writeFile("py-notebook/server.ipynb", Notebooks.of("python3", "python",
                "import http.server, os\\nprint('the notebook runs', flush=True)",
                "class Hello(http.server.BaseHTTPRequestHandler):\\n"
                        + "    def do_GET(self):\\n"
                        + "        body = b'Hello from a Python notebook'\\n"
                        + "        self.send_response(200)\\n"
                        + "        self.send_header('Content-Length', str(len(body)))\\n"
                        + "        self.end_headers()\\n"
                        + "        self.wfile.write(body)",
                "http.server.ThreadingHTTPServer(('0.0.0.0', int(os.environ['PORT'])), Hello).serve_forever()"));

        noter = new Learner(box, "noter");
        noterPassword = box.addUser("noter");
        noter.logInToLab(noterPassword);
        noter.writeFile("java-notebook/server.ipynb", Notebooks.of("java", "java",
                "import com.sun.net.httpserver.HttpServer;\\nimport java.net.InetSocketAddress;",
                "var server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv(\\\"PORT\\\"))), 0);",
                "server.createContext(\\\"/\\\", exchange -> {\\n"
                        + "    byte[] body = \\\"Hello from a Java notebook\\\".getBytes();\\n"
                        + "    exchange.sendResponseHeaders(200, body.length);\\n"
                        + "    exchange.getResponseBody().write(body);\\n"
                        + "    exchange.close();\\n"
                        + "});\\nserver.start();\\nSystem.out.println(\\\"serving\\\");"));
        teacherPassword = box.addUser("ms-care", "teacher");

        wrecker = new Learner(box, "wrecker");
        wrecker.logInToLab(box.addUser("wrecker"));
        wrecker.writeFile("printer/app.py", mischief("line = 'x' * 1000\nwhile True:\n    print(line, flush=True)"));
        wrecker.writeFile("forker/app.py", mischief("subprocess.Popen(['python3', '-c', 'import os\\nwhile True:\\n"
                + "    try:\\n        os.fork()\\n    except OSError:\\n        pass'])"));
        wrecker.writeFile("hog/app.py", mischief("kept = []\nwhile True:\n    kept.append(bytearray(16 * 1024 * 1024))"));
    }

    @Test
    @Order(1)
    void aCrashedAppIsStartedAgainAndItsOwnerSeesWhy() throws Exception {
        apps.publish(keeper, "fragile");
        assertThat(apps.fetch("fragile--keeper", "/one").body()).isEqualTo("fine at /one");

        apps.fetch("fragile--keeper", "/crash");
        HttpResponse<String> again = awaitAnswer("fragile--keeper", "/two");
        assertThat(again.body()).isEqualTo("fine at /two");

        JsonNode status = status(keeper, "fragile");
        assertThat(status.path("state").asString()).isEqualTo("running");
        assertThat(status.path("why").asString()).isEqualTo("It crashed and was started again (once).");
        assertThat(keeper.get("/apps/fragile").body()).contains("about to crash", "It crashed and was started again (once).");
    }

    @Test
    @Order(2)
    void theOwnerSeesRequestsMemoryAndTheLogsAsTheyCome() throws Exception {
        for (int i = 0; i < 3; i++) apps.fetch("fragile--keeper", "/count-" + i);
        Instant deadline = Instant.now().plusSeconds(40);
        JsonNode status = status(keeper, "fragile");
        while (status.path("requests").asLong() < 3) { // the gateway reports every few seconds
            assertThat(Instant.now()).as("requests not counted: " + status).isBefore(deadline);
            Thread.sleep(1000);
            status = status(keeper, "fragile");
        }
        assertThat(status.path("memoryMegabytes").asLong()).isBetween(1L, status.path("memoryLimitMegabytes").asLong());
        assertThat(status.path("lastRequest").asString()).isNotBlank();

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            HttpResponse<InputStream> stream = keeper.http.send(apps.api(keeper, "/apps/fragile/logs")
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                awaitLine(lines, "GET /count-2");
                apps.fetch("fragile--keeper", "/while-watching");
                awaitLine(lines, "GET /while-watching");
            }
        });
        assertThat(keeper.get("/apps/nothing-here/status").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void webSocketsPassTheGateway() throws Exception {
        apps.publish(keeper, "echo");
        String[] answer = WebSocketProbe.sendAndReceive(RunningBox.APPS_PORT,
                "echo--keeper.apps.localhost:" + RunningBox.APPS_PORT, "/", "hello over a socket");
        assertThat(answer[0]).startsWith("HTTP/1.1 101");
        assertThat(answer[1]).isEqualTo("echo: hello over a socket");
    }

    @Test
    @Order(4)
    void notebooksWhoseCellsStartAServerAreLiveApps() throws Exception {
        JsonNode python = apps.publish(keeper, "py-notebook");
        assertThat(python.path("state").asString()).isEqualTo("running");
        assertThat(apps.fetch("py-notebook--keeper", "/").body()).isEqualTo("Hello from a Python notebook");
        assertThat(keeper.get("/apps/py-notebook").body()).contains("the notebook runs");

        apps.publish(noter, "java-notebook");
        assertThat(apps.fetch("java-notebook--noter", "/").body()).isEqualTo("Hello from a Java notebook");
    }

    @Test
    @Order(5)
    void appsThatPrintForkOrAllocateWithoutEndHurtOnlyThemselves() throws Exception {
        apps.publish(wrecker, "printer");
        apps.publish(wrecker, "forker");
        apps.publish(wrecker, "hog");
        String printer = box.project + "-app-wrecker-printer";
        String forker = box.project + "-app-wrecker-forker";
        assertThat(apps.fetch("printer--wrecker", "/go").body()).isEqualTo("started");
        assertThat(apps.fetch("forker--wrecker", "/go").body()).isEqualTo("started");
        apps.fetch("hog--wrecker", "/go");

        // Printing forever fills two log files of 1 MB, then the oldest lines go.
        String logPath = box.docker("inspect", "-f", "{{.LogPath}}", printer).requireSuccess().stdout().strip();
        java.nio.file.Path rotated = java.nio.file.Path.of(logPath + ".1");
        Instant filled = Instant.now().plusSeconds(60);
        while (!java.nio.file.Files.exists(rotated)) {
            assertThat(Instant.now()).as("the log was rotated").isBefore(filled);
            Thread.sleep(200);
        }
        long logBytes = java.nio.file.Files.size(java.nio.file.Path.of(logPath)) + java.nio.file.Files.size(rotated);
        assertThat(logBytes).isLessThanOrEqualTo(2L * 1024 * 1024 + 64 * 1024);
        assertThat(apps.fetch("printer--wrecker", "/still").body()).isEqualTo("started");

        // Forking without end meets the process limit.
        Instant forked = Instant.now().plusSeconds(60);
        int pids = processesOf(forker);
        while (pids < 100) {
            assertThat(Instant.now()).as("the forker reached " + pids + " processes").isBefore(forked);
            Thread.sleep(200);
            pids = processesOf(forker);
        }
        assertThat(pids).isBetween(100, 128);

        // Allocating without end ends in Docker's memory limit; the owner reads that, and the app is back.
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode hog = status(wrecker, "hog");
        while (!hog.path("why").asString().contains("used more than its 256 MB of memory")) {
            assertThat(Instant.now()).as("the hog's memory was not reported: " + hog).isBefore(deadline);
            Thread.sleep(1000);
            hog = status(wrecker, "hog");
        }
        assertThat(awaitAnswer("hog--wrecker", "/").body()).isEqualTo("started");

        // Meanwhile others' apps answer as ever.
        assertThat(apps.fetch("fragile--keeper", "/others").body()).isEqualTo("fine at /others");
        for (String app : new String[] {"printer", "forker", "hog"}) {
            assertThat(wrecker.http.send(apps.api(wrecker, "/api/apps/" + app).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        }
    }

    /**
     * The story of the snippet space: a learner saves a cell of a notebook as a snippet; a second
     * learner opens its link, runs it in their own sandbox and copies it; the first publishes it, and
     * the second fetches the live app.
     */
    @Test
    @Order(6)
    void aSnippetFromANotebookIsRunAndCopiedByAnotherAndPublishedByItsAuthor() throws Exception {
        String id;
        try (KernelSession kernel = noter.startKernel("python3")) {
            assertThat(kernel.execute("%load_ext learnbox", Duration.ofSeconds(60)).error()).isNull();
            KernelSession.Outcome saved = kernel.execute("%%snippet Hello server --public\n" + SNIPPET_SERVER,
                    Duration.ofSeconds(60));
            Matcher link = Pattern.compile("saved as snippet (\\w+): open /s/\\w+ on the box").matcher(saved.stdout());
            assertThat(link.find()).as(saved.stdout()).isTrue();
            id = link.group(1);
        }

        HttpResponse<String> page = keeper.get("/s/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Hello server", "noter", "serve_forever");
        HttpResponse<String> ran = Classes.submit(keeper, "/s/" + id, "/s/" + id + "/run", "");
        assertThat(ran.body()).contains("the snippet server starts").contains("stopped after 20 s");
        assertThat(box.inSandbox("keeper", "test -f ~/snippets/" + id + "/main.py").exitCode()).as("in the visitor's sandbox").isZero();
        assertThat(box.inSandbox("noter", "test -e ~/snippets/" + id).exitCode()).as("not in the author's").isNotZero();
        HttpResponse<String> copied = Classes.submit(keeper, "/s/" + id, "/s/" + id + "/fork", "");
        assertThat(copied.body()).contains("This is your own copy of &quot;Hello server&quot;");
        assertThat(Classes.submit(keeper, copied.uri().getPath(), "/s/" + id + "/publish", "").statusCode())
                .as("only its author publishes it").isEqualTo(403);

        HttpResponse<String> published = Classes.submit(noter, "/s/" + id, "/s/" + id + "/publish", "");
        assertThat(published.body()).contains("It is live at").contains("http://hello-server--noter.apps.localhost:"
                + RunningBox.APPS_PORT + "/");
        assertThat(apps.fetch("hello-server--noter", "/").body()).isEqualTo("Hello from a snippet");
        assertThat(noter.get("/s/" + id).body()).as("the snippet's page keeps its live link")
                .contains("It is live at", "http://hello-server--noter.apps.localhost:" + RunningBox.APPS_PORT + "/", "Publish again");
    }

    @Test
    @Order(7)
    void aJavaNotebookCellIsSavedAsASnippetWithTheLearnersOwnToken() throws Exception {
        try (KernelSession kernel = noter.startKernel("java")) {
            KernelSession.Outcome saved = kernel.execute("%%snippet Greeting in Java --class\n"
                    + "System.out.println(\"Hello from a Java cell\");", Duration.ofSeconds(90));
            Matcher link = Pattern.compile("saved as snippet (\\w+) \\(class\\): open /s/\\w+ on the box").matcher(saved.stdout());
            assertThat(link.find()).as(saved.stdout() + saved.error()).isTrue();
            HttpResponse<String> page = noter.get("/s/" + link.group(1));
            assertThat(page.body()).contains("Greeting in Java", "Hello from a Java cell");
        }
    }

    @Test
    @Order(8)
    void aReportedAppIsTakenDownByTheTeacherAndItsOwnerReadsWhy() throws Exception {
        Learner teacher = new Learner(box, "ms-care");
        Classes.join(noter, Classes.make(box, teacher, teacherPassword, "Web club"));

        HttpResponse<String> reported = Classes.submit(keeper, "/report", "/report", "address="
                + Learner.enc("http://hello-server--noter.apps.localhost:" + RunningBox.APPS_PORT + "/")
                + "&reason=" + Learner.enc("It shows my name without asking me."));
        assertThat(reported.body()).contains("Thank you. Your report of");
        HttpResponse<String> refused = Classes.submit(keeper, "/report", "/report", "address=" + Learner.enc("nowhere")
                + "&reason=" + Learner.enc("Something is wrong."));
        assertThat(refused.body()).contains("is not the address of a live app of this box");

        HttpResponse<String> watched = teacher.get("/apps/moderation");
        assertThat(watched.body()).contains("hello-server", "It shows my name without asking me.", "keeper");
        HttpResponse<String> taken = Classes.submit(teacher, "/apps/moderation", "/apps/moderation/take-down", "address="
                + Learner.enc("http://hello-server--noter.apps.localhost:" + RunningBox.APPS_PORT + "/")
                + "&reason=" + Learner.enc("Names of classmates need their yes."));
        assertThat(taken.body()).contains("is taken down");
        assertThat(apps.fetch("hello-server--noter", "/").statusCode()).isEqualTo(404);
        assertThat(noter.get("/").body()).contains("was taken down by", "ms-care", "Names of classmates need their yes.");
        assertThat(Classes.submit(noter, "/", "/apps/moderation/take-down", "address=x&reason=because").statusCode())
                .as("students take nothing down").isEqualTo(403);
    }

    @Test
    @Order(9)
    void inChromiumTheOwnerWatchesTheAppAVisitorReportsOneAndTheTeacherSeesIt() throws Exception {
        inChromium("keeper", keeperPassword, (browser, wait) -> {
            Chromium.openUntil(browser, box.url("/apps/fragile"), By.id("app-logs"));
            apps.fetch("fragile--keeper", "/seen-in-chromium");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("app-logs"), "GET /seen-in-chromium"));
            wait.until(driver -> driver.findElement(By.id("app-memory")).getText().contains("MB of"));
            assertThat(browser.findElement(By.id("app-state")).getText()).isEqualTo("running");
            assertThat(browser.findElement(By.id("logs-live")).getText()).isEqualTo("(live)");
            Chromium.screenshot(browser, "33-app-live.png");

            String javaNotebook = "http://java-notebook--noter.apps.localhost:" + RunningBox.APPS_PORT + "/";
            Chromium.openUntil(browser, box.url("/report?app=" + javaNotebook), By.id("reason"));
            browser.findElement(By.id("reason")).sendKeys("It says hello to nobody in particular.");
            Chromium.screenshot(browser, "34-report.png");
            browser.findElement(By.id("send-report")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-done")));
        });
        inTeachersChromium("ms-care", teacherPassword, (browser, wait) -> {
            Chromium.openUntil(browser, box.url("/apps/moderation"), By.id("watched-java-notebook--noter"));
            assertThat(browser.findElement(By.id("watched-java-notebook--noter")).getText())
                    .contains("It says hello to nobody in particular.", "keeper");
            Chromium.screenshot(browser, "35-moderation.png");
        });
        inChromium("noter", noterPassword, (browser, wait) -> {
            Chromium.openUntil(browser, box.url("/"), By.id("takedown-hello-server"));
            assertThat(browser.findElement(By.id("takedown-hello-server")).getText())
                    .contains("taken down by ms-care", "Names of classmates need their yes.");
            Chromium.screenshot(browser, "36-taken-down.png");
        });
    }

    /** The snippet list's starters: each, saved as the editor shows it, is published at once and answers. */
    @Test
    @Order(10)
    void eachStarterOfTheSnippetListIsPublishedAsItIsAndAnswers() throws Exception {
        Learner starter = new Learner(box, "starter");
        starter.logIn(box.addUser("starter"));
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("web-page", "<h1>My page</h1>");
        answers.put("python-server", "<h1>Hello from Python!</h1><p>You asked for /</p>");
        answers.put("java-server", "<h1>Hello from Java!</h1><p>You asked for /</p>");
        for (Map.Entry<String, String> kind : answers.entrySet()) {
            assertThat(starter.get("/snippets").body()).contains("href=\"/snippets/new?starter=" + kind.getKey() + "\"");
            String editor = starter.get("/snippets/new?starter=" + kind.getKey()).body();
            Matcher language = Pattern.compile("<option value=\"(\\w+)\"[^>]*selected").matcher(editor);
            assertThat(language.find()).as("the editor has the starter's language").isTrue();
            StringBuilder form = new StringBuilder("title=" + Learner.enc("Starter " + kind.getKey())
                    + "&language=" + language.group(1) + "&visibility=private");
            Matcher file = Pattern.compile("name=\"(files\\[\\d+]\\.name)\" value=\"([^\"]*)\"|name=\"(files\\[\\d+]\\.content)\"[^>]*>\n?(.*?)</textarea>",
                    Pattern.DOTALL).matcher(editor);
            while (file.find()) {
                String field = file.group(1) != null ? file.group(1) : file.group(3);
                String value = HtmlUtils.htmlUnescape(file.group(1) != null ? file.group(2) : file.group(4));
                form.append('&').append(Learner.enc(field)).append('=').append(Learner.enc(value));
            }
            HttpResponse<String> saved = Classes.submit(starter, "/snippets/new?starter=" + kind.getKey(), "/snippets", form.toString());
            String page = saved.uri().getPath();
            assertThat(page).as(saved.body()).matches("/s/\\w+");
            HttpResponse<String> published = Classes.submit(starter, page, page + "/publish", "");
            String app = "starter-" + kind.getKey() + "--starter";
            assertThat(published.body()).as("published as it is").contains("It is live at", "http://" + app + ".apps.localhost:");
            assertThat(apps.fetch(app, "/").body()).contains(kind.getValue());
        }
    }

    private interface BrowserSteps {
        void run(WebDriver browser, WebDriverWait wait) throws Exception;
    }

    /** A browser of its own for each student, logged in to their lab first. */
    private void inChromium(String name, String password, BrowserSteps steps) throws Exception {
        inChromium(browser -> Chromium.logInToLab(browser, box, name, password), steps);
    }

    /** A browser of the teacher's own, logged in to the dashboard first. */
    private void inTeachersChromium(String name, String password, BrowserSteps steps) throws Exception {
        inChromium(browser -> Chromium.logInToDashboard(browser, box, name, password), steps);
    }

    private void inChromium(java.util.function.Consumer<WebDriver> logIn, BrowserSteps steps) throws Exception {
        WebDriver browser = Chromium.open();
        try {
            logIn.accept(browser);
            steps.run(browser, new WebDriverWait(browser, Duration.ofSeconds(60)));
        } finally {
            browser.quit();
        }
    }

    private JsonNode status(Learner owner, String app) throws Exception {
        HttpResponse<String> answer = owner.get("/apps/" + app + "/status");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return AppClient.JSON.readTree(answer.body());
    }

    private int processesOf(String container) {
        return Integer.parseInt(box.docker("stats", "--no-stream", "--format", "{{.PIDs}}", container).requireSuccess().stdout().strip());
    }

    private HttpResponse<String> awaitAnswer(String label, String path) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        HttpResponse<String> answer = apps.fetch(label, path);
        while (answer.statusCode() != 200) {
            assertThat(Instant.now()).as("no answer after the crash: " + answer.body()).isBefore(deadline);
            Thread.sleep(300);
            answer = apps.fetch(label, path);
        }
        return answer;
    }

    private static void awaitLine(BufferedReader lines, String part) throws Exception {
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith("data:") && line.contains(part)) return;
        }
        throw new AssertionError("the log stream ended before '" + part + "'");
    }
}
