package org.learnbox.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Apps' requests timed by their answer's code, as JupyterHub times its own
 * (jupyterhub_request_duration_seconds), and the wakes of sleeping apps by how they ended.
 */
@Component
class AppMeters {
    private final MeterRegistry meters;

    AppMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    /** An app's request answered (or ended unanswered, code "none"), from the moment it came. */
    void answered(ServerWebExchange exchange, long cameAt) {
        HttpStatusCode code = exchange.getResponse().getStatusCode();
        Timer.builder("learnbox.app.request.duration").description("Time the gateway took to answer an app's request")
                .tag("code", code == null ? "none" : Integer.toString(code.value())).register(meters)
                .record(System.nanoTime() - cameAt, TimeUnit.NANOSECONDS);
    }

    /** A sleeping or moved app's address asked of the bridge and its port awaited: "ready", or why not. */
    void woke(String outcome, long askedAt) {
        Timer.builder("learnbox.app.wake.duration").description("Time from asking the bridge for an app until its port answered")
                .tag("outcome", outcome).register(meters).record(System.nanoTime() - askedAt, TimeUnit.NANOSECONDS);
    }
}
