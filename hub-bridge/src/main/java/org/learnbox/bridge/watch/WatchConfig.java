package org.learnbox.bridge.watch;

import java.security.Principal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.config.Refusal;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;

/** The watcher's websocket, open only to whom {@link ClassroomService#desktopToWatch} lets watch, from the box's own pages. */
@Configuration
@EnableWebSocket
class WatchConfig implements WebSocketConfigurer {
    private static final Pattern SOCKET_PATH = Pattern.compile("^/classes/(\\d+)/students/([a-z0-9][a-z0-9._-]*)/desktop/websockify$");

    private final DesktopWatchSocket socket;
    private final ClassroomService classrooms;

    WatchConfig(DesktopWatchSocket socket, ClassroomService classrooms) {
        this.socket = socket;
        this.classrooms = classrooms;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, "/classes/*/students/*/desktop/websockify").addInterceptors(new HandshakeInterceptor() {
            @Override
            public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                    Map<String, Object> attributes) {
                Principal principal = request.getPrincipal();
                Matcher path = SOCKET_PATH.matcher(request.getURI().getPath());
                if (principal == null || !path.matches()) {
                    response.setStatusCode(HttpStatus.FORBIDDEN);
                    return false;
                }
                try {
                    attributes.put(DesktopWatchSocket.STUDENT,
                            classrooms.desktopToWatch(Long.parseLong(path.group(1)), path.group(2), principal.getName()));
                    return true;
                } catch (Refusal refused) {
                    response.setStatusCode(refused.status());
                    return false;
                }
            }

            @Override
            public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                    Exception failed) {
            }
        });
    }
}
