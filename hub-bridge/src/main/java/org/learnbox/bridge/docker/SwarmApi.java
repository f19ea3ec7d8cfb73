package org.learnbox.bridge.docker;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Swarm manager's services, tasks and nodes, in the engine's own JSON (API 1.41, Docker 20.10).
 * docker-java 3.7's service model has neither dropped capabilities nor a pids limit, so the spec
 * goes as JSON through docker-java's own HTTP client.
 */
public final class SwarmApi implements AutoCloseable {
    private static final String VERSION = "/v1.41";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DockerHttpClient http;

    SwarmApi(DockerHttpClient http) {
        this.http = http;
    }

    /** The engine named by DOCKER_HOST, or the local socket. */
    public static SwarmApi open() {
        return open(DefaultDockerClientConfig.createDefaultConfigBuilder().build().getDockerHost());
    }

    public static SwarmApi open(URI dockerHost) {
        return new SwarmApi(new ApacheDockerHttpClient.Builder()
                .dockerHost(dockerHost)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(60))
                .maxConnections(20)
                .build());
    }

    /** An answer of the engine other than the one asked for, with the engine's own message. */
    public static final class Failure extends RuntimeException {
        private final int status;

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Creates the service; false when one of that name is there already. */
    public boolean create(ObjectNode spec) {
        Answer answer = call(DockerHttpClient.Request.Method.POST, "/services/create", spec);
        if (answer.status == 409) return false;
        answer.require(201);
        return true;
    }

    public Optional<JsonNode> service(String name) {
        Answer answer = call(DockerHttpClient.Request.Method.GET, "/services/" + encode(name), null);
        if (answer.status == 404) return Optional.empty();
        return Optional.of(answer.require(200));
    }

    /** The services carrying every one of these labels. */
    public List<JsonNode> services(Map<String, String> labels) {
        List<String> wanted = labels.entrySet().stream().map(label -> label.getKey() + "=" + label.getValue()).toList();
        return list("/services?filters=" + filters(Map.of("label", wanted)));
    }

    /** The tasks of a service, the ended ones too (Swarm keeps a few). */
    public List<JsonNode> tasks(String service) {
        return list("/tasks?filters=" + filters(Map.of("service", List.of(service))));
    }

    /** Every task meant to run (placed, or waiting for a node), of every service. */
    public List<JsonNode> runningTasks() {
        return list("/tasks?filters=" + filters(Map.of("desired-state", List.of("running"))));
    }

    public List<JsonNode> nodes() {
        return list("/nodes");
    }

    public Optional<JsonNode> node(String id) {
        Answer answer = call(DockerHttpClient.Request.Method.GET, "/nodes/" + encode(id), null);
        if (answer.status == 404) return Optional.empty();
        return Optional.of(answer.require(200));
    }

    /** A network of the manager's engine (a Swarm-scoped one, or one of the manager's own). */
    public Optional<JsonNode> network(String name) {
        Answer answer = call(DockerHttpClient.Request.Method.GET, "/networks/" + encode(name), null);
        if (answer.status == 404) return Optional.empty();
        return Optional.of(answer.require(200));
    }

    /** Makes the network; false when one of that name is there already. */
    public boolean createNetwork(ObjectNode spec) {
        Answer answer = call(DockerHttpClient.Request.Method.POST, "/networks/create", spec);
        if (answer.status == 409) return false;
        answer.require(201);
        return true;
    }

    /** Removes the service and so its task; one not there is no failure. */
    public void remove(String service) {
        Answer answer = call(DockerHttpClient.Request.Method.DELETE, "/services/" + encode(service), null);
        if (answer.status != 404) answer.require(200);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    private List<JsonNode> list(String path) {
        List<JsonNode> items = new ArrayList<>();
        call(DockerHttpClient.Request.Method.GET, path, null).require(200).forEach(items::add);
        return items;
    }

    private Answer call(DockerHttpClient.Request.Method method, String path, JsonNode body) {
        DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder().method(method).path(VERSION + path);
        if (body != null) {
            request.putHeader("Content-Type", "application/json").body(new ByteArrayInputStream(JSON.writeValueAsBytes(body)));
        }
        try (DockerHttpClient.Response response = http.execute(request.build()); InputStream in = response.getBody()) {
            return new Answer(response.getStatusCode(), in == null ? new byte[0] : in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String filters(Map<String, List<String>> filters) {
        return encode(JSON.writeValueAsString(filters));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record Answer(int status, byte[] body) {
        JsonNode require(int expected) {
            if (status != expected) {
                String message = new String(body, StandardCharsets.UTF_8);
                try {
                    message = JSON.readTree(body).path("message").asString(message);
                } catch (RuntimeException notJson) {
                    // the engine's words as they came
                }
                throw new Failure(status, message.strip());
            }
            return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        }
    }
}
