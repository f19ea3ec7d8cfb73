package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Live apps as the tests reach them: a learner's API calls to the box, a visitor's requests through the gateway. */
final class AppClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final RunningBox box;
    final HttpClient visitor = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    AppClient(RunningBox box) {
        this.box = box;
    }

    JsonNode publish(Learner learner, String folder) throws Exception {
        HttpResponse<String> answer = publishAnswer(learner, folder);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body());
    }

    String publishRefused(Learner learner, String folder) throws Exception {
        HttpResponse<String> answer = publishAnswer(learner, folder);
        assertThat(answer.statusCode()).as(answer.body()).isIn(404, 422, 503);
        return JSON.readTree(answer.body()).path("message").asString();
    }

    HttpResponse<String> publishAnswer(Learner learner, String folder) throws Exception {
        return learner.http.send(api(learner, "/api/apps").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"folder\":\"" + folder + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request of the person's browser session to the box, with the CSRF token of a page every role has a form on. */
    HttpRequest.Builder api(Learner learner, String path) throws Exception {
        Matcher csrf = CSRF.matcher(learner.get("/tokens").body());
        if (!csrf.find()) throw new AssertionError("no CSRF token on the tokens page");
        return HttpRequest.newBuilder(URI.create(box.url(path))).header("X-CSRF-TOKEN", csrf.group(1))
                .header("Accept", "application/json").timeout(Duration.ofMinutes(2));
    }

    /** A visitor's request to an app, by its host name, through the gateway. */
    HttpResponse<String> fetch(String label, String path) throws Exception {
        return visitor.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + box.appsPort + path))
                .header("Host", label + ".apps.localhost:" + box.appsPort)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    boolean isRunning(String container) {
        return box.docker("inspect", "-f", "{{.State.Running}}", container).stdout().strip().equals("true");
    }

    String ipOf(String container) {
        return box.docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}", container)
                .requireSuccess().stdout().strip().split(" ")[0];
    }
}
