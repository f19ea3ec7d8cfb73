package org.learnbox.bridge.app;

import java.io.Closeable;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** What an app's page asks as it stays open: the app's numbers, and its output as it comes. */
@RestController
class AppLiveController {
    private static final Duration ONE_STREAM = Duration.ofMinutes(10);

    private final AppService apps;

    AppLiveController(AppService apps) {
        this.apps = apps;
    }

    @GetMapping("/apps/{name}/status")
    AppStatus status(@PathVariable String name, Principal principal) {
        return apps.status(principal.getName(), name);
    }

    /** Server-sent events named "lines"; a stream ends after ten minutes and the page's EventSource opens the next. */
    @GetMapping(path = "/apps/{name}/logs", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter logs(@PathVariable String name, Principal principal) {
        SseEmitter emitter = new SseEmitter(ONE_STREAM.toMillis());
        Closeable following = apps.followLogs(principal.getName(), name, chunk -> {
            try {
                emitter.send(SseEmitter.event().name("lines").data(chunk));
            } catch (IOException | IllegalStateException pageGone) {
                emitter.completeWithError(pageGone);
            }
        }, emitter::complete);
        Runnable stop = () -> {
            try {
                following.close();
            } catch (IOException alreadyOver) {
                // the log stream is over either way
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        return emitter;
    }
}
