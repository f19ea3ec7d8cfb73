package org.learnbox.bridge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The session as the real web server keeps it: a new id at login; HttpOnly and SameSite always, Secure behind HTTPS. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SessionCookieTest {
    @LocalServerPort int port;

    private String sessionCookie(boolean behindHttps) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"));
        if (behindHttps) request.header("X-Forwarded-Proto", "https");
        HttpResponse<String> page = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("LEARNBOX_SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + page.headers().map()));
    }

    @Autowired AccountService accounts;

    @Test
    void loggingInGivesANewSessionId() throws Exception {
        accounts.add("fixated", Role.STUDENT, "fixated-password");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String before = sessionId(form);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Cookie", "LEARNBOX_SESSION=" + before)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=fixated&password=fixated-password&_csrf="
                                + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/hub/learnbox/callback?token=").endsWith("&next=%2Fhub%2Fspawn%3Fnext%3D%252Fuser%252Ffixated%252Flab"));
        assertThat(sessionId(loggedIn)).isNotEqualTo(before);
    }

    @Test
    void aPageAnAccountMayNotUseSaysSoInWords() throws Exception { // as a browser asks for it: HTML
        accounts.add("curious", Role.STUDENT, "curious-password");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Cookie", "LEARNBOX_SESSION=" + sessionId(form))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=curious&password=curious-password&_csrf="
                                + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String session = "LEARNBOX_SESSION=" + sessionId(loggedIn);

        HttpResponse<String> classes = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/classes"))
                .header("Cookie", session).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(classes.statusCode()).isEqualTo(403);
        assertThat(classes.body()).contains("This page is not for your account.").doesNotContain("Whitelabel");

        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/no-such-page"))
                .header("Cookie", session).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("There is no such page on this box.");
    }

    private static String sessionId(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("LEARNBOX_SESSION="))
                .map(c -> c.substring("LEARNBOX_SESSION=".length(), c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no new session cookie: " + response.headers().map()));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndSecureWhenServedOverHttps() throws Exception {
        String plain = sessionCookie(false);
        assertThat(plain).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        assertThat(sessionCookie(true)).contains("HttpOnly").contains("SameSite=Lax").contains("Secure");
    }
}
