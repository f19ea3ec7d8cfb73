package org.learnbox.gateway;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/** The gateway's own answers, in words, as a small page. */
final class GatewayPages {
    private GatewayPages() {}

    static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String title, String words) {
        return write(response, status, title, words, "");
    }

    static Mono<Void> waiting(ServerHttpResponse response, String host) {
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, "2");
        return write(response, HttpStatus.SERVICE_UNAVAILABLE, "Waking up",
                "This app was asleep and is starting now; this page reloads itself in a moment.",
                "<meta http-equiv=\"refresh\" content=\"2\">");
    }

    private static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String title, String words, String head) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        response.getHeaders().setCacheControl("no-store");
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" + head
                + "<title>" + HtmlUtils.htmlEscape(title) + " · LearnBox apps</title></head>"
                + "<body style=\"font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1d2433\">"
                + "<h1 style=\"font-size:1.4rem\">" + HtmlUtils.htmlEscape(title) + "</h1><p class=\"message\">"
                + HtmlUtils.htmlEscape(words) + "</p></body></html>";
        DataBuffer body = response.bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }
}
