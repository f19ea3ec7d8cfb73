package org.learnbox.bridge.assignment;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.learnbox.bridge.sandbox.CommandResult;
import org.learnbox.bridge.sandbox.HomeFile;
import org.learnbox.bridge.sandbox.HomeListing;
import org.learnbox.bridge.sandbox.HomeRead;
import org.learnbox.bridge.sandbox.Sandbox;
import org.learnbox.bridge.sandbox.SandboxException;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.learnbox.bridge.sandbox.SandboxSpec;
import org.learnbox.bridge.sandbox.SpawnEvent;

/** Homes held in memory, each file by its path in the home, and which sandboxes run: what the assignment flow reads and writes. */
final class InMemoryHomes implements SandboxRuntime {
    final Map<String, Map<String, byte[]>> homes = new ConcurrentHashMap<>();
    final Set<String> running = ConcurrentHashMap.newKeySet();

    Map<String, byte[]> home(String user) {
        return homes.computeIfAbsent(user, u -> new ConcurrentHashMap<>());
    }

    String text(String user, String path) {
        byte[] content = home(user).get(path);
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public Optional<Sandbox> find(String user) {
        return homes.containsKey(user) ? Optional.of(new Sandbox(user, "c-" + user, running.contains(user), "")) : Optional.empty();
    }

    @Override
    public Set<String> runningUsers() {
        return Set.copyOf(running);
    }

    @Override
    public List<Sandbox> list() {
        return homes.keySet().stream().map(u -> find(u).orElseThrow()).toList();
    }

    /** As Docker's archive of a folder: its own name first, then what is under it. */
    @Override
    public InputStream copyFolder(String user, String pathInHome) {
        String top = pathInHome.substring(pathInHome.lastIndexOf('/') + 1);
        Map<String, byte[]> under = new TreeMap<>();
        home(user).forEach((path, content) -> {
            if (path.startsWith(pathInHome + "/")) under.put(top + "/" + path.substring(pathInHome.length() + 1), content);
        });
        if (under.isEmpty()) throw SandboxException.notFound("sandbox.refused.no-folder", pathInHome, user);
        return new ByteArrayInputStream(FileBundle.pack(under));
    }

    @Override
    public HomeRead readInHome(String user, String pathInHome, int most) {
        if (!homes.containsKey(user)) throw SandboxException.notFound("sandbox.refused.none-yet", user);
        byte[] bytes = home(user).get(pathInHome);
        if (bytes == null) throw SandboxException.notFound("sandbox.refused.no-file", pathInHome, user);
        return new HomeRead(bytes.length, bytes.length > most ? null : bytes);
    }

    @Override
    public HomeListing findInHome(String user, String suffix, int most) {
        if (!homes.containsKey(user)) throw SandboxException.notFound("sandbox.refused.none-yet", user);
        List<HomeFile> files = new TreeMap<>(home(user)).entrySet().stream()
                .filter(f -> f.getKey().endsWith(suffix) && !f.getKey().startsWith("."))
                .map(f -> new HomeFile(f.getKey(), f.getValue().length, Instant.EPOCH)).toList();
        return new HomeListing(files.subList(0, Math.min(most, files.size())), files.size() > most);
    }

    @Override
    public void copyInto(String user, String pathInHome, Map<String, String> files) {
        if (!running.contains(user)) throw new SandboxException("sandbox.refused.not-running", user);
        files.forEach((name, content) -> home(user).put(pathInHome + "/" + name, content.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Sandbox start(SandboxSpec spec, Consumer<SpawnEvent> progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean startAhead(SandboxSpec spec, Consumer<SpawnEvent> progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void sleep(String user) {
        throw new UnsupportedOperationException("homes in memory do not sleep");
    }

    @Override
    public String startForThePool(SandboxSpec spec) {
        throw new UnsupportedOperationException("homes in memory have no pool");
    }

    @Override
    public int pooled() {
        return 0;
    }

    @Override
    public void emptyPool() {
    }

    @Override
    public Optional<Woken> wake(SandboxSpec spec) {
        return Optional.empty();
    }

    @Override
    public org.learnbox.bridge.sandbox.DesktopLink openDesktop(String user, java.util.function.Consumer<byte[]> received, Runnable ended) {
        throw new UnsupportedOperationException("homes in memory have no desktop");
    }

    @Override
    public CommandResult run(String user, List<String> command, Duration timeout) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void remove(String user) {
        running.remove(user);
    }

    @Override
    public List<org.learnbox.bridge.sandbox.Machine> machines() {
        return List.of();
    }
}
