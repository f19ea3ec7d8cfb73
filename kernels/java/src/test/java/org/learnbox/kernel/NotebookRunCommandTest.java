package org.learnbox.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learnbox.kernel.Notebooks.code;
import static org.learnbox.kernel.Notebooks.markdown;

/** {@code KernelMain run NOTEBOOK} as a process of its own, on the tests' classpath, as a published app runs it. */
class NotebookRunCommandTest {

    private static final String SERVER_CELL = """
            import com.sun.net.httpserver.HttpServer;
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] page = ("hello from a notebook at " + exchange.getRequestURI().getPath()).getBytes();
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
                if (exchange.getRequestURI().getPath().equals("/stop")) {
                    new Thread(() -> server.stop(0)).start();
                }
            });
            server.start();
            """;

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void aNotebookThatStartsAServerServesAfterItsLastCellAndEndsWhenTheServerStops() throws Exception {
        Path file = Notebooks.write(dir, "site.ipynb",
                markdown("# My site"),
                code(SERVER_CELL),
                code("System.out.println(\"serving on port \" + server.getAddress().getPort());"));

        Process runner = start("run", file.toString());
        try {
            BlockingQueue<String> lines = linesOf(runner);
            String serving = lines.poll(120, TimeUnit.SECONDS);
            assertThat(serving).as(stderr()).isNotNull().startsWith("serving on port ");
            int port = Integer.parseInt(serving.substring("serving on port ".length()));

            // every cell has run, and the process is still there, serving
            assertThat(get(port, "/hello")).isEqualTo("hello from a notebook at /hello");
            assertThat(runner.isAlive()).isTrue();

            assertThat(get(port, "/stop")).isEqualTo("hello from a notebook at /stop");
            assertThat(runner.waitFor(60, TimeUnit.SECONDS)).as("ends once the server has stopped").isTrue();
            assertThat(runner.exitValue()).as(stderr()).isZero();
        } finally {
            runner.destroyForcibly();
        }
    }

    @Test
    @Timeout(120)
    void systemExitInACellEndsTheRunWithItsStatus() throws Exception {
        Path file = Notebooks.write(dir, "quits.ipynb",
                code("System.out.println(\"leaving\");\nif (1 < 2) System.exit(3);"),
                code("System.out.println(\"never printed\");"));

        Process runner = start("run", file.toString());
        BlockingQueue<String> lines = linesOf(runner);

        assertThat(runner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(runner.exitValue()).as(stderr()).isEqualTo(3);
        assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("leaving");
        assertThat(lines.poll(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    @Timeout(120)
    void theCommandLineSaysHowToUseItAndRefusesWhatIsNoNotebook() throws Exception {
        Process nothing = start();
        assertThat(nothing.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(nothing.exitValue()).isEqualTo(2);
        assertThat(stderr()).isEqualTo(KernelMain.USAGE + "\n");

        Path missing = dir.resolve("missing.ipynb");
        Process refused = start("run", missing.toString());
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).isEqualTo(2);
        assertThat(stderr()).isEqualTo(missing + " does not exist.\n");
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                KernelMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    private String stderr() throws IOException {
        Path file = dir.resolve("stderr.txt");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** The process's stdout lines as they come, read on a thread of their own so that waiting has a bound. */
    private static BlockingQueue<String> linesOf(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader reader = process.inputReader()) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process is gone
            }
        });
        return lines;
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
