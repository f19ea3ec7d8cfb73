package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The pages a person uses, in Debian's Chromium, with screenshots in target/screenshots. */
@ExtendWith(RunningBox.class)
class BrowserE2EIT {
    private final RunningBox box = RunningBox.get();
    private WebDriver browser;

    @BeforeEach
    void openChromium() throws Exception {
        browser = Chromium.open();
    }

    @AfterEach
    void closeChromium(org.junit.jupiter.api.TestInfo test) throws Exception {
        if (browser == null) return;
        try {
            screenshot("last-" + test.getTestMethod().orElseThrow().getName() + ".png"); // where it ended, failed or not
        } finally {
            browser.quit();
        }
    }

    private void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, name);
    }

    /** Logs in and waits for the lab the login leads to. */
    private void logInToLab(String name, String password, WebDriverWait wait) {
        browser.get(box.url("/login"));
        logIn(name, password);
        wait.until(ExpectedConditions.urlContains("/user/" + name + "/lab"));
    }

    /** A teacher or an admin logs in and lands on the dashboard; their lab starts only when they open it. */
    private void logInToDashboard(String name, String password, WebDriverWait wait) {
        browser.get(box.url("/login"));
        logIn(name, password);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("open-lab")));
        assertThat(browser.getCurrentUrl()).isEqualTo(box.url("/"));
        assertThat(box.docker("ps", "-aq", "--filter", "name=^" + box.sandboxContainer(name) + "$").requireSuccess().stdout())
                .as("no sandbox started for " + name + " at login").isBlank();
    }

    private void logIn(String name, String password) {
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
    }

    @Test
    void aLearnerLogsInWatchesTheSpawnAndLandsInJupyterLab() throws Exception {
        String password = box.addUser("clara");
        browser.get(box.url("/"));
        assertThat(browser.getTitle()).isEqualTo("Log in · LearnBox");
        screenshot("01-login.png");

        logIn("clara", "not-the-password");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("Wrong name or password. Please try again.");
        screenshot("02-wrong-password.png");

        logIn("clara", password);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(2));
        wait.until(ExpectedConditions.or(
                ExpectedConditions.urlContains("/hub/spawn-pending/clara"), ExpectedConditions.urlContains("/user/clara/lab")));
        if (browser.getCurrentUrl().contains("spawn-pending")) screenshot("03-spawn-progress.png");

        wait.until(ExpectedConditions.urlContains("/user/clara/lab"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".jp-Launcher")));
        assertThat(browser.findElement(By.cssSelector(".jp-Launcher")).getText()).contains("Python 3", "Java");
        screenshot("04-jupyterlab.png");

        Chromium.openUntil(browser, box.url("/"), By.cssSelector(".lead"));
        assertThat(browser.findElement(By.cssSelector(".lead")).getText()).isEqualTo("Hello, clara.");
        screenshot("05-dashboard.png");
        browser.findElement(By.id("open-lab")).click();
        wait.until(ExpectedConditions.urlContains("/user/clara/lab"));
    }

    @Test
    void aTeacherMakesAClassAStudentJoinsAndFindsTheLessonsInJupyterLab() throws Exception {
        String teacherPassword = box.addUser("ms-rao", "teacher");
        String studentPassword = box.addUser("mira");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(2));

        logInToDashboard("ms-rao", teacherPassword, wait);
        Chromium.openUntil(browser, box.url("/"), By.id("nav-classes"));
        browser.findElement(By.id("nav-classes")).click();
        browser.findElement(By.id("class-name")).sendKeys("Year 9 Java");
        browser.findElement(By.id("create-class")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("join-code")));
        String classPage = browser.getCurrentUrl();
        // The bar on top: a teacher's places, the class under "Classes", no admin's.
        assertThat(browser.findElement(By.id("nav-classes")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.findElement(By.id("nav-me")).getText()).isEqualTo("ms-rao");
        assertThat(browser.findElements(By.id("nav-accounts"))).isEmpty();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("course"))).selectByValue("java-from-zero");
        browser.findElement(By.id("assign-course")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "java-from-zero"));
        String joinLink = browser.findElement(By.id("join-link")).getText();
        screenshot("08-teacher-class.png");
        // A list pasted from the register: accounts for the new names, a slip each to print.
        browser.findElement(By.id("student-names")).sendKeys("Ivo-Kral\nluz-moreno\n");
        browser.findElement(By.id("add-students")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("enrolled"), "2 new accounts, 0 who had one joined the class."));
        String ivosPassword = browser.findElement(By.cssSelector("#slip-ivo-kral .slip-password")).getText();
        assertThat(browser.findElement(By.id("slip-luz-moreno")).getText()).contains(box.url(""), "Year 9 Java", "luz-moreno");
        screenshot("08b-login-slips.png");
        assertThat(new Learner(box, "ivo-kral").logIn(ivosPassword).uri().getPath()).as("the slip's password logs in").startsWith("/hub/");
        // Before the lesson: "Open the class" starts the servers of those not at work (luz has not logged in yet).
        Chromium.openUntil(browser, classPage, By.id("open-class"));
        browser.findElement(By.id("open-class")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Opening the class"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("go back to sleep after");
        new WebDriverWait(browser, Duration.ofMinutes(3)).pollingEvery(Duration.ofSeconds(2)).until(page -> {
            page.navigate().refresh();
            List<String> states = page.findElements(By.cssSelector("#roster .state")).stream().map(WebElement::getText).toList();
            return states.size() == 2 && states.stream().allMatch("running"::equals);
        });
        screenshot("08c-class-opened.png");
        browser.findElement(By.id("open-class")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Every student's server is running or starting already."));
        Chromium.openUntil(browser, box.url("/classes"), By.tagName("main"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Year 9 Java");
        screenshot("09-teacher-classes.png");
        Chromium.openUntil(browser, box.url("/"), By.id("teaching"));
        assertThat(browser.findElement(By.id("teaching")).getText()).as("a teacher's dashboard: the classes they teach")
                .contains("Year 9 Java", "join code");
        screenshot("09a-teacher-dashboard.png");
        browser.findElement(By.id("nav-logout")).click();

        browser.get(box.url("/login"));
        logIn("mira", studentPassword);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".jp-Launcher")));
        Chromium.openUntil(browser, joinLink, By.cssSelector(".lead"));
        assertThat(browser.findElement(By.cssSelector(".lead")).getText()).contains("Year 9 Java", "ms-rao");
        screenshot("10-join.png");
        browser.findElement(By.id("join")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#classes .notice")));
        browser.findElement(By.id("update-courses")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notes li.ok")));
        assertThat(browser.findElement(By.cssSelector(".notes")).getText()).contains("java-from-zero: arrived in ~/courses/java-from-zero");
        assertThat(browser.findElement(By.id("courses")).getText()).contains("Java from zero").doesNotContain("Python from zero");
        screenshot("11-dashboard-courses.png");

        browser.findElement(By.linkText("Java from zero")).click();
        wait.until(ExpectedConditions.urlContains("/user/mira/lab/tree/courses/java-from-zero"));
        By lesson = By.xpath("//li[contains(@class,'jp-DirListing-item')][.//*[text()='01-values-and-types.ipynb']]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(lesson));
        new org.openqa.selenium.interactions.Actions(browser).doubleClick(browser.findElement(lesson)).perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".jp-NotebookPanel"), "Values and types"));
        screenshot("12-lesson.png");

        // mira answers an exercise of the lesson (through the Jupyter API, as the lesson's cell would);
        // her teacher then sees it on the class page and reads her notebooks there.
        Learner mira = new Learner(box, "mira");
        mira.logIn(studentPassword);
        try (KernelSession java = mira.openNotebook("courses/java-from-zero/01-values-and-types.ipynb", "java")) {
            assertThat(java.execute("%load check.jsh", Duration.ofMinutes(2)).error()).isNull();
            assertThat(java.execute("check(\"the label\", \"Age: 13\", \"Age: 13\");", Duration.ofMinutes(1)).stdout())
                    .contains("✅ Right: the label");
        }
        browser.get(box.url("/"));
        browser.findElement(By.id("nav-logout")).click();
        logInToDashboard("ms-rao", teacherPassword, wait);
        Chromium.openUntil(browser, box.url("/classes"), By.linkText("Year 9 Java"));
        browser.findElement(By.linkText("Year 9 Java")).click();
        By firstLesson = By.cssSelector("#progress-java-from-zero-mira td.number");
        wait.until(ExpectedConditions.visibilityOfElementLocated(firstLesson));
        for (int look = 0; !browser.findElement(firstLesson).getText().startsWith("1/"); look++) {
            if (look == 60) throw new AssertionError("mira's right check did not reach the class page: " + browser.findElement(firstLesson).getText());
            Thread.sleep(500);
            browser.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(firstLesson));
        }
        assertThat(browser.findElement(By.cssSelector("#progress-java-from-zero abbr")).getAttribute("title")).isEqualTo("Values and types");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("progress-java-from-zero")));
        screenshot("12b-class-progress.png");
        // The week: mira's login this hour is there at once; luz-moreno never logged in.
        assertThat(browser.findElement(By.cssSelector("#week-mira td.number")).getText()).isNotEqualTo("0");
        assertThat(browser.findElement(By.cssSelector("#week-luz-moreno td.number")).getText()).isEqualTo("0");
        browser.findElement(By.cssSelector("#student-mira a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notebooks")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("mira");
        assertThat(browser.findElement(By.id("progress-java-from-zero")).getText()).contains("Values and types");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("notebooks")));
        screenshot("12c-student-work.png");
        browser.findElement(By.linkText("courses/java-from-zero/01-values-and-types.ipynb")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cells .markdown")));
        assertThat(browser.findElement(By.cssSelector(".cells")).getText()).contains("Values and types", "%load check.jsh");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.cssSelector(".cell.code")));
        screenshot("12d-student-notebook.png");
    }

    @Test
    void aTeacherReadsTheBoxInChineseAndSwitchesToEnglish() throws Exception {
        String password = box.addUser("laoshi", "teacher");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(1));
        Chromium.openUntil(browser, box.url("/login?lang=zh-CN"), By.id("username"));
        assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.cssSelector("p.lead")).getText()).isEqualTo("登录后即可打开你自己的 JupyterLab。");
        screenshot("01-zh-login.png");
        logIn("laoshi", password);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("open-lab")));
        assertThat(browser.findElement(By.id("open-lab")).getText()).as("the choice is kept after the login").isEqualTo("打开我的 JupyterLab");
        assertThat(browser.findElement(By.id("nav-classes")).getText()).isEqualTo("班级");
        screenshot("05-zh-dashboard.png");
        // JupyterHub's own pages follow the box's choice.
        browser.get(box.url("/hub/home"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("to-dashboard")));
        assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.id("to-dashboard")).getText()).isEqualTo("返回我的 LearnBox 主页");
        assertThat(browser.findElement(By.id("start")).getText()).isEqualTo("启动我的服务器");
        screenshot("05b-zh-hub-home.png");
        browser.findElement(By.id("to-dashboard")).click();
        // A refusal, made in Java, reads in the page's language too.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-password"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-form")));
        browser.findElement(By.id("current")).sendKeys("not-it-at-all");
        browser.findElement(By.id("password")).sendKeys("laoshi-new-password");
        browser.findElement(By.id("again")).sendKeys("laoshi-new-password");
        browser.findElement(By.id("save-password")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=alert]"), "这不是你的当前密码；没有做任何改动。"));
        screenshot("05c-zh-refusal.png");
        browser.findElement(By.id("nav-dashboard")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lang-en")));
        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBe(By.id("open-lab"), "Open my JupyterLab"));
        browser.findElement(By.id("nav-password")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-form")));
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).as("kept on the next page").isEqualTo("Change my password");
    }

    @Test
    void anAdminAddsAnAccountAndGivesItsPasswordOnce() throws Exception {
        String password = box.addUser("head-admin", "admin");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(2));
        logInToDashboard("head-admin", password, wait);
        Chromium.openUntil(browser, box.url("/"), By.id("nav-accounts"));
        browser.findElement(By.id("nav-accounts")).click();
        browser.findElement(By.id("new-name")).sendKeys("new-pupil");
        browser.findElement(By.id("add-account")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-password")));
        String shown = browser.findElement(By.cssSelector("#new-password .code")).getText();
        assertThat(shown).hasSize(14);
        assertThat(browser.findElement(By.id("account-new-pupil")).getText()).contains("new-pupil");
        screenshot("13-accounts.png");
        browser.get(box.url("/admin/accounts"));
        assertThat(browser.findElements(By.id("new-password"))).as("the password is shown only once").isEmpty();
        assertThat(new Learner(box, "new-pupil").logIn(shown).uri().getPath()).startsWith("/hub/");
    }

    @Test
    void anAdminBacksTheBoxUpNowAndSeesItKept() throws Exception {
        String password = box.addUser("backup-admin", "admin");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(3));
        logInToDashboard("backup-admin", password, wait);
        Chromium.openUntil(browser, box.url("/"), By.id("nav-backups"));
        browser.findElement(By.id("nav-backups")).click();
        wait.until(ExpectedConditions.urlContains("/admin/backups"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("every night (0 30 2 * * *", "keeps the newest 7");
        browser.findElement(By.id("back-up-now")).click();
        // The page reloads itself while the backup is written: a read may meet the page going away.
        wait.ignoring(org.openqa.selenium.WebDriverException.class)
                .until(driver -> driver.findElement(By.id("last-backup")).getText().matches("(?s)(Last backup|The last backup).*"));
        assertThat(browser.findElement(By.id("last-backup")).getText()).containsPattern("learnbox-backup-lbtest-\\d{8}-\\d{6}\\.tar\\.gz \\(\\d+ [MK]iB\\) written in \\d+ s");
        assertThat(browser.findElement(By.id("kept-backups")).getText()).contains("learnbox-backup-lbtest-");
        screenshot("14-backups.png");
        String kept = box.docker("exec", box.project + "-bridge-1", "sh", "-c", "ls /var/lib/learnbox-backups").requireSuccess().stdout();
        assertThat(kept).containsPattern("^learnbox-backup-lbtest-\\d{8}-\\d{6}\\.tar\\.gz\n$");
        Shell.Result whole = box.docker("exec", box.project + "-bridge-1", "sh", "-c", "learnbox backup verify /var/lib/learnbox-backups/*");
        assertThat(whole.stdout()).as(whole.stderr()).startsWith("backup whole: ");
    }

    @Test
    void theAdminSeesTheBoxsHealthEachPartNowTheLastDayInChartsAndTheBiggestHomes() throws Exception {
        String password = box.addUser("health-admin", "admin");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(3));
        logInToDashboard("health-admin", password, wait);
        Chromium.openUntil(browser, box.url("/"), By.id("nav-health"));
        browser.findElement(By.id("nav-health")).click();
        wait.until(ExpectedConditions.urlContains("/admin/health"));
        // The bridge measures the box once a minute, from a minute after it started: the page shows it from then on.
        wait.until(driver -> {
            if (!driver.findElements(By.id("part-hub")).isEmpty()) return true;
            driver.navigate().refresh();
            return false;
        });
        for (String part : List.of("proxy", "hub", "bridge", "gateway")) {
            assertThat(browser.findElement(By.id("part-" + part)).getText()).as(part).containsPattern("\\d+ MiB");
        }
        assertThat(browser.findElement(By.tagName("main")).getText()).containsPattern("\\d+ learners' sandboxes run now");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-memory canvas")));
        assertThat(browser.findElement(By.cssSelector("#chart-memory")).getText()).contains("JupyterHub", "Bridge (LearnBox's pages)");
        assertThat(browser.findElement(By.id("homes")).getText()).containsPattern("[a-z-]+ \\d+ [KMG]iB");
        screenshot("15-box-health.png");
        Chromium.openUntil(browser, box.url("/admin/health?lang=zh-CN"), By.cssSelector("#chart-memory canvas"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("运行状况");
        screenshot("15-box-health-zh.png");
        browser.get(box.url("/admin/health?lang=en"));
    }

    @Test
    void aLearnerAtWorkIsToldWhatTheAdminSaysAndSeesItOnce() throws Exception {
        String password = box.addUser("nora");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(2));
        logInToLab("nora", password, wait);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".jp-Launcher")));
        String words = "The box restarts at 17:00 for an upgrade: save your work.";
        try {
            assertThat(box.box(null, "notice", words).requireSuccess().stdout()).contains("told everyone at work: " + words);
            // The lab asks every 30 seconds.
            new WebDriverWait(browser, Duration.ofSeconds(90)).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".jp-toast-message"), words));
            screenshot("08-notice-in-jupyterlab.png");
            // Shown once: a reload of the lab does not show it again.
            browser.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".jp-Launcher")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".jp-Notification-Status-Text"), "0"));
            assertThat(browser.findElements(By.cssSelector(".jp-toast-message"))).isEmpty();
        } finally {
            box.box(null, "notice", "--clear").requireSuccess();
        }
        Shell.Result empty = box.box(null, "notice", " ");
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.stderr()).contains("A notice needs words");
    }

    @Test
    void fromJupyterLabALearnerReachesTheBoxsPagesAndChangesTheirPassword() throws Exception {
        String password = box.addUser("lena");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(2));
        logInToLab("lena", password, wait);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".jp-Launcher")));
        // The launcher's LearnBox cards: a student's pages, no classes.
        By dashboardCard = By.xpath("//div[contains(concat(' ', @class, ' '), ' jp-LauncherCard ')][.//*[normalize-space(text())='Dashboard']]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(dashboardCard));
        assertThat(browser.findElements(By.xpath("//div[contains(concat(' ', @class, ' '), ' jp-LauncherCard ')][.//*[normalize-space(text())='My snippets']]"))).hasSize(1);
        assertThat(browser.findElements(By.xpath("//div[contains(concat(' ', @class, ' '), ' jp-LauncherCard ')][.//*[normalize-space(text())='My classes']]"))).isEmpty();

        browser.findElement(By.xpath("//li[contains(@class,'lm-MenuBar-item')][.//*[normalize-space(text())='LearnBox']]")).click();
        By dashboardItem = By.xpath("//li[contains(@class,'lm-Menu-item')][.//*[normalize-space(text())='Dashboard']]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(dashboardItem));
        assertThat(browser.findElements(By.xpath("//li[contains(@class,'lm-Menu-item')][.//*[normalize-space(text())='Change my password']]")))
                .hasSize(1);
        screenshot("09-learnbox-menu-in-jupyterlab.png");
        String lab = browser.getWindowHandle();
        browser.findElement(dashboardItem).click();
        wait.until(ExpectedConditions.numberOfWindowsToBe(2));
        String dashboard = browser.getWindowHandles().stream().filter(handle -> !handle.equals(lab)).findFirst().orElseThrow();
        browser.switchTo().window(dashboard);
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("open-lab")));
            assertThat(browser.getCurrentUrl()).isEqualTo(box.url("/"));

            browser.findElement(By.id("nav-password")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-form")));
            browser.findElement(By.id("current")).sendKeys("not-it-at-all");
            browser.findElement(By.id("password")).sendKeys("lena-new-password");
            browser.findElement(By.id("again")).sendKeys("lena-new-password");
            browser.findElement(By.id("save-password")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=alert]"),
                    "That is not your current password; nothing was changed."));
            browser.findElement(By.id("current")).sendKeys(password);
            browser.findElement(By.id("password")).sendKeys("lena-new-password");
            browser.findElement(By.id("again")).sendKeys("lena-new-password");
            browser.findElement(By.id("save-password")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Your password is changed"));
            screenshot("10-password-changed.png");

            // JupyterHub's own home (File > Hub Control Panel) keeps its server buttons and leads to the dashboard.
            browser.get(box.url("/hub/home"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start")));
            assertThat(browser.findElement(By.id("jupyterhub-logo")).getText()).as("the box's name, not JupyterHub's logo").isEqualTo("LearnBox");
            screenshot("11-hub-home-leads-to-the-dashboard.png");
            browser.findElement(By.id("to-dashboard")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("open-lab")));
        } finally {
            browser.close();
            browser.switchTo().window(lab);
        }

        // The lab's LearnBox words follow the box's language, as the box's pages do.
        browser.manage().addCookie(new org.openqa.selenium.Cookie("learnbox-language", "zh-CN", "/"));
        try {
            browser.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//div[contains(concat(' ', @class, ' '), ' jp-LauncherCard ')][.//*[normalize-space(text())='我的代码片段']]")));
            browser.findElement(By.xpath("//li[contains(@class,'lm-MenuBar-item')][.//*[normalize-space(text())='LearnBox']]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//li[contains(@class,'lm-Menu-item')][.//*[normalize-space(text())='修改我的密码']]")));
            screenshot("09b-zh-learnbox-menu-in-jupyterlab.png");
        } finally {
            browser.manage().deleteCookieNamed("learnbox-language");
        }
    }

    @Test
    void aLearnerOpensAJavaNotebookAndRunsACell() throws Exception {
        String password = box.addUser("jules");
        browser.get(box.url("/"));
        logIn("jules", password);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(2));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".jp-Launcher")));

        // The first "Java" card of the launcher is in its Notebook section.
        browser.findElement(By.xpath("//div[contains(@class,'jp-LauncherCard')][.//*[normalize-space(text())='Java']]")).click();
        // A Java kernel takes a while to start on a busy box; its first cell waits for it to be idle.
        new WebDriverWait(browser, Duration.ofMinutes(4)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("jp-main-statusbar"), "Java | Idle"));
        By editor = By.cssSelector(".jp-NotebookPanel .jp-Cell .cm-content");
        wait.until(ExpectedConditions.elementToBeClickable(editor)).click();
        browser.findElement(editor).sendKeys("String greeting = \"Hello from Java \" + Runtime.version().feature();"
                + org.openqa.selenium.Keys.ENTER + "System.out.println(greeting);");
        new org.openqa.selenium.interactions.Actions(browser)
                .keyDown(org.openqa.selenium.Keys.SHIFT).sendKeys(org.openqa.selenium.Keys.ENTER)
                .keyUp(org.openqa.selenium.Keys.SHIFT).perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".jp-NotebookPanel .jp-OutputArea-output"), "Hello from Java 21"));
        screenshot("07-java-notebook.png");
    }

    @Test
    void aFailedSpawnIsExplainedOnTheSpawnPage() throws Exception {
        String password = box.addUser("dora");
        box.docker("rmi", "-f", RunningBox.SANDBOX_IMAGE).requireSuccess();
        try {
            browser.get(box.url("/"));
            logIn("dora", password);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(1));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "is missing on this box. A teacher can build it with: ./box images"));
            screenshot("06-spawn-failed.png");
        } finally {
            box.docker("tag", "learnbox/sandbox:latest", RunningBox.SANDBOX_IMAGE).requireSuccess();
        }
    }
}
