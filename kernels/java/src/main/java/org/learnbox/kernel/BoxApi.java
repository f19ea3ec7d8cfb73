package org.learnbox.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The box's JSON API, called with the learner's own JupyterHub token, as the sandbox's {@code learnbox.py} calls
 * it. Where the box is and the token come from an environment (the process's, or a test's), both set in a sandbox.
 */
final class BoxApi {

    static final String DEFAULT_URL = "http://host.docker.internal:8000";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final Gson GSON = new Gson();

    private final String baseUrl;
    private final String token;

    BoxApi(Map<String, String> environment) {
        this.baseUrl = environment.getOrDefault("LEARNBOX_URL", DEFAULT_URL).replaceAll("/+$", "");
        this.token = environment.get("JUPYTERHUB_API_TOKEN");
    }

    static BoxApi fromEnvironment() {
        return new BoxApi(System.getenv());
    }

    String baseUrl() {
        return baseUrl;
    }

    /** POSTs a JSON body; returns the box's JSON answer, or says in words why there is none. */
    JsonObject post(String path, JsonObject body) throws Refused {
        if (token == null || token.isBlank()) {
            throw new Refused("There is no JupyterHub token here: run this inside your LearnBox sandbox.");
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(ANSWER_TIMEOUT)
                    .header("Authorization", "token " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(GSON.toJson(body)))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new Refused("LEARNBOX_URL is not a web address the box can have: " + baseUrl);
        }
        HttpResponse<String> answer = send(request);
        if (answer.statusCode() / 100 != 2) {
            throw new Refused(messageIn(answer.body()).orElse("The box answered " + answer.statusCode() + "."));
        }
        try {
            return JsonParser.parseString(answer.body()).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new Refused("The box answered " + answer.statusCode() + " with something that is not JSON.");
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws Refused {
        // HTTP/1.1: the JDK would otherwise offer an h2c upgrade, which proxies in front of a box may mishandle
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Refused("The box does not answer (" + reason(e) + "); try again in a minute, and tell your teacher if it goes on.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("Stopped while waiting for the box.");
        }
    }

    /** The JDK's client often leaves its exceptions without a message: say what they mean. */
    private static String reason(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof UnresolvedAddressException) {
                return "no such host";
            }
            if (e.getMessage() != null && !e.getMessage().isBlank()) {
                return e.getMessage();
            }
        }
        return failure instanceof ConnectException ? "the connection was refused" : failure.getClass().getSimpleName();
    }

    /** A refusal's {@code {"message": ...}}, when the answer has one. */
    private static Optional<String> messageIn(String body) {
        try {
            JsonElement message = JsonParser.parseString(body).getAsJsonObject().get("message");
            return message != null && message.isJsonPrimitive() && !message.getAsString().isBlank()
                    ? Optional.of(message.getAsString())
                    : Optional.empty();
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The box said no, or cannot be reached; the message says why, in words. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
