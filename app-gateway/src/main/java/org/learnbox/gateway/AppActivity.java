package org.learnbox.gateway;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Each app's last request, reported to the bridge, which puts the idle ones to sleep. */
@Component
class AppActivity {
    private static final Logger log = LoggerFactory.getLogger(AppActivity.class);
    private final Map<String, Long> lastRequests = new ConcurrentHashMap<>();
    private final BridgeClient bridge;

    AppActivity(BridgeClient bridge) {
        this.bridge = bridge;
    }

    void requested(String host) {
        lastRequests.put(host, Instant.now().toEpochMilli());
    }

    @Scheduled(fixedDelayString = "${learnbox.gateway.report-every:10s}")
    void report() {
        if (lastRequests.isEmpty()) return;
        Map<String, Long> batch = new HashMap<>(lastRequests);
        batch.forEach(lastRequests::remove);
        try {
            bridge.reportActivity(batch).block(java.time.Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.warn("could not report the apps' activity to the bridge: {}", e.getMessage());
            batch.forEach((host, last) -> lastRequests.merge(host, last, Math::max));
        }
    }
}
