package org.learnbox.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.learnbox.bridge.sandbox.SandboxException;
import org.learnbox.bridge.sandbox.SpawnService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * /metrics on a real server (Tomcat reads the proxy's headers as it does in the box): open on the
 * bridge's own port, through the front door only with an admin's JupyterHub token, refused in words.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MetricsDoorTest {
    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired SpawnService spawns;
    @MockitoBean JupyterHubClient hub;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> metrics(String... headers) throws IOException, InterruptedException {
        return get("/metrics", headers);
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String[] frontDoor(String from, String... more) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("X-Forwarded-For", from, "X-Forwarded-Port", "8000",
                "X-Forwarded-Proto", "http"), java.util.Arrays.stream(more)).toArray(String[]::new);
    }

    @Test
    void theBridgesOwnPortAnswersInPrometheusFormatWithJupyterHubsNames() throws Exception {
        accounts.add("metered", Role.STUDENT, "metered-password");
        assertThatThrownBy(() -> spawns.start("nobody-of-this-box", java.util.Map.of())).isInstanceOf(SandboxException.class);
        HttpResponse<String> open = metrics();
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(open.body())
                .contains("# TYPE learnbox_total_users gauge")
                .containsPattern("learnbox_total_users\\{role=\"student\"\\} [1-9]")
                .contains("learnbox_running_servers ", "learnbox_sleeping_servers 0")
                .contains("learnbox_active_users{period=\"24h\"}", "learnbox_active_users{period=\"7d\"}", "learnbox_active_users{period=\"30d\"}")
                .contains("learnbox_apps{state=\"running\"}", "learnbox_apps{state=\"crashed\"}", "learnbox_builds_under_way 0")
                .contains("jvm_memory_used_bytes")
                // JupyterHub's buckets, so its spawn times and the box's read alike.
                .contains("learnbox_server_spawn_duration_seconds_bucket{status=\"failure\",le=\"0.5\"} 1")
                .contains("learnbox_server_spawn_duration_seconds_count{status=\"failure\"} 1");
        assertThat(open.headers().firstValue("Set-Cookie")).as("no session is made").isEmpty();
    }

    @Test
    void throughTheFrontDoorOnlyAnAdminsTokenReadsThem() throws Exception {
        accounts.add("metrics-admin", Role.ADMIN, "metrics-admin-password");
        accounts.add("metrics-learner", Role.STUDENT, "metrics-learner-password");
        when(hub.ownerOf("admins-token")).thenReturn(Optional.of("metrics-admin"));
        when(hub.ownerOf("learners-token")).thenReturn(Optional.of("metrics-learner"));

        // What the front door's proxy adds (configurable-http-proxy: for, port, proto); Tomcat takes X-Forwarded-For
        // in as the remote address, so the door does not rely on it alone. From the host's loopback too.
        for (String from : new String[] {"203.0.113.9", "127.0.0.1"}) {
            HttpResponse<String> stranger = metrics(frontDoor(from));
            assertThat(stranger.statusCode()).as(from).isEqualTo(401);
            assertThat(stranger.body()).as(from).startsWith("The box's metrics and health are for its admin.").doesNotContain("learnbox_");
        }
        HttpResponse<String> learner = metrics(frontDoor("203.0.113.9", "Authorization", "token learners-token"));
        assertThat(learner.statusCode()).isEqualTo(403);
        assertThat(learner.body()).isEqualTo("The box's metrics and health are for its admin; this token is not an admin's.");

        HttpResponse<String> chinese = metrics(frontDoor("203.0.113.9", "Accept-Language", "zh-CN"));
        assertThat(chinese.body()).startsWith("本系统的运行指标和健康状态只给管理员看。");

        when(hub.metrics()).thenReturn("jupyterhub_running_servers 3.0\n");
        assertThat(get("/metrics/hub").body()).isEqualTo("jupyterhub_running_servers 3.0\n");
        assertThat(get("/metrics/hub", frontDoor("203.0.113.9")).statusCode()).isEqualTo(401);

        HttpResponse<String> admin = metrics(frontDoor("203.0.113.9", "Authorization", "token admins-token"));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("learnbox_total_users{role=\"admin\"}");
    }

    @Test
    void healthSaysWhichPartIsDownAndTheBridgeLivesOn() throws Exception {
        when(hub.version()).thenThrow(new org.springframework.web.client.ResourceAccessException("Connection refused"));
        HttpResponse<String> live = get("/health/liveness");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"status\":\"UP\"");

        HttpResponse<String> ready = get("/health/readiness");
        assertThat(ready.statusCode()).isEqualTo(503);
        var parts = tools.jackson.databind.json.JsonMapper.builder().build().readTree(ready.body()).path("components");
        assertThat(parts.path("db").path("status").asString()).isEqualTo("UP");
        assertThat(parts.path("docker").path("status").asString()).as("the engine is asked").isIn("UP", "DOWN");
        assertThat(parts.path("hub").path("status").asString()).isEqualTo("DOWN");
        assertThat(parts.path("hub").path("details").path("error").asString()).isEqualTo("JupyterHub's API does not answer: Connection refused");

        HttpResponse<String> stranger = get("/health/readiness", frontDoor("203.0.113.9"));
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(stranger.body()).doesNotContain("status");
    }
}
