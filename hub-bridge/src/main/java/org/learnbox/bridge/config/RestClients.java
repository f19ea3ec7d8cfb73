package org.learnbox.bridge.config;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * How the bridge makes its REST clients (JupyterHub's API, Keycloak's): on the JDK's HTTP client, a
 * connection per request under way. RestClient's own choice would be Apache's client (docker-java puts
 * it on the class path), whose pool keeps five connections per host: the hub answers a start only once
 * the server is up, so five learners starting at once held every other question to the hub.
 */
public final class RestClients {
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);
    /** One for all: each JDK client keeps a selector thread and its own connections. */
    private static final HttpClient JDK = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private RestClients() {}

    public static RestClient.Builder builder() {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(JDK);
        factory.setReadTimeout(ANSWER_WITHIN);
        return RestClient.builder().requestFactory(factory);
    }
}
