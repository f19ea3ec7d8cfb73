package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * A graphical program published as a live app (issue 18): each visitor uses an instance of their
 * own in their browser, as many at once as the app's memory holds, and no one reaches another's.
 */
@ExtendWith(RunningBox.class)
class DesktopAppE2EIT {
    private static final String COUNTER = """
            import javax.swing.*;

            public class Main {
                public static void main(String[] args) {
                    SwingUtilities.invokeLater(() -> {
                        JFrame frame = new JFrame("Counter");
                        JButton button = new JButton("Click me");
                        button.setFont(button.getFont().deriveFont(48f));
                        int[] clicks = {0};
                        button.addActionListener(event -> {
                            clicks[0]++;
                            button.setText("Clicked " + clicks[0]);
                            System.out.println("clicked " + clicks[0]);
                        });
                        frame.add(button);
                        frame.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE);
                        frame.setSize(400, 300);
                        frame.setVisible(true);
                        System.out.println("the window is open");
                    });
                }
            }
            """;

    private final RunningBox box = RunningBox.get();

    @Test
    void twoVisitorsInTwoBrowsersEachUseTheirOwnInstanceAThirdWaitsForRoomAndNoneReachesAnothers() throws Exception {
        Learner gale = new Learner(box, "gale");
        gale.logInToLab(box.addUser("gale"));
        gale.writeFile("counter/Main.java", COUNTER);
        AppClient apps = new AppClient(box);
        JsonNode published = apps.publish(gale, "counter");
        String url = published.path("url").asString();
        assertThat(url).isEqualTo("http://counter--gale.apps.localhost:" + RunningBox.APPS_PORT + "/");
        String container = box.project + "-app-gale-counter";

        WebDriver first = Chromium.open();
        WebDriver second = Chromium.open();
        WebDriver third = Chromium.open();
        try {
            // The first visitor: the program's window fills the page; a click on its button reaches their instance.
            WebElement firstScreen = openAsVisitor(first, url, "1");
            awaitLog(container, "[visitor 1] the window is open");
            WebElement secondScreen = openAsVisitor(second, url, "2");
            awaitLog(container, "[visitor 2] the window is open");
            new Actions(first).moveToElement(firstScreen).click().perform();
            awaitLog(container, "[visitor 1] clicked 1");
            for (int click = 1; click <= 2; click++) {
                new Actions(second).moveToElement(secondScreen).click().perform();
                awaitLog(container, "[visitor 2] clicked " + click);
            }
            Chromium.screenshot(first, "window-app-01-first-visitor-clicked-once.png");
            Chromium.screenshot(second, "window-app-02-second-visitor-clicked-twice.png");
            assertThat(logs(container)).as("each visitor's clicks count in their own instance")
                    .doesNotContain("[visitor 1] clicked 2").doesNotContain("[visitor 2] clicked 3");

            // 256 MiB, a visitor's share 112 MiB: two at once. The third is told so, in words.
            third.get(url);
            WebElement status = new WebDriverWait(third, Duration.ofSeconds(30)).until(browser -> {
                WebElement shown = browser.findElement(By.id("status"));
                return shown.getText().contains("at most") ? shown : null;
            });
            assertThat(status.getText()).isEqualTo(
                    "This app takes at most 2 visitors at once, and has them now. Try again in a moment (reload this page).");
            Chromium.screenshot(third, "window-app-03-third-visitor-waits.png");

            // From the attacker's side: a display answers only the cookie of its visit (the gateway may take
            // the websocket first; the app then closes it, and no RFB comes).
            String secondsCookie = "learnbox-visitor=" + second.manage().getCookieNamed("learnbox-visitor").getValue();
            assertThat(screenAnswer(secondsCookie)).as("the probe sees a display when it may").contains("RFB 003.008");
            assertThat(screenAnswer(null)).doesNotContain("RFB");
            assertThat(screenAnswer("learnbox-visitor=guessed-" + System.nanoTime())).doesNotContain("RFB");
            HttpResponse<String> noCookie = apps.visitor.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + box.appsPort + "/start"))
                    .header("Host", "counter--gale.apps.localhost:" + box.appsPort).POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(noCookie.statusCode()).isEqualTo(400);
            assertThat(noCookie.body()).contains("no-cookie");

            // The first visitor leaves: their program stops, and the third gets the room.
            first.quit();
            first = null;
            awaitLog(container, "[visitor 1] left; the program stops");
            assertThat(logs(container).split("to at most 2 visitors", -1)).as("the app never slept under its visitors (idle here: 15 s)")
                    .hasSize(2);
            openAsVisitor(third, url, "3");
            awaitLog(container, "[visitor 3] the window is open");
            Chromium.screenshot(third, "window-app-04-third-visitor-in.png");
            assertThat(logs(container)).as("the second visitor's instance went on").doesNotContain("[visitor 2] left");
        } finally {
            Chromium.screenshot(second, "window-app-last.png");
            for (WebDriver browser : new WebDriver[] {first, second, third}) {
                if (browser != null) browser.quit();
            }
        }
    }

    @Test
    void aVisitorsProgramThatTakesAllTheMemoryEndsAloneTheOtherVisitorAndTheAppGoOn() throws Exception {
        Learner hoarder = new Learner(box, "hoarder");
        hoarder.logInToLab(box.addUser("hoarder"));
        hoarder.writeFile("greedy/app.py", """
                import tkinter
                root = tkinter.Tk()
                root.title("Greedy")
                hoard = []
                def grab():
                    print("grabbing", flush=True)
                    while True:
                        hoard.append(b"x" * (8 * 1024 * 1024))
                def hello():
                    print("hello", flush=True)
                tkinter.Button(root, text="Take all the memory", command=grab).pack(side="left", expand=True, fill="both")
                tkinter.Button(root, text="Say hello", command=hello).pack(side="right", expand=True, fill="both")
                print("the window is open", flush=True)
                root.mainloop()
                """);
        String url = new AppClient(box).publish(hoarder, "greedy").path("url").asString();
        String container = box.project + "-app-hoarder-greedy";
        WebDriver greedy = Chromium.open();
        WebDriver modest = Chromium.open();
        try {
            WebElement greedyScreen = openAsVisitor(greedy, url, "1");
            awaitLog(container, "[visitor 1] the window is open");
            WebElement modestScreen = openAsVisitor(modest, url, "2");
            awaitLog(container, "[visitor 2] the window is open");

            // The left half of the window takes all the memory there is: the app's bound ends that program only.
            int quarter = greedyScreen.getSize().getWidth() / 4;
            clickUntilLogged(greedy, greedyScreen, -quarter, container, "[visitor 1] grabbing");
            awaitLog(container, "[visitor 1] the program ended (exit code -9)");
            WebElement status = new WebDriverWait(greedy, Duration.ofSeconds(30)).until(browser -> {
                WebElement shown = browser.findElement(By.id("status"));
                return shown.isDisplayed() && shown.getText().contains("ended") ? shown : null;
            });
            assertThat(status.getText()).isEqualTo("The program has ended. Reload this page to start it again.");
            Chromium.screenshot(greedy, "window-app-05-greedy-program-ended.png");

            // The other visitor's program answers still, in the same app, never restarted.
            clickUntilLogged(modest, modestScreen, quarter, container, "[visitor 2] hello");
            assertThat(logs(container).split("to at most 2 visitors", -1)).as("the app's server went on").hasSize(2);
            assertThat(box.docker("inspect", "-f", "{{.RestartCount}} {{.State.Running}}", container).stdout().strip()).isEqualTo("0 true");
            Chromium.screenshot(modest, "window-app-06-other-visitor-goes-on.png");
        } finally {
            greedy.quit();
            modest.quit();
        }
    }

    /** Opens the app as a visitor, until their program's display shows; answers its canvas. */
    private static WebElement openAsVisitor(WebDriver browser, String url, String visitor) {
        Chromium.openUntil(browser, url, By.cssSelector("#screen canvas"));
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(shown -> visitor.equals(
                ((JavascriptExecutor) shown).executeScript("return document.body.dataset.visitor"))
                && !shown.findElement(By.id("status")).isDisplayed());
        return browser.findElement(By.cssSelector("#screen canvas"));
    }

    /**
     * Clicks left or right of the screen's middle until the program says it was clicked: the window
     * that opened may not fill the screen yet (the window manager maximizes it as the page resizes the display).
     */
    private void clickUntilLogged(WebDriver browser, WebElement screen, int fromMiddle, String container, String line)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            new Actions(browser).moveToElement(screen, fromMiddle, 0).click().perform();
            long answered = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < answered) {
                if (logs(container).contains(line)) return;
                Thread.sleep(200);
            }
            if (System.nanoTime() > deadline) awaitLog(container, line); // fails, saying what the app wrote
        }
    }

    private String logs(String container) {
        return box.docker("logs", container).stdout();
    }

    private void awaitLog(String container, String line) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Supplier<Boolean> seen = () -> logs(container).contains(line);
        while (!seen.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the app never wrote '" + line + "'; it wrote:\n" + logs(container)
                        + "\nthe gateway wrote:\n" + box.docker("logs", "--tail", "60", box.project + "-gateway-1").stdout()
                        + box.docker("logs", "--tail", "60", box.project + "-gateway-1").stderr()
                        + "\nthe container: " + box.docker("inspect", "-f", "{{.RestartCount}} {{.State.OOMKilled}} {{.State.ExitCode}} {{.State.StartedAt}}", container).stdout()
                        + "\nthe bridge wrote of it:\n" + (box.docker("logs", box.project + "-bridge-1").stdout() + box.docker("logs", box.project + "-bridge-1").stderr()).lines()
                                .filter(logged -> logged.contains(container.substring(container.lastIndexOf('-') + 1))).collect(java.util.stream.Collectors.joining("\n")));
            }
            Thread.sleep(200);
        }
    }

    /** What a websocket to the app's screen gets, with this cookie or none: until it closes, or for 10 s. */
    private String screenAnswer(String cookie) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", box.appsPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /screen HTTP/1.1\r\nHost: counter--gale.apps.localhost:" + box.appsPort + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            try {
                for (int b = in.read(); b != -1; b = in.read()) {
                    answer.write(b);
                    if (answer.toString(StandardCharsets.ISO_8859_1).contains("RFB 003.008")) break;
                }
            } catch (java.net.SocketTimeoutException quiet) {
                // nothing more came
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
