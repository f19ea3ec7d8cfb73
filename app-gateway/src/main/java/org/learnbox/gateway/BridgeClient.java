package org.learnbox.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.retry.Retry;
import tools.jackson.databind.ObjectMapper;

/** The bridge, which knows every app: where it answers, and how to wake it. */
@Component
class BridgeClient {
    /** The bridge has no app at that address. */
    static final class NoSuchApp extends RuntimeException {
        NoSuchApp(String message) {
            super(message, null, false, false);
        }
    }

    record Answer(String target, String container, String message) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WebClient bridge;

    BridgeClient(GatewaySettings settings) {
        // A kept-alive connection is let go before the bridge's server would close it from its side.
        ConnectionProvider connections = ConnectionProvider.builder("bridge").maxIdleTime(Duration.ofSeconds(10)).build();
        this.bridge = WebClient.builder().baseUrl(settings.bridgeUrl())
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
                .defaultHeader("Authorization", "Bearer " + settings.sharedSecret())
                .build();
    }

    /**
     * Starts the app when it sleeps; answers where it listens (it may not answer there yet). Waking
     * twice is waking once, so a request that got no answer (a dropped connection) is sent once more.
     */
    Mono<AppTarget> wake(String host) {
        return bridge.post().uri("/hub-api/apps/wake").bodyValue(Map.of("host", host))
                .retrieve().bodyToMono(Answer.class)
                .retryWhen(Retry.max(1).filter(WebClientRequestException.class::isInstance))
                .onErrorMap(reactor.core.Exceptions::isRetryExhausted, Throwable::getCause)
                .map(answer -> new AppTarget(host, answer.container() == null ? answer.target() : answer.container(),
                        URI.create(answer.target())))
                .onErrorMap(WebClientResponseException.class, e -> e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()
                        ? new NoSuchApp(messageOf(e)) : e);
    }

    Mono<Void> reportActivity(Map<String, AppActivity.Requests> requests) {
        return bridge.post().uri("/hub-api/apps/activity").bodyValue(requests).retrieve().bodyToMono(Void.class);
    }

    /** The bridge's refusal in its own words. */
    static String messageOf(WebClientResponseException e) {
        try {
            String said = JSON.readTree(e.getResponseBodyAsString()).path("message").asString("");
            if (!said.isBlank()) return said;
        } catch (RuntimeException notJson) {
            // fall through to the status
        }
        return "The box could not reach this app (" + e.getStatusCode().value() + ").";
    }
}
