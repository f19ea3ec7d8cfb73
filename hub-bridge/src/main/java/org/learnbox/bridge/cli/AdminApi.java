package org.learnbox.bridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.learnbox.bridge.config.SecretFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The bridge's admin API, behind the box's shared secret, as the command line reaches it. */
final class AdminApi {
    /** The bridge answered with a refusal; its message says why, in words. */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(String message) {
            this(0, message);
        }

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        /** A refusal for now (503): a service behind the bridge is starting or stopped. */
        boolean forNow() {
            return status == 503;
        }
    }

    /** The bridge did not answer at all. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message, null, false, false);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI bridge;
    private final String secret;

    AdminApi(URI bridge, String secret) {
        this.bridge = bridge;
        this.secret = secret;
    }

    /** The API as the bridge's own container reaches it, or where LEARNBOX_ADMIN_URL says. */
    static AdminApi fromEnvironment() {
        String url = System.getenv().getOrDefault("LEARNBOX_ADMIN_URL", "http://127.0.0.1:8080");
        String secret = BoxSecrets.sharedSecret();
        if (secret == null || secret.isBlank()) {
            throw new Unreachable("The box's shared secret is neither in " + SecretFiles.DIR + " nor in LEARNBOX_SHARED_SECRET:"
                    + " run this inside the bridge's container (docker compose exec bridge learnbox ...).");
        }
        return new AdminApi(URI.create(url), secret);
    }

    /** The answer's body as it comes (a backup), when the bridge answers 200; else its refusal. */
    InputStream stream(String path) {
        HttpRequest request = HttpRequest.newBuilder(bridge.resolve(path)).header("Authorization", "Bearer " + secret)
                .header("Accept", "application/gzip, application/json;q=0.5").GET().build();
        try {
            HttpResponse<InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (answer.statusCode() != 200) {
                try (InputStream refusal = answer.body()) {
                    throw new Refused(answer.statusCode(), messageOf(answer.statusCode(), new String(refusal.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
            return answer.body();
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("Interrupted while waiting for the bridge.");
        }
    }

    /** The answer's text, when the status is the one expected; else the bridge's refusal. */
    String call(String method, String path, String accept, Object body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(bridge.resolve(path))
                .header("Authorization", "Bearer " + secret)
                .header("Accept", accept + ", application/json;q=0.5") // refusals come as JSON
                .timeout(Duration.ofMinutes(10)); // importing a course or rolling back an app takes a while
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("Interrupted while waiting for the bridge.");
        }
        if (answer.statusCode() != expected) throw new Refused(answer.statusCode(), messageOf(answer.statusCode(), answer.body()));
        return answer.body();
    }

    private Unreachable unreachable(IOException e) {
        return new Unreachable("The bridge does not answer at " + bridge + " (" + e.getClass().getSimpleName()
                + "); is the box up? See: docker compose ps");
    }

    /** One segment of a path, as typed: a name with a space or a slash stays one segment, for the bridge to refuse in words. */
    static String segment(String typed) {
        return java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    JsonNode json(String method, String path, Object body, int expected) {
        return JSON.readTree(call(method, path, "application/json", body, expected));
    }

    private static String messageOf(int status, String body) {
        try {
            String said = JSON.readTree(body).path("message").asString("");
            if (!said.isBlank()) return said;
        } catch (RuntimeException notJson) {
            // the status says it
        }
        return "The bridge answered " + status + (status == 401 ? ": the shared secret is not the box's." : ".");
    }
}
