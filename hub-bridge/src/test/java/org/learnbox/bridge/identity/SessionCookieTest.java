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

    /** The session cookie a login sets; the login page itself sets none. */
    private String sessionCookie(boolean behindHttps) throws Exception {
        accounts.add("cookie-" + behindHttps, Role.STUDENT, "cookie-password");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder form = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"));
        if (behindHttps) form.header("X-Forwarded-Proto", "https");
        HttpResponse<String> page = http.send(form.build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        // Sent as the browser sends it (a Secure cookie goes to the https front door; this client speaks to the bridge's http).
        HttpRequest.Builder login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Cookie", csrfCookie(page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=cookie-" + behindHttps + "&password=cookie-password&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8)));
        if (behindHttps) login.header("X-Forwarded-Proto", "https");
        HttpResponse<String> loggedIn = http.send(login.build(), HttpResponse.BodyHandlers.ofString());
        return loggedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("LEARNBOX_SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + loggedIn.headers().map()));
    }

    @Autowired AccountService accounts;

    @Test
    void theLoginFormMakesNoSessionAndTheLoginANewOneEvenWhenOneWasSentAlong() throws Exception {
        accounts.add("fixated", Role.STUDENT, "fixated-password");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("LEARNBOX_SESSION="));
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String planted = "PLANTED0123456789ABCDEF"; // an attacker's id, set in the victim's browser
        HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Cookie", "LEARNBOX_SESSION=" + planted + "; " + csrfCookie(form))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=fixated&password=fixated-password&_csrf="
                                + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/hub/learnbox/callback?token=").endsWith("&next=%2Fhub%2Fspawn%3Fnext%3D%252Fuser%252Ffixated%252Flab"));
        assertThat(sessionId(loggedIn)).isNotEqualTo(planted);
    }

    /**
     * Anyone can send requests without end: as long as they have not logged in, none of them makes
     * a session (the form's CSRF token and the page asked for travel in cookies, a wrong login in the address).
     */
    @Test
    void aThousandRequestsOfVisitorsWhoHaveNotLoggedInMakeNoSession(@Autowired org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext web)
            throws Exception {
        org.apache.catalina.Manager sessions = ((org.apache.catalina.Context) ((org.springframework.boot.tomcat.TomcatWebServer) web.getWebServer())
                .getTomcat().getHost().findChildren()[0]).getManager();
        int before = sessions.getActiveSessions();
        for (int i = 0; i < 250; i++) {
            HttpClient visitor = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            HttpResponse<String> form = visitor.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(csrf.find()).isTrue();
            // Each from an address of its own, as a flood from many machines comes (and the throttle keeps up with it).
            HttpResponse<String> wrong = visitor.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("X-Forwarded-For", "198.51.100." + i)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=nobody-" + i + "&password=guess&_csrf="
                            + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).as("back to the form, which says why").isEqualTo(302);
            assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login?error");
            HttpResponse<String> closed = visitor.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/classes/" + i))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(closed.headers().firstValue("Location").orElse("")).as("sent to log in").endsWith("/login");
            visitor.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/s/Nothing" + i)).build(), HttpResponse.BodyHandlers.ofString());
            for (HttpResponse<String> answer : java.util.List.of(form, wrong, closed)) {
                assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("LEARNBOX_SESSION="));
            }
        }
        assertThat(sessions.getActiveSessions()).as("sessions made by visitors who have not logged in").isEqualTo(before);
    }

    /** The page asked for before the login is where the login leads, with no session to remember it. */
    @Test
    void theLoginLeadsToThePageAskedForBeforeIt() throws Exception {
        accounts.add("returning-teacher", Role.TEACHER, "returning-password");
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        HttpResponse<String> asked = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/classes"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).isEqualTo(302);
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=returning-teacher&password=returning-password&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.headers().firstValue("Location").orElse("")).endsWith("/classes");
    }

    /** Code in a page (the snippet editor, the apps' buttons) calls the API with the page's token: one cookie serves both. */
    @Test
    void aPagesCsrfTokenIsTakenByTheApiToo() throws Exception {
        accounts.add("api-caller", Role.STUDENT, "api-caller-password");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=api-caller&password=api-caller-password&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> dashboard = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(dashboard.body());
        assertThat(token.find()).as(dashboard.statusCode() + " " + dashboard.headers().map()).isTrue();
        HttpResponse<String> made = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/snippets"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token.group(1))
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"From the API\", \"language\": \"python\", \"visibility\": \"private\","
                        + " \"files\": [{\"name\": \"main.py\", \"content\": \"print(1)\\n\"}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).as(made.body()).isIn(200, 201);
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/snippets"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", "not-the-token")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    private static String csrfCookie(HttpResponse<String> form) {
        return form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("LEARNBOX_CSRF="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no CSRF cookie: " + form.headers().map()));
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
                        .header("Cookie", csrfCookie(form))
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
