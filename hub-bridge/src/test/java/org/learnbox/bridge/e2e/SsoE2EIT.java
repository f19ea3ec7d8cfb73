package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The box with single sign-on: {@code ./box up --sso} starts the real Keycloak image beside it.
 * People log in on Keycloak's own form, reach JupyterLab, and log out of the hub, the bridge
 * and Keycloak at once; the box script and the admin's page keep Keycloak's users.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SsoE2EIT {
    private static final int KEYCLOAK_PORT = 18380;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private RunningBox box;
    private String pupilPassword;
    private String teacherPassword;

    @BeforeAll
    void startTheBoxWithKeycloak() {
        box = RunningBox.startBox("lbsso", 300, Map.of("LEARNBOX_SSO_PORT", String.valueOf(KEYCLOAK_PORT)), "--sso");
    }

    @AfterAll
    void removeTheBox() {
        if (box != null) box.close();
    }

    @Test
    @Order(1)
    void theBoxScriptKeepsTheAccountsInKeycloak() {
        assertThat(box.upOutput).contains("Single sign-on is on: people log in through Keycloak at http://localhost:" + KEYCLOAK_PORT)
                .contains("Keycloak's own admin").containsPattern("password: \\S{20}");
        teacherPassword = box.addUser("ms-kay", "teacher");
        pupilPassword = box.addUser("pupil");
        box.addUser("gone-soon");

        assertThat(box.box("another-password", "user", "add", "pupil", "--password-stdin").stderr())
                .contains("There is already an account named 'pupil'");
        assertThat(box.box("a-good-password", "user", "add", "Not_Ok", "--password-stdin").stderr())
                .contains("is not a valid name: use 2 to 32 lowercase letters");
        assertThat(box.box("short", "user", "add", "tiny-pw", "--password-stdin").stderr()).contains("at least 8 characters");
        assertThat(box.box(null, "user", "list").requireSuccess().stdout())
                .containsPattern("ms-kay\\s+teacher").containsPattern("pupil\\s+student").containsPattern("admin\\s+admin")
                .contains("gone-soon");

        box.box(null, "user", "remove", "gone-soon").requireSuccess();
        assertThat(box.box(null, "user", "list").stdout()).doesNotContain("gone-soon");
        assertThat(box.box(null, "user", "remove", "gone-soon").stderr()).contains("There is no account named 'gone-soon'.");
    }

    @Test
    @Order(2)
    void aLearnerLogsInOnKeycloaksFormReachesJupyterLabAndLogsOutEverywhere() throws Exception {
        Learner pupil = new Learner(box, "pupil");
        HttpResponse<String> landed = pupil.logInOnKeycloak(pupilPassword);
        assertThat(landed.uri().getPath()).isIn("/hub/spawn-pending/pupil", "/user/pupil/lab");
        pupil.awaitLab();
        try (KernelSession kernel = pupil.startKernel("python3")) {
            KernelSession.Outcome outcome = kernel.execute("print(6 * 7)", Duration.ofSeconds(60));
            assertThat(outcome.stdout()).isEqualTo("42\n");
        }
        assertThat(box.bridgeApi("GET", "/hub-api/users/pupil", null).body()).contains("\"role\":\"student\"");

        HttpResponse<String> out = pupil.get("/hub/logout");
        assertThat(out.uri().toString()).isEqualTo(box.url("/login?logout"));
        assertThat(out.body()).contains("You are logged out of LearnBox and of your school account.");
        // Every session is over: the lab and the hub both lead to Keycloak's form again.
        for (String path : List.of("/user/pupil/lab", "/hub/spawn", "/")) {
            HttpResponse<String> again = pupil.get(path);
            assertThat(again.uri().getPort()).as(path + " landed at " + again.uri() + " (" + again.statusCode() + "):\n"
                    + again.body().substring(0, Math.min(600, again.body().length()))).isEqualTo(KEYCLOAK_PORT);
            assertThat(again.body()).as(path).contains("kc-form-login");
        }
    }

    @Test
    @Order(3)
    void keycloaksRealmRolesAreTheBoxsRoles() throws Exception {
        Learner teacher = new Learner(box, "ms-kay");
        teacher.logInOnKeycloak(teacherPassword);
        assertThat(teacher.get("/classes").statusCode()).isEqualTo(200);
        assertThat(box.bridgeApi("GET", "/hub-api/users/ms-kay", null).body()).contains("\"role\":\"teacher\"");

        Learner pupil = new Learner(box, "pupil");
        pupil.logInOnKeycloak(pupilPassword);
        HttpResponse<String> refused = pupil.http.send(HttpRequest.newBuilder(URI.create(box.url("/classes")))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("This page is not for your account.");
    }

    @Test
    @Order(4)
    void aForgedStolenOrReplayedAnswerFromKeycloakIsRefusedInWordsAndChangesNothing() throws Exception {
        String accountsBefore = box.bridgeApi("GET", "/admin-api/users", null).body();

        Learner pupil = new Learner(box, "pupil");
        HttpResponse<String> form = pupil.get("/login");
        HttpResponse<String> answer = pupil.submitKeycloakForm(pupil.withoutFollowing(), form, pupilPassword);
        String callback = answer.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(box.url("/login/oauth2/code/keycloak?"));

        // The code and state carried to another browser: that browser started no such login.
        Learner thief = new Learner(box, "pupil");
        assertRefused(thief.http.send(request(callback), HttpResponse.BodyHandlers.ofString()),
                "This answer from Keycloak does not belong to a login started here, or it was used already.");
        // A made-up state.
        assertRefused(new Learner(box, "pupil").get("/login/oauth2/code/keycloak?code=made-up&state=forged"),
                "This answer from Keycloak does not belong to a login started here");

        // The rightful browser gets in; the same answer replayed in a new login is refused.
        HttpResponse<String> rightful = pupil.http.send(request(callback), HttpResponse.BodyHandlers.ofString());
        assertThat(rightful.uri().getPath()).as("landed at " + rightful.uri() + " (" + rightful.statusCode() + "):\n"
                + rightful.body().substring(0, Math.min(600, rightful.body().length())))
                .isIn("/hub/spawn-pending/pupil", "/user/pupil/lab");
        Learner replayer = new Learner(box, "pupil");
        replayer.get("/login");
        assertRefused(replayer.http.send(request(callback), HttpResponse.BodyHandlers.ofString()),
                "Nothing was changed. Please log in again.");

        assertThat(box.bridgeApi("GET", "/admin-api/users", null).body()).isEqualTo(accountsBefore);
    }

    @Test
    @Order(5)
    void theAdminChangesARoleAndMakesANewPasswordInKeycloakFromTheAccountsPage() throws Exception {
        Learner admin = new Learner(box, "admin");
        admin.logInOnKeycloak(box.adminPassword);
        String csrf = csrfOf(admin.get("/admin/accounts").body());

        postForm(admin, "/admin/accounts/pupil/role", "role=teacher&_csrf=" + Learner.enc(csrf));
        HttpResponse<String> reset = postForm(admin, "/admin/accounts/pupil/password", "_csrf=" + Learner.enc(csrf));
        Matcher shown = Pattern.compile("is\\s*<strong class=\"code\">([^<]+)</strong>").matcher(reset.body());
        assertThat(shown.find()).as(reset.body()).isTrue();

        Learner pupil = new Learner(box, "pupil");
        HttpResponse<String> oldPassword = pupil.logInOnKeycloak(pupilPassword);
        assertThat(oldPassword.body()).contains("Invalid username or password.");
        pupilPassword = shown.group(1);
        pupil = new Learner(box, "pupil");
        pupil.logInOnKeycloak(pupilPassword);
        assertThat(pupil.get("/classes").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void inChromiumTheLoginIsKeycloaksPageAndTheLogoutEndsOnTheBoxsPage() throws Exception {
        String password = box.addUser("chroma");
        WebDriver browser = Chromium.open();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(2));
            browser.get(box.url("/"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
            assertThat(browser.getCurrentUrl()).startsWith("http://localhost:" + KEYCLOAK_PORT + "/realms/learnbox/");
            Chromium.screenshot(browser, "14-sso-keycloak-login.png");
            browser.findElement(By.id("username")).sendKeys("chroma");
            browser.findElement(By.id("password")).sendKeys(password);
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.urlContains("/user/chroma/lab"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".jp-Launcher")));
            Chromium.screenshot(browser, "15-sso-lab.png");

            Chromium.openUntil(browser, box.url("/"), By.id("nav-logout"));
            browser.findElement(By.id("nav-logout")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
            assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo("You are logged out of LearnBox and of your school account.");
            Chromium.screenshot(browser, "16-sso-logged-out.png");

            browser.findElement(By.id("login")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));

            browser.get(box.url("/login/oauth2/code/keycloak?code=made-up&state=forged"));
            assertThat(browser.findElement(By.cssSelector(".error")).getText())
                    .startsWith("This answer from Keycloak does not belong to a login started here");
            Chromium.screenshot(browser, "17-sso-refused.png");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(7)
    void gitTakesATokenMadeOnTheDashboardOrTheSandboxsOwnButNotTheSchoolPassword() throws Exception {
        Learner pupil = new Learner(box, "pupil");
        pupil.logInOnKeycloak(pupilPassword);
        HttpResponse<String> made = Classes.submit(pupil, "/tokens", "/tokens", "name=laptop");
        Matcher secret = Pattern.compile("id=\"new-token-secret\">([^<]+)<").matcher(made.body());
        assertThat(secret.find()).as(made.body()).isTrue();

        GitClient git = new GitClient(box);
        Path site = git.project("kc-site", Map.of("index.html", "<p>pushed with a token</p>"));
        git.commit(site, "First");
        Shell.Result refused = git.git(site, "push", git.remote("pupil", pupilPassword, "kc-site"), "main");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("remote: The name or token is wrong. This box logs people in with single"
                + " sign-on, so git takes a token instead of your password");
        Shell.Result pushed = git.git(site, "push", git.remote("pupil", secret.group(1), "kc-site"), "main");
        assertThat(pushed.exitCode()).as(pushed.stderr()).isZero();
        assertThat(pushed.stderr()).contains("remote: kc-site is live at http://kc-site--pupil.apps.localhost:");

        pupil.awaitLab();
        Shell.Result fromSandbox = box.inSandbox("pupil", "git clone -q box::kc-site ~/kc-site 2>&1 && cd ~/kc-site"
                + " && echo '<p>pushed from the lab</p>' > index.html && git commit -qam 'From the lab' && git push box main 2>&1");
        assertThat(fromSandbox.exitCode()).as(fromSandbox.stdout() + fromSandbox.stderr()).isZero();
        assertThat(fromSandbox.stdout()).contains("remote: release 2 of kc-site", "remote: kc-site is live at");
    }

    @Test
    @Order(8)
    void aBackupBringsBackKeycloaksAccountsWithTheirPasswords(@TempDir Path dir) throws Exception {
        Path backup = dir.resolve("sso-backup.tar.gz");
        box.box(null, "backup", backup.toString()).requireSuccess();
        box.box(null, "user", "remove", "pupil").requireSuccess();
        assertThat(new Learner(box, "pupil").logInOnKeycloak(pupilPassword).body()).contains("Invalid username or password.");

        Shell.Result restored = box.shell.run(Duration.ofMinutes(10), null, "./box", "restore", backup.toString(), "--replace");
        assertThat(restored.exitCode()).as(restored.stderr()).isZero();
        assertThat(restored.stderr()).contains("restoring: Keycloak's accounts", "restoring: the box's secrets");

        Learner pupil = new Learner(box, "pupil");
        HttpResponse<String> landed = pupil.logInOnKeycloak(pupilPassword);
        assertThat(landed.body()).doesNotContain("Invalid username or password.");
        assertThat(pupil.get("/classes").statusCode()).isEqualTo(200);
        assertThat(box.bridgeApi("GET", "/hub-api/users/pupil", null).body()).as("the role set in Keycloak before the backup")
                .contains("\"role\":\"teacher\"");
    }

    private static void assertRefused(HttpResponse<String> page, String words) {
        assertThat(page.uri().getPath()).isEqualTo("/login");
        assertThat(page.uri().getQuery()).isEqualTo("error");
        assertThat(page.body()).contains(words).contains("Log in with your school account");
    }

    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build();
    }

    private HttpResponse<String> postForm(Learner person, String path, String form) throws Exception {
        return person.http.send(HttpRequest.newBuilder(URI.create(box.url(path)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfOf(String html) {
        Matcher csrf = CSRF.matcher(html);
        if (!csrf.find()) throw new AssertionError("no CSRF token on the page:\n" + html);
        return csrf.group(1);
    }
}
