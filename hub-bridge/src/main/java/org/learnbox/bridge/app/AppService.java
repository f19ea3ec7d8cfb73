package org.learnbox.bridge.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.Words;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.learnbox.bridge.sandbox.SandboxSpecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Live apps: publish a folder of a learner's home, wake an app on its first request, put apps
 * to sleep when nobody asks for them, and keep each within the box's limits. Every refusal
 * says which limit or what is wrong, and what to do.
 */
@Service
public class AppService {
    private static final Logger log = LoggerFactory.getLogger(AppService.class);
    static final int LAST_LINES = 20;
    /** A replaced release goes once the gateway says the requests in it have ended. */
    private static final Executor RETIRE = Executors.newVirtualThreadPerTaskExecutor();
    /**
     * A switch renames the running release away and the new one into its place; a wake in between
     * would find no container by the app's name. Wakes take these in shared mode, switches alone
     * (striped: few enough whatever the number of hosts asked for).
     */
    private static final ReadWriteLock[] SWITCHES = Stream.generate(ReentrantReadWriteLock::new).limit(64)
            .toArray(ReadWriteLock[]::new);

    private final AppRuntime runtime;
    private final SandboxRuntime sandboxes;
    private final AppTakedownRepository takedowns;
    private final LearnboxProperties properties;
    private final LearnboxProperties.Apps settings;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AppRequestCounts requests = new AppRequestCounts();
    /** Apps started and not yet answering: the idle sleeper leaves them be, however long their start takes. */
    private final java.util.Set<String> starting = ConcurrentHashMap.newKeySet();
    private final AppSources sources;
    private final Words words;

    AppService(AppRuntime runtime, SandboxRuntime sandboxes, AppTakedownRepository takedowns, AppSources sources,
            LearnboxProperties properties, Clock clock, Words words) {
        this.runtime = runtime;
        this.words = words;
        this.sources = sources;
        this.takedowns = takedowns;
        this.sandboxes = sandboxes;
        this.properties = properties;
        this.settings = properties.apps();
        this.clock = clock;
    }

    /** Publishes the folder (relative to the learner's home) and answers once the app answers. */
    public AppView publishFolder(String user, String folder) {
        long started = System.nanoTime();
        String path = folder == null ? "" : folder.strip().replaceAll("/+$", "");
        if (path.isEmpty() || path.equals(".")) throw new AppException("app.refused.no-folder");
        AppFiles.requireSafe(path);
        AppFiles files;
        try (InputStream tar = sandboxes.copyFolder(user, path)) {
            files = AppFiles.fromFolderTar(tar, path, settings.maxSize().toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) throw new AppException("app.refused.folder-empty", path);
        String folderName = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        log.info("{}'s folder {} read in {} ms", user, path, (System.nanoTime() - started) / 1_000_000);
        return publish(user, AppManifest.of(files, folderName), files);
    }

    /** Publishes these files (path to text, as a snippet has them); {@code fallbackName} names it when no manifest does. */
    public AppView publishFiles(String user, Map<String, String> texts, String fallbackName) {
        AppFiles files = new AppFiles(settings.maxSize().toBytes());
        texts.forEach((path, text) -> files.add(path, text.getBytes(StandardCharsets.UTF_8)));
        if (files.isEmpty()) throw new AppException("app.refused.no-files");
        return publish(user, AppManifest.of(files, fallbackName), files);
    }

    /** The name these files would be published under, or empty when they do not say how they serve (no learnbox.yaml, no file the box knows). */
    public Optional<String> nameToPublish(Map<String, String> texts, String fallbackName) {
        try {
            AppFiles files = new AppFiles(settings.maxSize().toBytes());
            texts.forEach((path, text) -> files.add(path, text.getBytes(StandardCharsets.UTF_8)));
            return files.isEmpty() ? Optional.empty() : Optional.of(AppManifest.of(files, fallbackName).name());
        } catch (AppException cannotServe) {
            return Optional.empty();
        }
    }

    AppView publish(String user, AppManifest manifest, AppFiles files) {
        requireRoomFor(user, manifest.name());
        AppSpec spec = specFor(user, manifest);
        takedowns.deleteById(new AppTakedown.Key(user, manifest.name()));
        long t0 = System.nanoTime();
        runtime.build(spec, manifest, files);
        long t1 = System.nanoTime();
        makeRoomForOneMore(user, manifest.name());
        AppInstance started = runtime.start(spec);
        long t2 = System.nanoTime();
        awaitFirstAnswer(started);
        runtime.restartWhenCrashed(user, manifest.name());
        sources.keep(user, manifest, files);
        log.info("published {} of {}: built in {} ms, started in {} ms, answered after {} ms", manifest.name(), user,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        return view(runtime.find(user, manifest.name()).orElse(started));
    }

    /**
     * A release of an app, made from a push: its image is built and started beside the running
     * release, which serves until the new one answers; then visitors reach the new one, and the old
     * one stops a moment later (after the gateway's short memory of the address and the requests
     * under way). A release that fails leaves the running one as it was.
     */
    public AppView deployRelease(String user, AppManifest manifest, AppFiles files, String tag,
            java.util.function.Consumer<String> progress) {
        requireRoomFor(user, manifest.name());
        AppSpec spec = releaseSpec(user, manifest.name(), manifest.port(), tag);
        progress.accept("building the app's image on " + properties.image(manifest.kind().imageName()));
        runtime.build(spec, manifest, files);
        AppView live = switchTo(spec, progress);
        sources.keep(user, manifest, files);
        return live;
    }

    /** Starts an earlier release's image as the app again, in the same way as a new release. */
    public AppView rollBack(String user, String name, int port, String tag, java.util.function.Consumer<String> progress) {
        AppSpec spec = releaseSpec(user, name, port, tag);
        if (!runtime.hasRelease(user, name, tag)) {
            throw new AppException("app.refused.release-image-gone");
        }
        return switchTo(spec, progress);
    }

    /** Builds run on the apps' network: it must be there before the first app starts. */
    public void prepare() {
        runtime.prepare();
    }

    /** After a restart of the bridge: the switches between releases it left unfinished go. */
    public List<String> removeUnfinishedSwitches() {
        return runtime.removeUnfinishedSwitches();
    }

    /** Whether that release of the app is on this box. */
    public boolean hasRelease(String user, String name, String tag) {
        return runtime.hasRelease(user, name, tag);
    }

    /** That release of the app goes (an old one no longer kept). */
    public void removeRelease(String user, String name, String tag) {
        runtime.removeRelease(user, name, tag);
    }

    private AppView switchTo(AppSpec spec, java.util.function.Consumer<String> progress) {
        makeRoomForOneMore(spec.user(), spec.name());
        progress.accept("starting it beside the running release");
        AppInstance next = runtime.startNext(spec);
        try {
            awaitTarget(next);
        } catch (RuntimeException failed) {
            runtime.discard(next.instanceId());
            throw failed;
        }
        Optional<String> replaced;
        var switching = switchLock(spec.user(), spec.name()).writeLock();
        switching.lock();
        try {
            replaced = runtime.promoteNext(spec.user(), spec.name());
        } finally {
            switching.unlock();
        }
        gatewayForgets(new AppAddress(spec.name(), spec.user()).host(settings.domain()), replaced);
        runtime.restartWhenCrashed(spec.user(), spec.name());
        takedowns.deleteById(new AppTakedown.Key(spec.user(), spec.name()));
        noteRequest(spec.user(), spec.name());
        replaced.ifPresent(old -> RETIRE.execute(() -> {
            gatewayDrains(old);
            runtime.discard(old);
        }));
        progress.accept("it answers; visitors reach it now");
        return view(runtime.find(spec.user(), spec.name()).orElseThrow());
    }

    private AppSpec releaseSpec(String user, String name, int port, String tag) {
        return new AppSpec(user, name, tag, settings.cpus(), settings.memory().toBytes(), settings.pids(), port);
    }

    /** The gateway's question for a request: where the app of this host answers, waking it first. */
    AppInstance wake(String host) {
        AppAddress address = AppAddress.ofHost(host, settings.domain());
        AppInstance app = address == null ? null : findBetweenSwitches(address.user(), address.name()).orElse(null);
        if (app == null) throw new AppNotFoundException("app.refused.no-app-at", host);
        if (!app.running()) {
            makeRoomForOneMore(app.user(), app.name());
            app = runtime.resume(app.user(), app.name());
            log.info("woke app {} of {}", app.name(), app.user());
        }
        app = betweenCrashes(app);
        noteRequest(app.user(), app.name());
        return app;
    }

    private Optional<AppInstance> findBetweenSwitches(String user, String name) {
        var reading = switchLock(user, name).readLock();
        reading.lock();
        try {
            return runtime.find(user, name);
        } finally {
            reading.unlock();
        }
    }

    private static ReadWriteLock switchLock(String user, String name) {
        return SWITCHES[Math.floorMod(key(user, name).hashCode(), SWITCHES.length)];
    }

    /** An app Docker is starting again after a crash gets a few seconds before its visitor is told to come back. */
    private AppInstance betweenCrashes(AppInstance app) {
        Instant deadline = clock.instant().plusSeconds(3);
        while (app.restarting() && clock.instant().isBefore(deadline)) {
            sleep(200);
            app = runtime.find(app.user(), app.name()).orElse(app);
        }
        if (app.restarting()) {
            throw new AppException("app.refused.crashed-restarting");
        }
        return app;
    }

    /** The gateway's report of the apps' requests since its last report, by host. */
    public void requested(Map<String, AppRequests> byHost) {
        byHost.forEach((host, more) -> {
            AppAddress address = AppAddress.ofHost(host, settings.domain());
            if (address != null) requests.add(address.user(), address.name(), more);
        });
    }

    /** A request the bridge itself saw (a publish or a wake): it counts as activity, not as a visit. */
    private void noteRequest(String user, String name) {
        requests.add(user, name, new AppRequests(clock.millis(), 0));
    }

    /** Apps nobody asked for during the idle time go to sleep; the next request wakes them. */
    @Scheduled(fixedDelayString = "${learnbox.apps.sleep-check-every:20s}")
    public void sleepIdleApps() {
        Instant now = clock.instant();
        for (AppInstance app : runtime.list()) {
            if (app.running() && !starting.contains(key(app.user(), app.name()))
                    && lastRequest(app).plus(settings.idleTimeout()).isBefore(now)) {
                log.info("app {} of {} had no request for {}; it sleeps", app.name(), app.user(), settings.idleTimeout());
                runtime.stop(app.user(), app.name());
            }
        }
    }

    /** Every running app goes to sleep (the box going down); each wakes on its next visitor. Answers how many slept. */
    public int sleepAll() {
        int slept = 0;
        for (AppInstance app : runtime.list()) {
            if (!app.running()) continue;
            runtime.stop(app.user(), app.name());
            slept++;
        }
        return slept;
    }

    /** Every app of the box, for the teachers' moderation page. */
    public List<AppView> allApps() {
        return runtime.list().stream().map(this::view).toList();
    }

    public List<AppView> appsOf(String user) {
        return runtime.list().stream().filter(app -> app.user().equals(user))
                .sorted(Comparator.comparing(AppInstance::name)).map(this::view).toList();
    }

    /** One app with its last lines, whatever its state, for its owner's page. */
    public AppView details(String user, String name) {
        AppInstance app = runtime.find(user, name)
                .orElseThrow(() -> new AppNotFoundException("app.refused.no-such", user, name));
        AppView view = view(app);
        return new AppView(view.name(), view.user(), view.url(), view.state(), view.why(), runtime.logs(user, name, 100).strip());
    }

    /** The app's state, its requests since the bridge started, and the memory it uses now. */
    public AppStatus status(String user, String name) {
        AppInstance app = runtime.find(user, name)
                .orElseThrow(() -> new AppNotFoundException("app.refused.no-such", user, name));
        AppState state = AppState.of(app);
        AppRequests counted = requests.of(user, name);
        return new AppStatus(state.word(), why(state, app), counted.count(),
                counted.last() == 0 ? null : Instant.ofEpochMilli(counted.last()),
                app.running() ? runtime.memoryUsed(user, name) / (1024 * 1024) : 0, settings.memory().toMegabytes());
    }

    /** Follows the app's output live, beginning with its last lines; close the answer to stop. */
    public java.io.Closeable followLogs(String user, String name, java.util.function.Consumer<String> out, Runnable ended) {
        requireApp(user, name);
        return runtime.followLogs(user, name, 100, out, ended);
    }

    /** Stops the app and starts it again, answering once it answers. */
    public void restart(String user, String name) {
        requireApp(user, name);
        runtime.stop(user, name);
        makeRoomForOneMore(user, name);
        awaitFirstAnswer(runtime.resume(user, name));
    }

    /** Waits for a started app's first answer; its idle time counts from then. */
    private void awaitFirstAnswer(AppInstance started) {
        String key = key(started.user(), started.name());
        starting.add(key);
        try {
            awaitAnswer(started);
        } finally {
            starting.remove(key);
            noteRequest(started.user(), started.name());
        }
    }

    public void stop(String user, String name) {
        requireApp(user, name);
        runtime.stop(user, name);
    }

    public void unpublish(String user, String name) {
        requireApp(user, name);
        runtime.remove(user, name);
        sources.forget(user, name);
        requests.forget(user, name);
    }

    /**
     * As the bridge starts: every kept app without a container (a box restored from a backup holds
     * no images) is built again from its kept files and left asleep; its next visitor wakes it.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void rebuildKeptAppsAtStart() {
        Thread.ofVirtual().name("rebuild-kept-apps").start(this::rebuildKeptApps);
    }

    void rebuildKeptApps() {
        List<AppSources.Kept> missing;
        try {
            missing = sources.all().stream().filter(kept -> runtime.find(kept.user(), kept.manifest().name()).isEmpty()).toList();
            if (!missing.isEmpty()) runtime.prepare();
        } catch (AppException dockerDown) {
            log.warn("the kept apps were not looked at: {}", dockerDown.getMessage());
            return;
        }
        for (AppSources.Kept kept : missing) {
            String name = kept.manifest().name();
            try {
                AppSpec spec = specFor(kept.user(), kept.manifest());
                runtime.build(spec, kept.manifest(), kept.files());
                var switching = switchLock(kept.user(), name).writeLock();
                switching.lock();
                try {
                    if (runtime.find(kept.user(), name).isPresent()) continue; // a release (a rollback, a push) came meanwhile
                    runtime.start(spec);
                    runtime.stop(kept.user(), name);
                } finally {
                    switching.unlock();
                }
                log.info("app {} of {} was built again from its kept files; it sleeps until its next visitor", name, kept.user());
            } catch (RuntimeException failed) {
                log.warn("app {} of {} could not be built again from its kept files: {}", name, kept.user(), failed.getMessage());
            }
        }
    }

    /** Unpublishes the app if it is there; answers whether it was. */
    public boolean unpublishIfThere(String user, String name) {
        if (runtime.find(user, name).isEmpty()) return false;
        unpublish(user, name);
        return true;
    }

    void requireApp(String user, String name) {
        if (runtime.find(user, name).isEmpty()) throw new AppNotFoundException("app.refused.no-such", user, name);
    }

    /** One list of Docker's apps: the person's count, and whether this name is one of them. */
    private void requireRoomFor(String user, String name) {
        List<AppInstance> owned = runtime.list().stream().filter(app -> app.user().equals(user)).toList();
        boolean isNew = owned.stream().noneMatch(app -> app.name().equals(name));
        if (isNew && owned.size() >= settings.maxPerUser()) {
            throw new AppException("app.refused.too-many", owned.size(), settings.maxPerUser());
        }
    }

    /** The total memory of running apps stays within the box's limit: the app idle longest sleeps first. */
    private void makeRoomForOneMore(String user, String name) {
        long each = settings.memory().toBytes();
        List<AppInstance> others = runtime.list().stream()
                .filter(app -> app.running() && !(app.user().equals(user) && app.name().equals(name)))
                .sorted(Comparator.comparing(this::lastRequest))
                .toList();
        long free = settings.maxTotalMemory().toBytes() - (others.size() + 1L) * each;
        for (AppInstance idlest : others) {
            if (free >= 0) break;
            log.info("app {} of {} sleeps to make room for {} of {}", idlest.name(), idlest.user(), name, user);
            runtime.stop(idlest.user(), idlest.name());
            free += each;
        }
        if (free < 0) {
            throw new AppException("app.refused.memory-taken", settings.maxTotalMemory().toMegabytes());
        }
    }

    /**
     * Waits until the gateway reaches the app's port; an app that stops or never answers is explained with
     * its last lines. The gateway looks at the container's address, never wakes the app: one that crashed
     * at its start stays stopped, for its owner to read why.
     */
    private void awaitAnswer(AppInstance started) {
        Instant deadline = clock.instant().plus(settings.startTimeout());
        String query = "target=" + URLEncoder.encode(started.target(), StandardCharsets.UTF_8);
        while (clock.instant().isBefore(deadline)) {
            if (gatewaySays(query)) return;
            AppInstance now = runtime.find(started.user(), started.name()).orElseThrow();
            if (!now.running()) {
                throw new AppException("app.refused.stopped-at-start", now.exitCode(), lastLines(now));
            }
            sleep(100);
        }
        runtime.stop(started.user(), started.name());
        throw new AppException("app.refused.no-port", started.port(), settings.startTimeout().toSeconds(), lastLines(started));
    }

    /** Waits until a release started beside the running one opens its port; the gateway looks, as the bridge cannot. */
    private void awaitTarget(AppInstance next) {
        Instant deadline = clock.instant().plus(settings.startTimeout());
        String query = "target=" + URLEncoder.encode(next.target(), StandardCharsets.UTF_8);
        while (clock.instant().isBefore(deadline)) {
            if (gatewaySays(query)) return;
            AppInstance now = runtime.inspect(next.instanceId()).orElse(next);
            if (!now.running()) {
                throw new AppException("app.refused.release-stopped", now.exitCode(), lastLinesOf(now.instanceId()));
            }
            sleep(100);
        }
        throw new AppException("app.refused.release-no-port", next.port(), settings.startTimeout().toSeconds(),
                lastLinesOf(next.instanceId()));
    }

    /**
     * The gateway remembers where an app answers for 2 s; after a switch it asks again at once, and
     * sends no request into the release that retires.
     */
    private void gatewayForgets(String host, Optional<String> retiring) {
        String query = "host=" + URLEncoder.encode(host, StandardCharsets.UTF_8) + retiring.map(id -> "&retiring=" + id).orElse("");
        try {
            http.send(toGateway("/.learnbox/forget?" + query, Duration.ofSeconds(3)), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            log.warn("the gateway did not hear that {} moved ({}); it asks again within 2 s", host, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the gateway has no request in the retiring container; one that does not say is given its 2 s and a little more. */
    private void gatewayDrains(String container) {
        try {
            int status = http.send(toGateway("/.learnbox/drain?container=" + container, Duration.ofMinutes(2)),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 204) log.warn("requests in the retired release {} had not ended after the gateway's wait ({})", container, status);
        } catch (IOException e) {
            log.warn("the gateway did not say when the retired release {} was free ({}); it goes in 4 s", container, e.getMessage());
            sleep(4000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest toGateway(String pathAndQuery, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(settings.gatewayUrlForBridge() + pathAndQuery))
                .header("Authorization", "Bearer " + properties.sharedSecret())
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(timeout).build();
    }

    private boolean gatewaySays(String query) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.gatewayUrlForBridge() + "/.learnbox/ready?" + query))
                    .header("Authorization", "Bearer " + properties.sharedSecret())
                    .timeout(Duration.ofSeconds(3)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            throw new AppException(e, "app.refused.gateway-down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AppException(e, "app.refused.interrupted");
        }
    }

    private MessageSourceResolvable lastLines(AppInstance app) {
        return lastLinesOf(app.instanceId());
    }

    private MessageSourceResolvable lastLinesOf(String instanceId) {
        String lines = runtime.instanceLogs(instanceId, LAST_LINES).strip();
        return lines.isEmpty() ? Words.phrase("app.last-lines.none") : Words.phrase("app.last-lines", lines);
    }

    private Instant lastRequest(AppInstance app) {
        Instant started = app.startedAt() == null ? Instant.EPOCH : app.startedAt();
        Instant last = Instant.ofEpochMilli(requests.of(app.user(), app.name()).last());
        return last.isAfter(started) ? last : started;
    }

    AppSpec specFor(String user, AppManifest manifest) {
        return new AppSpec(user, manifest.name(), AppSpec.LATEST, settings.cpus(), settings.memory().toBytes(), settings.pids(),
                manifest.port());
    }

    private AppView view(AppInstance app) {
        AppState state = AppState.of(app);
        return new AppView(app.name(), app.user(), new AppAddress(app.name(), app.user()).url(settings.domain(), settings.gatewayPort()),
                state.word(), why(state, app),
                state.showsLastLines() ? runtime.logs(app.user(), app.name(), LAST_LINES).strip() : "");
    }

    /** The state's sentence in the reader's language. */
    private String why(AppState state, AppInstance app) {
        return state.whyWords(app, settings.memory().toMegabytes()).map(words::of).orElse("");
    }

    private static String key(String user, String name) {
        return user + "/" + name;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AppException(e, "app.refused.interrupted");
        }
    }
}
