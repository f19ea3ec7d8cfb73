package org.learnbox.bridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.TestProperties;
import org.learnbox.bridge.config.Words;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.unit.DataSize;

/**
 * A switch between two releases of an app, with the interleavings forced: a wake that lands while
 * the old release is renamed away and the new one not yet in its place, and the old release's
 * removal, which waits until the gateway says no request is left in it.
 */
class ReleaseSwitchTest {
    private final List<String> said = new CopyOnWriteArrayList<>();
    private final HttpServer gateway = gateway();
    private final SwitchingRuntime runtime = new SwitchingRuntime();
    private final AppService apps = new AppService(runtime, null, takedowns(), new AppSources(properties()), properties(), Clock.systemUTC(),
            new Words(messages()));

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void aWakeDuringTheRenameWaitsForTheNewReleaseInsteadOfFindingNoApp() throws Exception {
        runtime.duringRename = () -> {
            CompletableFuture<AppInstance> woken = new CompletableFuture<>();
            Thread waker = new Thread(() -> {
                try {
                    woken.complete(apps.wake("quiz--ada.apps.localhost"));
                } catch (RuntimeException e) {
                    woken.completeExceptionally(e);
                }
            });
            waker.start();
            Instant deadline = Instant.now().plusSeconds(10);
            while (!woken.isDone() && waker.getState() != Thread.State.WAITING && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
            }
            runtime.wokenDuringRename = woken;
        };
        List<String> progress = new ArrayList<>();
        apps.rollBack("ada", "quiz", 8080, "r2", progress::add);

        assertThat(runtime.wokenDuringRename.get(10, TimeUnit.SECONDS).instanceId()).isEqualTo("new");
        assertThat(runtime.findsWhileRenamed).as("looked up with neither release under the app's name").isZero();
        assertThat(progress).last().isEqualTo("it answers; visitors reach it now");
    }

    @Test
    void theOldReleaseGoesOnlyAfterTheGatewaySendsNoRequestIntoItAndHasDrainedIt() throws Exception {
        apps.rollBack("ada", "quiz", 8080, "r2", line -> {});
        assertThat(runtime.discarded.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(said).containsSubsequence("forget host=quiz--ada.apps.localhost&retiring=old", "drain container=old",
                "discard old");
    }

    private final class SwitchingRuntime implements AppRuntime {
        volatile AppInstance current = instance("old");
        volatile Runnable duringRename = () -> {};
        volatile CompletableFuture<AppInstance> wokenDuringRename;
        volatile int findsWhileRenamed;
        final CountDownLatch discarded = new CountDownLatch(1);

        @Override
        public Optional<AppInstance> find(String user, String name) {
            if (current == null) findsWhileRenamed++;
            return Optional.ofNullable(current);
        }

        @Override
        public List<AppInstance> list() {
            return current == null ? List.of() : List.of(current);
        }

        @Override
        public boolean hasRelease(String user, String name, String release) {
            return true;
        }

        @Override
        public AppInstance startNext(AppSpec spec) {
            return instance("new");
        }

        @Override
        public Optional<String> promoteNext(String user, String name) {
            current = null;
            duringRename.run();
            current = instance("new");
            return Optional.of("old");
        }

        @Override
        public void discard(String containerId) {
            said.add("discard " + containerId);
            discarded.countDown();
        }

        @Override
        public void restartWhenCrashed(String user, String name) {}

        @Override
        public Optional<AppInstance> inspect(String containerId) {
            return Optional.of(instance(containerId));
        }

        @Override
        public String build(AppSpec spec, AppManifest manifest, AppFiles files) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AppInstance start(AppSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> removeUnfinishedSwitches() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeRelease(String user, String name, String release) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void prepare() {}

        @Override
        public AppInstance resume(String user, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stop(String user, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void remove(String user, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String logs(String user, String name, int lines) {
            return "";
        }

        @Override
        public String instanceLogs(String containerId, int lines) {
            return "";
        }

        @Override
        public java.io.Closeable followLogs(String user, String name, int lastLines, java.util.function.Consumer<String> out,
                Runnable ended) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long memoryUsed(String user, String name) {
            return 0;
        }
    }

    private static AppInstance instance(String container) {
        return new AppInstance("ada", "quiz", container, true, false, 0, false, "127.0.0.1", 8080, 0, Instant.now(), null);
    }

    /** The gateway's side of a switch: every release answers, and it says what it was told. */
    private HttpServer gateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.learnbox/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                if (!path.endsWith("/ready")) said.add(path.substring("/.learnbox/".length()) + " " + exchange.getRequestURI().getQuery());
                exchange.sendResponseHeaders(path.endsWith("/ready") ? 200 : 204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String keptAppsFolder() {
        try {
            return java.nio.file.Files.createTempDirectory("kept-apps").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private LearnboxProperties properties() {
        LearnboxProperties base = TestProperties.of("switch-test", TestProperties.sandbox("none"), TestProperties.hub("http://127.0.0.1:9"),
                TestProperties.courses("/nonexistent"));
        LearnboxProperties.Apps apps = base.apps();
        LearnboxProperties.Apps here = new LearnboxProperties.Apps(apps.domain(), apps.gatewayPort(),
                "http://127.0.0.1:" + gateway.getAddress().getPort(), apps.network(), apps.cpus(), apps.memory(), apps.pids(),
                apps.maxPerUser(), apps.maxSize(), DataSize.ofGigabytes(2), apps.idleTimeout(), Duration.ofSeconds(10),
                apps.requestsPerMinute(), keptAppsFolder());
        return new LearnboxProperties(base.sharedSecret(), base.box(), base.sandbox(), base.hub(), base.courses(), base.login(),
                base.sso(), base.snippets(), here, base.git(), base.images());
    }

    private static AppTakedownRepository takedowns() {
        return (AppTakedownRepository) java.lang.reflect.Proxy.newProxyInstance(AppTakedownRepository.class.getClassLoader(),
                new Class<?>[] {AppTakedownRepository.class}, (proxy, method, args) -> null);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        return messages;
    }
}
