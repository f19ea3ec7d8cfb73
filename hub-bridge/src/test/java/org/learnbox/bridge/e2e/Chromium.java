package org.learnbox.bridge.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium, headless, with a profile of its own under target (not left in /tmp); screenshots go to target/screenshots. */
final class Chromium {
    static final Path SCREENSHOTS = RunningBox.projectRoot().resolve("hub-bridge/target/screenshots");
    private static final Path PROFILES = RunningBox.projectRoot().resolve("hub-bridge/target/chromium-profiles");

    private Chromium() {}

    static WebDriver open() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(PROFILES);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,860", "--user-data-dir=" + Files.createTempDirectory(PROFILES, "chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        return new ChromeDriver(service, options);
    }

    /**
     * Opens the page until what shows it is ready is there. Chromium runs on the machine whose Docker
     * starts sandboxes as people log in; each new network interface makes it drop the requests under
     * way (ERR_NETWORK_CHANGED), which a person's browser, elsewhere, never sees.
     */
    static void openUntil(WebDriver browser, String url, By ready) {
        for (int attempt = 1; ; attempt++) {
            browser.get(url);
            try {
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(ready));
                return;
            } catch (TimeoutException dropped) {
                if (attempt == 3) throw dropped;
            }
        }
    }

    /**
     * Fills in a form and presses its button until what the answer shows is there. A submission or a
     * script of its answer Chromium dropped (see openUntil) shows its error page, the page that was
     * sent, or an answer its scripts never finished: the form is filled in and sent again, three times.
     */
    static void submitUntil(WebDriver browser, Runnable fillIn, By button, By ready) {
        for (int attempt = 1; ; attempt++) {
            fillIn.run();
            browser.findElement(button).click();
            try {
                new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.or(
                        ExpectedConditions.visibilityOfElementLocated(ready), Chromium::droppedThePage));
                if (!droppedThePage(browser)) return;
            } catch (TimeoutException notThere) {
                if (attempt == 3) throw new AssertionError("Three times the answer came without " + ready + ": " + pageText(browser), notThere);
                System.err.println("Chromium: answer " + attempt + " came without " + ready + ", sending again");
                continue;
            }
            if (attempt == 3) throw new AssertionError("Chromium dropped the page three times: " + pageText(browser));
        }
    }

    private static String pageText(WebDriver browser) {
        return browser.getCurrentUrl() + "\n" + browser.findElement(By.tagName("body")).getText();
    }

    /** Chromium shows its own error page where the box's page was dropped. */
    private static boolean droppedThePage(WebDriver browser) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("return document.URL")).startsWith("chrome-error:");
    }

    /** Logs in on the box's form and waits for the student's JupyterLab, where their login leads. */
    static void logInToLab(WebDriver browser, RunningBox box, String name, String password) {
        logIn(browser, box, name, password);
        new WebDriverWait(browser, Duration.ofMinutes(2)).until(ExpectedConditions.urlContains("/user/" + name + "/lab"));
    }

    /** Logs in a teacher or an admin on the box's form and waits for the dashboard, where their login leads. */
    static void logInToDashboard(WebDriver browser, RunningBox box, String name, String password) {
        logIn(browser, box, name, password);
        new WebDriverWait(browser, Duration.ofMinutes(1)).until(ExpectedConditions.visibilityOfElementLocated(By.id("open-lab")));
    }

    private static void logIn(WebDriver browser, RunningBox box, String name, String password) {
        openUntil(browser, box.url("/login"), By.id("username"));
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
    }

    static void screenshot(WebDriver browser, String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
