package org.learnbox.bridge.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Debian's docker-registry, run on this machine's loopback with its storage in target: the kind of
 * registry a school keeps. The engine trusts a loopback registry without TLS, as Docker does.
 */
final class Registry implements AutoCloseable {
    private final Process process;
    private final Path folder;
    final String address;

    private Registry(Process process, Path folder, String address) {
        this.process = process;
        this.folder = folder;
        this.address = address;
    }

    static Registry start(int port) throws Exception {
        Path folder = RunningBox.projectRoot().resolve("hub-bridge/target/registry-" + port);
        Shell.Result wiped = NestedEngines.hostShell().run(Duration.ofMinutes(1), null, "rm", "-rf", folder.toString());
        wiped.requireSuccess();
        Files.createDirectories(folder.resolve("data"));
        Path config = folder.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                """.formatted(folder.resolve("data"), port));
        Process process = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("registry.log").toFile()).start();
        Registry registry = new Registry(process, folder, "localhost:" + port);
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return registry;
            } catch (java.io.IOException notYet) {
                // still starting
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                registry.close();
                throw new AssertionError("the registry did not answer:\n" + Files.readString(folder.resolve("registry.log")));
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        process.destroy();
        NestedEngines.hostShell().run(Duration.ofMinutes(2), null, "rm", "-rf", folder.toString());
    }
}
