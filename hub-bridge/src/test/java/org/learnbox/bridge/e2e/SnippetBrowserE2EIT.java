package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Snippets in Debian's Chromium: a learner writes one in the editor, sees it highlighted and
 * shares its link; a visitor reads it without logging in, then logs in and copies it.
 * Screenshots 20 onward in target/screenshots.
 */
@ExtendWith(RunningBox.class)
class SnippetBrowserE2EIT {
    private static final String CODE = "class Hello { public static void main(String[] args) { System.out.println(\"Hello, snippets\"); } }";

    private final RunningBox box = RunningBox.get();
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openChromium() throws Exception {
        browser = Chromium.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeChromium() {
        if (browser != null) browser.quit();
    }

    private void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, name);
    }

    /** On the login form the box sent the browser to; afterwards the box brings it back where it was going. */
    private void logIn(String name, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
    }

    private void openUntil(String url, By ready) {
        Chromium.openUntil(browser, url, ready);
    }

    private void awaitSandbox(String name) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (box.docker("ps", "-q", "--filter", "name=" + box.sandboxContainer(name)).stdout().isBlank()) {
            assertThat(java.time.Instant.now()).as(name + "'s sandbox did not start").isBefore(deadline);
            Thread.sleep(200);
        }
        // Chromium may drop a page as the sandbox's network comes up: openUntil opens it again until it is there.
    }

    @Test
    void aLearnerSharesAJavaSnippetAndAnotherCopiesIt() throws Exception {
        String author = box.addUser("sina");
        String reader = box.addUser("timo");

        browser.get(box.url("/snippets/new"));
        logIn("sina", author);
        wait.until(ExpectedConditions.urlContains("/snippets/new"));
        awaitSandbox("sina");
        openUntil(box.url("/snippets/new"), By.cssSelector("#file-0 .CodeMirror"));
        browser.findElement(By.id("title")).sendKeys("Hello, snippets");
        assertThat(new Select(browser.findElement(By.id("language"))).getFirstSelectedOption().getText()).isEqualTo("Java");
        assertThat(browser.findElement(By.id("file-name-0")).getAttribute("value")).isEqualTo("Main.java");
        // Choosing a language names the first file after it, while the learner has not named it.
        new Select(browser.findElement(By.id("language"))).selectByVisibleText("Python");
        assertThat(browser.findElement(By.id("file-name-0")).getAttribute("value")).isEqualTo("main.py");
        new Select(browser.findElement(By.id("language"))).selectByVisibleText("HTML/CSS/JS");
        assertThat(browser.findElement(By.id("file-name-0")).getAttribute("value")).isEqualTo("index.html");
        new Select(browser.findElement(By.id("language"))).selectByVisibleText("Java");
        assertThat(browser.findElement(By.id("file-name-0")).getAttribute("value")).isEqualTo("Main.java");
        browser.findElement(By.id("file-name-0")).clear();
        browser.findElement(By.id("file-name-0")).sendKeys("Game.java");
        new Select(browser.findElement(By.id("language"))).selectByVisibleText("Python");
        assertThat(browser.findElement(By.id("file-name-0")).getAttribute("value")).as("a name the learner chose stays").isEqualTo("Game.java");
        browser.findElement(By.id("file-name-0")).clear();
        browser.findElement(By.id("file-name-0")).sendKeys("Main.java");
        new Select(browser.findElement(By.id("language"))).selectByVisibleText("Java");
        // The editor's script turns the textarea into CodeMirror once the page has loaded.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#file-0 .CodeMirror"))).click();
        browser.findElement(By.cssSelector("#file-0 .CodeMirror textarea")).sendKeys(CODE);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#file-0 .CodeMirror .cm-keyword")));
        screenshot("20-snippet-editor.png");

        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("snippet-title")));
        String link = browser.getCurrentUrl();
        assertThat(link).matches(".*/s/[1-9A-HJ-NP-Za-km-z]{10}");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("version 1");
        assertThat(browser.findElement(By.cssSelector("pre.code-view")).getText()).isEqualTo(CODE);
        assertThat(browser.findElements(By.cssSelector("pre.code-view .cm-keyword"))).as("highlighted").isNotEmpty();
        assertThat(browser.findElement(By.id("visibility")).getText()).isEqualTo("private");
        screenshot("21-snippet-page.png");

        browser.findElement(By.id("edit")).click();
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("visibility")))).selectByValue("public");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("visibility"), "public"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                .isEqualTo("Saved. The files did not change, so this is still version 1.");
        screenshot("22-snippet-public.png");

        browser.manage().deleteAllCookies();
        browser.get(link);
        assertThat(browser.findElement(By.id("owner")).getText()).isEqualTo("sina");
        assertThat(browser.findElement(By.cssSelector("pre.code-view")).getText()).isEqualTo(CODE);
        assertThat(browser.findElements(By.id("fork"))).as("a visitor logs in to copy").isEmpty();
        screenshot("23-snippet-visitor.png");

        browser.findElement(By.id("log-in")).click();
        logIn("timo", reader);
        wait.until(ExpectedConditions.urlToBe(link));
        // The login started timo's sandbox; the snippet runs there, not in its author's.
        awaitSandbox("timo");
        openUntil(link, By.cssSelector("pre.code-view .cm-keyword"));
        browser.findElement(By.id("run")).click();
        wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("run-printed")),
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error"))));
        if (!browser.findElements(By.cssSelector(".error")).isEmpty()) {
            Shell.Result logs = box.shell.run("bash", "-c", "docker logs " + box.project + "-bridge-1 2>&1 | grep -m 6 -A 3 'ERROR\\|Exception:\\|Caused by'");
            throw new AssertionError(browser.findElement(By.tagName("main")).getText() + "\n" + logs.stdout() + logs.stderr());
        }
        assertThat(browser.findElement(By.id("run-printed")).getText()).isEqualTo("Hello, snippets");
        assertThat(browser.findElement(By.id("run-output")).getText()).contains("exit code 0");
        screenshot("26-snippet-run.png");
        String id = link.substring(link.lastIndexOf('/') + 1);
        assertThat(box.inSandbox("timo", "cat ~/snippets/" + id + "/Main.java").stdout()).isEqualTo(CODE);
        assertThat(box.inSandbox("sina", "ls -A ~/snippets 2>/dev/null").stdout()).as("nothing lands in the author's home").isBlank();
        browser.findElement(By.id("fork")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("forked-from")));
        assertThat(browser.getCurrentUrl()).isNotEqualTo(link);
        assertThat(browser.findElement(By.id("owner")).getText()).isEqualTo("timo");
        assertThat(browser.findElement(By.id("visibility")).getText()).isEqualTo("private");
        assertThat(browser.findElement(By.cssSelector("#forked-from a")).getAttribute("href")).isEqualTo(link + "/v/1");
        assertThat(browser.findElement(By.cssSelector("pre.code-view")).getText()).isEqualTo(CODE);
        screenshot("24-snippet-copied.png");

        browser.findElement(By.linkText("My snippets")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("snippets")));
        assertThat(browser.findElement(By.id("snippets")).getText()).contains("Hello, snippets", "timo");
        screenshot("25-snippet-list.png");
    }

    @Test
    void aWebSnippetIsPreviewedAsItIsTypedApartFromTheBox() throws Exception {
        String password = box.addUser("pia");
        browser.get(box.url("/snippets/new?language=web"));
        logIn("pia", password);
        awaitSandbox("pia");
        Chromium.submitUntil(browser, () -> {
            openUntil(box.url("/snippets/new?language=web"), By.cssSelector("#file-0 .CodeMirror"));
            browser.findElement(By.id("title")).sendKeys("My page");
        }, By.id("add-file"), By.cssSelector("#file-1 .CodeMirror"));
        browser.findElement(By.id("file-name-1")).sendKeys("script.js");
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript("document.querySelector('#file-1 .CodeMirror').CodeMirror.setValue(arguments[0])",
                "var where; try { where = window.top.location.href; } catch (refused) { where = 'kept apart'; }\n"
                        + "var cookies; try { cookies = document.cookie || 'none'; } catch (refused) { cookies = 'none'; }\n"
                        + "document.getElementById('greeting').textContent += ', ' + where + ', cookies: ' + cookies;");
        page.executeScript("document.querySelector('#file-0 .CodeMirror').CodeMirror.setValue(arguments[0])",
                "<h1 id=\"greeting\">Hello from my page</h1>\n<script src=\"script.js\"></script>");

        WebElement preview = browser.findElement(By.id("preview"));
        assertThat(preview.getAttribute("src")).startsWith("http://preview.apps.localhost:" + RunningBox.APPS_PORT + "/");
        browser.switchTo().frame(preview).switchTo().frame("view");
        // The learner's script ran, could not reach the box's page, and sees none of its cookies.
        wait.until(ExpectedConditions.textToBe(By.id("greeting"), "Hello from my page, kept apart, cookies: none"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.origin")).as("an origin of its own").isEqualTo("null");
        browser.switchTo().defaultContent();

        page.executeScript("document.querySelector('#file-0 .CodeMirror').CodeMirror.setValue(arguments[0])",
                "<h1 id=\"greeting\">Hello again</h1>\n<script src=\"script.js\"></script>");
        browser.switchTo().frame(browser.findElement(By.id("preview"))).switchTo().frame("view");
        wait.until(ExpectedConditions.textToBe(By.id("greeting"), "Hello again, kept apart, cookies: none"));
        browser.switchTo().defaultContent();
        page.executeScript("document.getElementById('preview-panel').scrollIntoView()");
        screenshot("27-web-snippet-preview.png");

        new Select(browser.findElement(By.id("language"))).selectByVisibleText("Python");
        assertThat(browser.findElement(By.id("preview-panel")).isDisplayed()).as("only a web snippet is previewed").isFalse();
    }
}
