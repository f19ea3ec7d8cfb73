package org.learnbox.bridge.sandbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.identity.AccountRemoved;
import org.learnbox.bridge.identity.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** Starts and stops learners' sandboxes: one at a time per learner, within the box's limits. */
@Service
public class SpawnService {
    private static final Logger log = LoggerFactory.getLogger(SpawnService.class);

    private final SandboxRuntime runtime;
    private final SandboxSpecs specs;
    private final SandboxRecords records;
    private final AccountService accounts;
    private final int maxRunning;
    private final long minFreeMemory;
    private final MachineMemory memory;
    private final boolean startAtLogin;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final SleepRequests sleeps;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, SpawnLog> logs = new ConcurrentHashMap<>();
    /** The steps of sandboxes started ahead of the hub, until the hub asks for them. */
    private final Map<String, SpawnLog> startedAhead = new ConcurrentHashMap<>();
    /**
     * A class logging in together keeps the hub's own pace: then the machine's CPUs are the limit,
     * and sandboxes started ahead would only crowd the hub. At most two wait for the hub at once.
     */
    private final StartsAhead aheadOfTheHub = new StartsAhead(2, java.time.Duration.ofSeconds(30));

    SpawnService(SandboxRuntime runtime, SandboxSpecs specs, SandboxRecords records, AccountService accounts,
            LearnboxProperties properties, MachineMemory memory, ApplicationEventPublisher events, MeterRegistry meters,
            SleepRequests sleeps) {
        this.sleeps = sleeps;
        this.events = events;
        this.meters = meters;
        this.runtime = runtime;
        this.specs = specs;
        this.records = records;
        this.accounts = accounts;
        this.maxRunning = properties.sandbox().maxRunning();
        this.minFreeMemory = properties.sandbox().minFreeMemory().toBytes();
        this.memory = memory;
        this.startAtLogin = properties.sandbox().startAtLogin();
    }

    public SandboxStart start(String user, Map<String, String> hubEnv) {
        ReentrantLock lock = lockOf(user);
        lock.lock();
        aheadOfTheHub.done(user);
        sleeps.take(user); // a start answers a sleep asked before it
        try {
            SpawnLog ahead = startedAhead.remove(user);
            SpawnLog spawnLog = ahead == null ? new SpawnLog() : ahead;
            logs.put(user, spawnLog);
            long began = System.nanoTime();
            try {
                if (!accounts.exists(user)) {
                    throw new SandboxException("sandbox.refused.no-account", user);
                }
                SandboxSpec spec = specs.forUser(user, hubEnv);
                Optional<SandboxStart> resumed = resume(spec, spawnLog);
                if (resumed.isPresent()) {
                    SandboxMeters.spawned(meters, "resumed", System.nanoTime() - began);
                    return resumed.get();
                }
                requireRoomFor(user, runtime.runningUsers());
                Sandbox sandbox = runtime.start(spec, spawnLog::add);
                SandboxMeters.spawned(meters, "success", System.nanoTime() - began);
                records.awake(sandbox);
                log.info("sandbox of {} runs at {}", user, sandbox.url());
                return new SandboxStart(sandbox, false);
            } catch (SandboxException failure) {
                SandboxMeters.spawned(meters, "failure", System.nanoTime() - began);
                spawnLog.add(SpawnEvent.failure(failure.getMessage()));
                log.warn("could not start the sandbox of {}: {}", user, failure.getMessage());
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * At login, before the hub is asked: the learner's sandbox starts at once, and its server
     * loads while the hub makes the server's token, which {@link #start} hands over. Quietly
     * nothing when the learner has a container already, the box is full or Docker refuses: the
     * hub's start then goes the usual way and says why in words.
     */
    public void startAhead(String user) {
        if (!startAtLogin || !aheadOfTheHub.tryTake(user)) return;
        ReentrantLock lock = lockOf(user);
        lock.lock();
        boolean started = false;
        try {
            java.util.Set<String> running = runtime.runningUsers();
            if (accounts.exists(user) && !running.contains(user)) {
                requireRoomFor(user, running);
                SpawnLog spawnLog = new SpawnLog();
                started = runtime.startAhead(specs.forUser(user, Map.of()), spawnLog::add);
                if (started) {
                    startedAhead.put(user, spawnLog); // the spawn page shows these steps too
                    log.info("sandbox of {} started ahead of the hub", user);
                }
            }
        } catch (SandboxException notNow) {
            log.info("could not start the sandbox of {} ahead of the hub: {}", user, notNow.getMessage());
        } finally {
            if (!started) aheadOfTheHub.done(user);
            lock.unlock();
        }
    }

    /**
     * A sandbox that slept goes on as the learner left it (or as the engine started it again, its
     * kernels afresh); one that cannot (the box was upgraded meanwhile, it ended) is gone, and the
     * start goes the usual way. Either way the learner is told what they find.
     */
    private Optional<SandboxStart> resume(SandboxSpec spec, SpawnLog spawnLog) {
        String user = spec.user();
        if (records.asleepSince(user).isEmpty()) return Optional.empty();
        Optional<SandboxRuntime.Woken> woken = runtime.wake(spec);
        if (woken.isEmpty()) {
            records.stopped(user);
            events.publishEvent(new SandboxStartedAfresh(user, false));
            spawnLog.add(SpawnEvent.step(10, "Your sandbox could not wake up as you left it (LearnBox was upgraded, or it"
                    + " ended, while it slept): it starts afresh. Your files are all there; your kernels start anew."));
            log.info("sandbox of {} could not be woken; it starts afresh", user);
            return Optional.empty();
        }
        Sandbox sandbox = woken.get().sandbox();
        records.awake(sandbox);
        if (!woken.get().asLeft()) events.publishEvent(new SandboxStartedAfresh(user, true));
        spawnLog.add(SpawnEvent.step(90, woken.get().asLeft() ? "Your sandbox woke up as you left it, kernels and all"
                : "Your sandbox was started again while it slept (the machine or Docker restarted): your files are all"
                        + " there; your kernels start anew"));
        log.info("sandbox of {} woke up{}", user, woken.get().asLeft() ? "" : " (started again by the engine meanwhile)");
        return Optional.of(new SandboxStart(sandbox, true));
    }

    /** A sandbox asleep holds its memory: the one asleep longest stops for good when a start needs the room. */
    private boolean putAwayLongestAsleep() {
        Optional<String> longest = records.longestAsleep();
        if (longest.isEmpty() || !putAwayUnlessBusy(longest.get())) return false;
        log.info("sandbox of {}, asleep longest, stopped to make room for a start", longest.get());
        return true;
    }

    /** Sandboxes asleep longer than the box keeps them stop for good; their homes stay. */
    public List<String> putAwayAsleepSince(Instant before) {
        List<String> putAway = new ArrayList<>();
        for (String user : records.asleepSinceBefore(before)) {
            if (putAwayUnlessBusy(user)) putAway.add(user);
        }
        return putAway;
    }

    /** Stops a sleeper for good, unless its learner is waking it this moment. */
    private boolean putAwayUnlessBusy(String user) {
        ReentrantLock lock = lockOf(user);
        if (!lock.tryLock()) return false;
        try {
            runtime.remove(user);
            records.stopped(user);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** One start or stop of a learner's sandbox at a time. */
    private ReentrantLock lockOf(String user) {
        return locks.computeIfAbsent(user, u -> new ReentrantLock());
    }

    /**
     * A new sandbox is refused in words, before anything is made, when the box is full: as many
     * running as it allows, or too little memory left on the machine for one more.
     */
    private void requireRoomFor(String user, java.util.Set<String> running) {
        if (running.contains(user)) return;
        if (running.size() >= maxRunning) {
            throw new SandboxException("sandbox.refused.all-in-use", maxRunning);
        }
        java.util.OptionalLong free = memory.available();
        while (free.isPresent() && free.getAsLong() < minFreeMemory && putAwayLongestAsleep()) free = memory.available();
        if (free.isPresent() && free.getAsLong() < minFreeMemory) {
            throw new SandboxException("sandbox.refused.no-memory", free.getAsLong() >> 20, minFreeMemory >> 20);
        }
    }

    /** Whose sandboxes are asleep: stopped to the hub, each wakes as it was at its next start. */
    public java.util.Set<String> asleep() {
        return records.asleepUsers();
    }

    /** The hub found the learner's server answering. */
    public void answering(String user) {
        events.publishEvent(new SandboxAnswering(user));
    }

    public SandboxStatus status(String user, int eventsSeen) {
        List<SpawnEvent> events = logs.getOrDefault(user, new SpawnLog()).since(eventsSeen);
        return runtime.find(user)
                .filter(Sandbox::running)
                .map(s -> new SandboxStatus(SandboxStatus.RUNNING, s.url(), events))
                .orElseGet(() -> new SandboxStatus(SandboxStatus.STOPPED, null, events));
    }

    /** Stops the learner's sandbox, or puts it to sleep when its stop was asked to; answers whether it sleeps. */
    public boolean stop(String user) {
        ReentrantLock lock = lockOf(user);
        lock.lock();
        try {
            if (sleeps.take(user)) {
                Optional<Sandbox> running = runtime.find(user).filter(Sandbox::running);
                if (running.isPresent()) {
                    runtime.sleep(user);
                    runtime.find(user).filter(Sandbox::asleep).ifPresent(records::saw);
                    log.info("sandbox of {} sleeps", user);
                    return true;
                }
            }
            runtime.remove(user);
            records.stopped(user);
            log.info("sandbox of {} stopped", user);
            return false;
        } finally {
            lock.unlock();
        }
    }

    @EventListener
    void onAccountRemoved(AccountRemoved removed) {
        sleeps.take(removed.name());
        stop(removed.name());
        records.forget(removed.name());
        logs.remove(removed.name());
    }
}
