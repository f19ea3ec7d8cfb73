package org.learnbox.gateway;

import java.util.List;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's side of the WebSockets it carries to apps: each one open is a request being
 * answered ({@link AppActivity#answering}), until it closes, so an app with a visitor on a
 * WebSocket does not sleep under them. The request that upgrades ends as the socket opens, so
 * only here is its end seen.
 */
@Primary
@Component
class OpenWebSockets implements WebSocketService {
    private final HandshakeWebSocketService handshakes;
    private final AppActivity activity;
    private final GatewaySettings settings;

    OpenWebSockets(RequestUpgradeStrategy upgrades, AppActivity activity, GatewaySettings settings) {
        this.handshakes = new HandshakeWebSocketService(upgrades);
        this.activity = activity;
        this.settings = settings;
    }

    @Override
    public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
        String host = AppRoutes.appHost(exchange.getRequest().getHeaders().getFirst("Host"), settings);
        if (host == null) return handshakes.handleRequest(exchange, handler);
        return handshakes.handleRequest(exchange, new WebSocketHandler() {
            @Override
            public List<String> getSubProtocols() {
                return handler.getSubProtocols();
            }

            @Override
            public Mono<Void> handle(WebSocketSession session) {
                activity.answering(host);
                return handler.handle(session).doFinally(signal -> activity.answered(host));
            }
        });
    }
}
