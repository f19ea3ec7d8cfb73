package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Live apps through the real gateway and Docker: a learner publishes folders of their home; each
 * app answers on its own host name, sleeps when nobody asks, wakes on the next request; broken and
 * hostile apps are contained and explained.
 */
@ExtendWith(RunningBox.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveAppsE2EIT {
    private static final ObjectMapper JSON = AppClient.JSON;
    private static final String PYTHON_APP = """
            import http.server, os
            class Hello(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    body = ("Hello from Python at " + self.path).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "text/plain")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
            http.server.ThreadingHTTPServer(("0.0.0.0", int(os.environ["PORT"])), Hello).serve_forever()
            """;
    private static final String JAVA_APP = """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;

            public class Main {
                public static void main(String[] args) throws Exception {
                    HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv("PORT"))), 0);
                    server.createContext("/", exchange -> {
                        byte[] body = ("Hello from Java at " + exchange.getRequestURI()).getBytes();
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
                    server.start();
                }
            }
            """;
    /** Tries every way out it can think of and says which worked. */
    private static final String HOSTILE_APP = """
            import http.server, json, os, socket, struct, urllib.parse
            def gateway():
                for line in open("/proc/net/route").read().splitlines()[1:]:
                    fields = line.split()
                    if fields[1] == "00000000":
                        return socket.inet_ntoa(struct.pack("<L", int(fields[2], 16)))
            def reaches(host, port):
                try:
                    socket.create_connection((host, int(port)), timeout=1.5).close()
                    return True
                except OSError:
                    return False
            def writes(path):
                try:
                    open(path, "w").write("x")
                    return True
                except OSError:
                    return False
            class Probe(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    query = dict(urllib.parse.parse_qsl(urllib.parse.urlparse(self.path).query))
                    found = {name: reaches(*target.split(":")) for name, target in query.items()}
                    host = gateway()
                    found.update({"host:" + p: reaches(host, p) for p in os.environ.get("HOST_PORTS", "").split(",") if p})
                    found["docker socket"] = os.path.exists("/var/run/docker.sock")
                    found["writes its code"] = writes("/app/app.py")
                    body = json.dumps(found).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(body)
            http.server.ThreadingHTTPServer(("0.0.0.0", int(os.environ["PORT"])), Probe).serve_forever()
            """;

    private RunningBox box;
    private AppClient apps;
    private Learner maker;
    private String makerPassword;
    private Learner breaker;

    @BeforeAll
    void twoLearnersWithFolders() throws Exception {
        box = RunningBox.get();
        apps = new AppClient(box);
        maker = new Learner(box, "maker");
        makerPassword = box.addUser("maker");
        maker.logInToLab(makerPassword);
        maker.writeFile("hello-py/app.py", PYTHON_APP);
        maker.writeFile("hello-java/Main.java", JAVA_APP);
        maker.writeFile("prober/app.py", HOSTILE_APP);
        maker.writeFile("prober/learnbox.yaml", "name: prober\nruntime: python\ncommand: env HOST_PORTS="
                + RunningBox.HUB_API_PORT + "," + box.port + "," + (RunningBox.APPS_PORT) + " python3 app.py\n");
        maker.writeFile("site/index.html", "<h1>My site</h1>");

        breaker = new Learner(box, "breaker");
        breaker.logInToLab(box.addUser("breaker"));
        breaker.writeFile("silent/app.py", "import time\nprint('thinking about it', flush=True)\ntime.sleep(3600)\n");
        breaker.writeFile("crasher/app.py", "print('about to fail', flush=True)\nraise SystemExit(3)\n");
        breaker.writeFile("bad-yaml/app.py", "print(1)\n");
        breaker.writeFile("bad-yaml/learnbox.yaml", "name: Bad Name\nruntime: cobol\n");
        breaker.writeFile("broken-java/Main.java", "public class Main { public static void main(String[] a) { int x = ; } }\n");
    }

    @Test
    @Order(1)
    void aPythonAndAJavaAppAnswerOnTheirOwnHostNames() throws Exception {
        JsonNode python = apps.publish(maker, "hello-py");
        assertThat(python.path("url").asString()).isEqualTo("http://hello-py--maker.apps.localhost:" + RunningBox.APPS_PORT + "/");
        assertThat(python.path("state").asString()).isEqualTo("running");
        assertThat(apps.fetch("hello-py--maker", "/greeting?x=1").body()).isEqualTo("Hello from Python at /greeting?x=1");

        apps.publish(maker, "hello-java");
        assertThat(apps.fetch("hello-java--maker", "/").body()).isEqualTo("Hello from Java at /");
        assertThat(apps.fetch("nothing--maker", "/").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void anAppNobodyAsksForSleepsAndTheNextRequestWakesIt() throws Exception {
        String container = box.project + "-app-maker-hello-py";
        Instant deadline = Instant.now().plusSeconds(60);
        while (apps.isRunning(container)) {
            assertThat(Instant.now()).as("the idle app was not put to sleep").isBefore(deadline);
            Thread.sleep(500);
        }
        HttpResponse<String> woken = apps.fetch("hello-py--maker", "/again");
        assertThat(woken.statusCode()).isEqualTo(200);
        assertThat(woken.body()).isEqualTo("Hello from Python at /again");
        assertThat(apps.isRunning(container)).isTrue();
    }

    @Test
    @Order(3)
    void aHostileAppReachesNothingButTheInternetsOwnAddresses() throws Exception {
        apps.publish(maker, "prober");
        String sandboxIp = apps.ipOf(box.sandboxContainer("maker"));
        String otherAppIp = apps.ipOf(box.project + "-app-maker-hello-java");
        JsonNode found = JSON.readTree(apps.fetch("prober--maker", "/?sandbox=" + sandboxIp + ":8888&other%20app=" + otherAppIp
                + ":8080&bridge=" + apps.ipOf(box.project + "-bridge-1") + ":8080").body());
        assertThat(found.properties()).isNotEmpty();
        found.properties().forEach(entry -> assertThat(entry.getValue().asBoolean()).as(entry.getKey()).isFalse());
        assertThat(found.has("host:" + RunningBox.HUB_API_PORT)).isTrue();
    }

    @Test
    @Order(4)
    void brokenAppsAreRefusedWithTheirOwnWordsAndOthersCarryOn() throws Exception {
        assertThat(apps.publishRefused(breaker, "silent")).contains("did not open port 8080 within 30 s")
                .contains("thinking about it");
        assertThat(apps.publishRefused(breaker, "crasher")).contains("stopped right after it started (exit code 3)")
                .contains("about to fail");
        assertThat(apps.publishRefused(breaker, "bad-yaml")).contains("'Bad Name' is not a name for an app");
        assertThat(apps.publishRefused(breaker, "broken-java")).contains("could not be built").contains("Main.java");
        assertThat(apps.publishRefused(breaker, "../maker")).contains("is not a file name the box takes");
        assertThat(apps.publishRefused(breaker, "no-such-folder")).contains("There is no folder 'no-such-folder'");
        assertThat(apps.fetch("hello-java--maker", "/").body()).isEqualTo("Hello from Java at /");
    }

    @Test
    @Order(5)
    void aFourthAppIsRefusedByTheQuotaAndUnpublishingMakesRoom() throws Exception {
        assertThat(apps.publishRefused(maker, "site")).contains("the most one person may have on this box (3)");
        HttpResponse<String> gone = maker.http.send(apps.api(maker, "/api/apps/hello-java").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(gone.statusCode()).isEqualTo(204);
        assertThat(apps.fetch("hello-java--maker", "/").statusCode()).isEqualTo(404);
        apps.publish(maker, "site");
        assertThat(apps.fetch("site--maker", "/").body()).isEqualTo("<h1>My site</h1>");
    }

    @Test
    @Order(6)
    void theGatewayLetsOnlyItsShareOfRequestsThroughToOneApp() throws Exception {
        // A bucket of 600 that refills by 10 a second: the first refusal comes after 600 requests and
        // the refill of the time they took, however fast this machine sends them.
        // The refusal is read from the answer that was refused: a tenth of a second later the bucket
        // holds a request again.
        long started = System.nanoTime();
        int passed = 0;
        HttpResponse<String> answer;
        while ((answer = apps.fetch("site--maker", "/")).statusCode() != 429) {
            passed++;
            assertThat(passed).as("no request was refused").isLessThan(5000);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(passed).isGreaterThanOrEqualTo(590).isLessThanOrEqualTo(600 + (int) Math.ceil(seconds * 10) + 1);
        assertThat(answer.body()).contains("more than 600 requests in the last minute");
        long burstStarted = System.nanoTime();
        int passedAfterRefusal = 0;
        for (int i = 0; i < 20; i++) {
            if (apps.fetch("site--maker", "/").statusCode() == 200) passedAfterRefusal++;
        }
        double burstSeconds = (System.nanoTime() - burstStarted) / 1e9;
        assertThat(passedAfterRefusal).as("requests let through while the bucket refills")
                .isLessThanOrEqualTo((int) Math.ceil(burstSeconds * 10) + 1);
    }

    @Test
    @Order(7)
    void theLearnboxCommandPublishesFromTheSandboxWithTheLearnersOwnToken() throws Exception {
        breaker.writeFile("cli-site/index.html", "<p>published from a terminal</p>");
        Shell.Result published = box.inSandbox("breaker", "cd ~/cli-site && learnbox publish");
        assertThat(published.exitCode()).as(published.stderr()).isZero();
        assertThat(published.stdout()).contains("cli-site is live at http://cli-site--breaker.apps.localhost:" + RunningBox.APPS_PORT + "/");
        assertThat(apps.fetch("cli-site--breaker", "/").body()).isEqualTo("<p>published from a terminal</p>");
        assertThat(box.inSandbox("breaker", "learnbox apps").stdout()).containsPattern("cli-site\\s+running\\s+http://cli-site--breaker");

        Shell.Result outside = box.inSandbox("breaker", "learnbox publish /etc");
        assertThat(outside.exitCode()).isEqualTo(1);
        assertThat(outside.stderr()).contains("'/etc' is not a folder inside your home");
        Shell.Result forged = box.inSandbox("breaker", "JUPYTERHUB_API_TOKEN=made-up learnbox apps");
        assertThat(forged.exitCode()).isEqualTo(1);
        assertThat(forged.stderr()).contains("This token is not a learner's JupyterHub token");
    }

    @Test
    @Order(8)
    void aSnippetIsSavedFromTheTerminalAndFromANotebookCell() throws Exception {
        breaker.writeFile("loops/count.py", "for i in range(3):\n    print(i)\n");
        Shell.Result saved = box.inSandbox("breaker", "cd ~/loops && learnbox save count.py --title 'Counting' --public");
        assertThat(saved.exitCode()).as(saved.stderr()).isZero();
        Matcher id = Pattern.compile("saved as snippet (\\w+) \\(public\\): open /s/(\\w+) on the box").matcher(saved.stdout());
        assertThat(id.find()).as(saved.stdout()).isTrue();
        JsonNode snippet = JSON.readTree(breaker.http.send(apps.api(breaker, "/api/snippets/" + id.group(1)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(snippet.path("title").asString()).isEqualTo("Counting");
        assertThat(snippet.path("language").asString()).isEqualTo("python");
        assertThat(snippet.path("files").get(0).path("content").asString()).isEqualTo("for i in range(3):\n    print(i)\n");

        try (KernelSession kernel = breaker.startKernel("python3")) {
            KernelSession.Outcome outcome = kernel.execute("%load_ext learnbox", Duration.ofSeconds(60));
            assertThat(outcome.error()).isNull();
            outcome = kernel.execute("%%snippet Squares --class\nprint([n * n for n in range(4)])", Duration.ofSeconds(60));
            assertThat(outcome.stdout()).containsPattern("saved as snippet \\w+: open /s/\\w+ on the box");
        }
    }

    @Test
    @Order(9)
    void inChromiumTheOwnerSeesTheirAppsAndTheAppOnItsOwnAddress() throws Exception {
        WebDriver browser = Chromium.open();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(2));
            browser.get(box.url("/login"));
            browser.findElement(By.id("username")).sendKeys("maker");
            browser.findElement(By.id("password")).sendKeys(makerPassword);
            browser.findElement(By.id("login")).click();
            wait.until(ExpectedConditions.urlContains("/user/maker/lab"));
            Chromium.openUntil(browser, box.url("/"), By.id("apps"));
            assertThat(browser.findElement(By.id("apps")).getText()).contains("site", "hello-py", "prober");
            Chromium.screenshot(browser, "30-dashboard-apps.png");

            Chromium.openUntil(browser, box.url("/apps/site"), By.id("app-url"));
            assertThat(browser.findElement(By.id("app-url")).getText())
                    .isEqualTo("http://site--maker.apps.localhost:" + RunningBox.APPS_PORT + "/");
            Chromium.screenshot(browser, "31-app-page.png");
            browser.findElement(By.id("app-url")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My site");
            Chromium.screenshot(browser, "32-live-app.png");

            apps.fetch("hello-py--maker", "/"); // awake, whatever the idle time did meanwhile
            Chromium.openUntil(browser, box.url("/apps/hello-py"), By.id("stop-app"));
            browser.findElement(By.id("stop-app")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#apps .notice")));
            assertThat(browser.findElement(By.cssSelector("#apps .notice")).getText()).contains("'hello-py' is asleep now");
            assertThat(apps.isRunning(box.project + "-app-maker-hello-py")).isFalse();
            browser.get("http://hello-py--maker.apps.localhost:" + RunningBox.APPS_PORT + "/woken");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Hello from Python at /woken"));
        } finally {
            browser.quit();
        }
    }
}
