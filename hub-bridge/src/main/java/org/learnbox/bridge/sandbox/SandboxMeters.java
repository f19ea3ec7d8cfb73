package org.learnbox.bridge.sandbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The learners' servers in the box's metrics, named as JupyterHub names its own
 * (jupyterhub_server_spawn_duration_seconds, jupyterhub_running_servers) under learnbox_.
 */
@Component
class SandboxMeters {
    /** JupyterHub's own buckets for spawn times, so the two are read the same way. */
    private static final Duration[] SPAWN_BUCKETS = java.util.stream.DoubleStream.of(0.5, 1, 2.5, 5, 10, 15, 30, 60, 120, 180, 300, 600)
            .mapToObj(seconds -> Duration.ofMillis((long) (seconds * 1000))).toArray(Duration[]::new);

    SandboxMeters(MeterRegistry meters, SandboxRuntime runtime, SandboxRecords records) {
        Gauge.builder("learnbox.running.servers", runtime, SandboxMeters::running)
                .description("Learners' servers running now").register(meters);
        Gauge.builder("learnbox.sleeping.servers", records, SandboxRecords::asleepCount)
                .description("Learners' servers asleep now (frozen with their kernels, holding their memory)").register(meters);
    }

    /** How long a learner's server took to start, and whether it did ("success", "failure"). */
    static void spawned(MeterRegistry meters, String status, long nanos) {
        Timer.builder("learnbox.server.spawn.duration").description("Time a learner's server took to start")
                .tag("status", status).serviceLevelObjectives(SPAWN_BUCKETS).register(meters).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Not a number while the engine does not answer: Prometheus keeps the gap instead of a false zero. */
    private static double running(SandboxRuntime runtime) {
        try {
            return runtime.runningUsers().size();
        } catch (RuntimeException dockerDown) {
            return Double.NaN;
        }
    }
}
