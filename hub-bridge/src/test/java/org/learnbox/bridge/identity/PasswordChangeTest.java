package org.learnbox.bridge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * "Change my password" on the real web server: the current password is asked for, bad new ones
 * are refused in words with nothing changed, and once changed the person's other sessions end
 * while the one that changed it goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PasswordChangeTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired AccountService accounts;

    @Test
    void theCurrentPasswordIsAskedForAndOtherSessionsEndOnceItIsChanged() throws Exception {
        accounts.add("mira", Role.STUDENT, "first-password");
        HttpClient laptop = logIn("mira", "first-password");
        HttpClient libraryComputer = logIn("mira", "first-password");

        assertThat(change(laptop, "not-my-password", "second-password", "second-password"))
                .contains("That is not your current password; nothing was changed.");
        assertThat(change(laptop, "first-password", "short", "short")).contains("at least 8 characters");
        assertThat(change(laptop, "first-password", "second-password", "second-pasword")).contains("The two new passwords differ");
        assertThat(change(laptop, "first-password", "first-password", "first-password")).contains("the one you have now");
        assertThat(change(laptop, "first-password", "密".repeat(25), "密".repeat(25))).contains("too long");
        assertThat(get(libraryComputer, "/account/password").statusCode()).as("nothing changed so far").isEqualTo(200);

        assertThat(change(laptop, "first-password", "second-password", "second-password"))
                .contains("Your password is changed, and you are logged out everywhere else (1 place).");
        assertThat(get(laptop, "/account/password").statusCode()).as("the session that changed it goes on").isEqualTo(200);
        HttpResponse<String> elsewhere = get(libraryComputer, "/account/password");
        assertThat(elsewhere.statusCode()).isEqualTo(302);
        assertThat(elsewhere.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?ended"));
        assertThat(get(libraryComputer, "/api/apps").statusCode()).as("nor through the API").isIn(302, 401);

        assertThat(logInAnswer("mira", "first-password").headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        assertThat(logIn("mira", "second-password")).isNotNull();
    }

    private String change(HttpClient browser, String current, String password, String again) throws Exception {
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(url("/account/password"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("current", current, "password", password, "again", again, "_csrf", csrf(browser, "/account/password")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(302);
        return get(browser, "/account/password").body();
    }

    /** A browser of its own (its cookies), logged in. */
    private HttpClient logIn(String name, String password) throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> answer = logInAnswer(browser, name, password);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/hub/learnbox/callback?token=").endsWith("&next=%2Fhub%2Fspawn%3Fnext%3D%252Fuser%252F" + name + "%252Flab"));
        return browser;
    }

    private HttpResponse<String> logInAnswer(String name, String password) throws Exception {
        return logInAnswer(browser(), name, password);
    }

    private HttpResponse<String> logInAnswer(HttpClient browser, String name, String password) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString());
        return browser.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("username", name, "password", password, "_csrf", token(page.body()))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    }

    private String csrf(HttpClient browser, String path) throws Exception {
        return token(get(browser, path).body());
    }

    private static String token(String page) {
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("a CSRF token on the page").isTrue();
        return csrf.group(1);
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpRequest.BodyPublisher form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!body.isEmpty()) body.append('&');
            body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }
}
