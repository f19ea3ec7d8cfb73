package org.learnbox.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged kernel jar in a JVM of its own, driven over its real ZeroMQ sockets with signed messages, as
 * JupyterLab drives it. Run by failsafe, after the jar is built.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KernelWireIT {

    private static final Duration REPLY = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static Process kernel;
    private static WireClient client;

    @BeforeAll
    static void startKernel() throws Exception {
        Path jar = Path.of(System.getProperty("kernel.jar", "target/learnbox-java-kernel.jar"));
        assertThat(jar).exists();
        client = new WireClient();
        Path connection = client.writeConnectionFile(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        kernel = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Duser.home=" + dir.resolve("home"), "-jar", jar.toString(), connection.toString())
                .redirectOutput(dir.resolve("kernel.out").toFile())
                .redirectError(dir.resolve("kernel.err").toFile())
                .start();
        client.connect();
    }

    @AfterAll
    static void stopKernel() throws Exception {
        if (kernel != null && kernel.isAlive()) {
            kernel.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (client != null) {
            client.close();
        }
    }

    @Test
    @Order(1)
    void answersKernelInfo() {
        // iopub only delivers once the subscription has reached the kernel: ask until its status comes through
        WireClient.Msg reply = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            String id = client.sendShell("kernel_info_request", new JsonObject());
            reply = client.shellReply(id, REPLY);
            try {
                client.iopub(id, m -> m.type().equals("status"), Duration.ofMillis(500));
                break;
            } catch (AssertionError notYetSubscribed) {
                // try again
            }
        }

        assertThat(reply.type()).isEqualTo("kernel_info_reply");
        assertThat(reply.content().get("status").getAsString()).isEqualTo("ok");
        assertThat(reply.content().get("protocol_version").getAsString()).startsWith("5.");
        JsonObject language = reply.content().getAsJsonObject("language_info");
        assertThat(language.get("name").getAsString()).isEqualTo("java");
        assertThat(language.get("file_extension").getAsString()).isEqualTo(".java");
    }

    @Test
    @Order(2)
    void executesAndPublishesTheResult() {
        String id = client.sendShell("execute_request", WireClient.executeContent("1 + 1"));

        List<WireClient.Msg> published = client.iopubUntilIdle(id, REPLY);
        WireClient.Msg reply = client.shellReply(id, REPLY);

        assertThat(published).extracting(WireClient.Msg::type)
                .containsExactly("status", "execute_input", "execute_result", "status");
        assertThat(published.getFirst().content().get("execution_state").getAsString()).isEqualTo("busy");
        assertThat(published.get(1).content().get("code").getAsString()).isEqualTo("1 + 1");
        assertThat(published.get(2).content().getAsJsonObject("data").get("text/plain").getAsString())
                .isEqualTo("2");
        assertThat(reply.type()).isEqualTo("execute_reply");
        assertThat(reply.content().get("status").getAsString()).isEqualTo("ok");
        assertThat(reply.content().get("execution_count").getAsInt())
                .isEqualTo(published.get(2).content().get("execution_count").getAsInt());
    }

    @Test
    @Order(3)
    void streamsPrintedOutput() {
        String id = client.sendShell("execute_request",
                WireClient.executeContent("System.out.println(\"hello over the wire\");"));

        List<WireClient.Msg> published = client.iopubUntilIdle(id, REPLY);

        assertThat(published).filteredOn(m -> m.type().equals("stream"))
                .extracting(m -> m.content().get("name").getAsString() + ":" + m.content().get("text").getAsString())
                .containsExactly("stdout:hello over the wire\n");
        assertThat(client.shellReply(id, REPLY).content().get("status").getAsString()).isEqualTo("ok");
    }

    @Test
    @Order(5)
    void linesPrintedWhileACellRunsArriveBeforeItEnds() {
        // The cell prints, then waits for an answer that the test gives only once the line has arrived.
        String id = client.sendShell("execute_request", WireClient.executeContent(
                "System.out.println(\"before the question\");\nnew Scanner(System.in).nextLine();\n"
                        + "System.out.println(\"after\");", true));

        WireClient.Msg first = client.iopub(id, m -> m.type().equals("stream"), REPLY);
        assertThat(first.content().get("text").getAsString()).isEqualTo("before the question\n");
        client.inputRequest(REPLY);
        client.inputReply("go on");

        assertThat(client.iopubUntilIdle(id, REPLY)).filteredOn(m -> m.type().equals("stream"))
                .extracting(m -> m.content().get("text").getAsString())
                .containsExactly("after\n");
        client.shellReply(id, REPLY);
    }

    @Test
    @Order(5)
    void richOutputGoesOutAsDisplayData() {
        String id = client.sendShell("execute_request", WireClient.executeContent("""
                var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
                display(image);
                html("<b>bold</b>")
                """));

        List<WireClient.Msg> published = client.iopubUntilIdle(id, REPLY);

        WireClient.Msg picture = published.stream().filter(m -> m.type().equals("display_data")).findFirst().orElseThrow();
        assertThat(picture.content().getAsJsonObject("data").get("image/png").getAsString()).startsWith("iVBORw0KGgo");
        WireClient.Msg result = published.stream().filter(m -> m.type().equals("execute_result")).findFirst().orElseThrow();
        assertThat(result.content().getAsJsonObject("data").get("text/html").getAsString()).isEqualTo("<b>bold</b>");
        client.shellReply(id, REPLY);
    }

    @Test
    @Order(5)
    void standardInputAsksTheNotebookOverTheStdinChannel() {
        String id = client.sendShell("execute_request", WireClient.executeContent(
                "String name = new Scanner(System.in).nextLine();\n\"Hello, \" + name", true));

        WireClient.Msg question = client.inputRequest(REPLY);
        assertThat(question.content().get("password").getAsBoolean()).isFalse();
        client.inputReply("Ada");

        List<WireClient.Msg> published = client.iopubUntilIdle(id, REPLY);
        assertThat(published).filteredOn(m -> m.type().equals("execute_result"))
                .extracting(m -> m.content().getAsJsonObject("data").get("text/plain").getAsString())
                .containsExactly("\"Hello, Ada\"");
        client.shellReply(id, REPLY);
    }

    @Test
    @Order(5)
    void aCompileErrorPointsAtTheCellsLineAndColumn() {
        String id = client.sendShell("execute_request", WireClient.executeContent("int x = 1;\nint y = x +;"));

        List<WireClient.Msg> published = client.iopubUntilIdle(id, REPLY);

        StringBuilder traceback = new StringBuilder();
        published.stream().filter(m -> m.type().equals("error")).findFirst().orElseThrow()
                .content().getAsJsonArray("traceback").forEach(line -> traceback.append(line.getAsString()).append('\n'));
        assertThat(traceback.toString().replaceAll("\u001b\\[[0-9;]*m", ""))
                .contains("Compilation error in line 2, column").containsPattern("\\|\\s+\\^");
        assertThat(client.shellReply(id, REPLY).content().get("status").getAsString()).isEqualTo("error");
    }

    @Test
    @Order(5)
    void completeInspectAndIsCompleteAnswerOverTheWire() {
        JsonObject complete = new JsonObject();
        complete.addProperty("code", "Math.ma");
        complete.addProperty("cursor_pos", 7);
        WireClient.Msg completed = client.shellReply(client.sendShell("complete_request", complete), REPLY);
        assertThat(completed.content().getAsJsonArray("matches").toString()).contains("max(");
        assertThat(completed.content().get("cursor_start").getAsInt()).isEqualTo(5);

        JsonObject inspect = new JsonObject();
        inspect.addProperty("code", "Math.max(1, 2)");
        inspect.addProperty("cursor_pos", 6);
        inspect.addProperty("detail_level", 0);
        WireClient.Msg inspected = client.shellReply(client.sendShell("inspect_request", inspect), REPLY);
        assertThat(inspected.content().get("found").getAsBoolean()).isTrue();
        assertThat(inspected.content().getAsJsonObject("data").get("text/plain").getAsString()).contains("max(");

        JsonObject open = new JsonObject();
        open.addProperty("code", "for (int i = 0; i < 3; i++) {");
        WireClient.Msg incomplete = client.shellReply(client.sendShell("is_complete_request", open), REPLY);
        assertThat(incomplete.content().get("status").getAsString()).isEqualTo("incomplete");
        JsonObject whole = new JsonObject();
        whole.addProperty("code", "int z = 3;");
        assertThat(client.shellReply(client.sendShell("is_complete_request", whole), REPLY)
                .content().get("status").getAsString()).isEqualTo("complete");
    }

    @Test
    @Order(4)
    void answersHistoryWithTriplesThatRangeCanAskFor() {
        String cell = "System.out.println(\"hello over the wire\");"; // the cell before
        JsonObject tail = new JsonObject();
        tail.addProperty("output", false);
        tail.addProperty("raw", true);
        tail.addProperty("hist_access_type", "tail");
        tail.addProperty("n", 1);

        WireClient.Msg reply = client.shellReply(client.sendShell("history_request", tail), REPLY);

        assertThat(reply.type()).isEqualTo("history_reply");
        assertThat(reply.content().get("status").getAsString()).isEqualTo("ok");
        JsonArray last = reply.content().getAsJsonArray("history").get(0).getAsJsonArray();
        assertThat(last).hasSize(3);
        assertThat(last.get(2).getAsString()).isEqualTo(cell);

        JsonObject range = new JsonObject();
        range.addProperty("output", false);
        range.addProperty("raw", true);
        range.addProperty("hist_access_type", "range");
        range.addProperty("session", last.get(0).getAsInt());
        range.addProperty("start", last.get(1).getAsInt());
        range.addProperty("stop", last.get(1).getAsInt() + 1);

        WireClient.Msg ranged = client.shellReply(client.sendShell("history_request", range), REPLY);

        assertThat(ranged.content().get("status").getAsString()).isEqualTo("ok");
        assertThat(ranged.content().getAsJsonArray("history")).singleElement()
                .satisfies(entry -> assertThat(entry).isEqualTo(last));
    }

    @Test
    @Order(6)
    void interruptStopsAnEndlessLoop() {
        client.shellReply(client.sendShell("execute_request", WireClient.executeContent("int survivor = 41;")), REPLY);
        String loop = client.sendShell("execute_request", WireClient.executeContent("while (true) {}"));
        client.iopub(loop, m -> m.type().equals("execute_input"), REPLY);

        String interrupt = client.sendControl("interrupt_request", new JsonObject());

        assertThat(client.controlReply(interrupt, REPLY).type()).isEqualTo("interrupt_reply");
        WireClient.Msg stopped = client.shellReply(loop, Duration.ofSeconds(10));
        assertThat(stopped.content().get("status").getAsString()).isEqualTo("error");
        String after = client.sendShell("execute_request", WireClient.executeContent("survivor + 1"));
        List<WireClient.Msg> published = client.iopubUntilIdle(after, REPLY);
        assertThat(published).filteredOn(m -> m.type().equals("execute_result"))
                .extracting(m -> m.content().getAsJsonObject("data").get("text/plain").getAsString())
                .containsExactly("42");
    }

    @Test
    @Order(7)
    void systemExitIsRefusedAndTheKernelLivesOn() {
        String id = client.sendShell("execute_request", WireClient.executeContent("System.exit(0);"));

        List<WireClient.Msg> published = client.iopubUntilIdle(id, REPLY);

        assertThat(client.shellReply(id, REPLY).content().get("status").getAsString()).isEqualTo("error");
        assertThat(published).filteredOn(m -> m.type().equals("error"))
                .extracting(m -> m.content().get("traceback").toString())
                .singleElement().asString().contains("System.exit is not available in a notebook");
        assertThat(kernel.isAlive()).isTrue();
    }

    @Test
    @Order(8)
    void mavenMagicWorksInThePackagedKernel() {
        // the child JVM's user.home is the test's folder, so this fills a fresh ~/.m2 from Maven Central
        String id = client.sendShell("execute_request", WireClient.executeContent(
                "%maven org.apache.commons:commons-lang3:3.17.0\n"
                        + "org.apache.commons.lang3.StringUtils.reverse(\"avaj\")"));

        List<WireClient.Msg> published = client.iopubUntilIdle(id, Duration.ofSeconds(120));

        assertThat(published).filteredOn(m -> m.type().equals("execute_result"))
                .extracting(m -> m.content().getAsJsonObject("data").get("text/plain").getAsString())
                .containsExactly("\"java\"");
        assertThat(dir.resolve("home/.m2/repository/org/apache/commons/commons-lang3/3.17.0")).isDirectory();
    }

    @Test
    @Order(9)
    void shutdownEndsTheProcess() throws Exception {
        JsonObject content = new JsonObject();
        content.addProperty("restart", false);

        String id = client.sendControl("shutdown_request", content);

        assertThat(client.controlReply(id, REPLY).type()).isEqualTo("shutdown_reply");
        assertThat(kernel.waitFor(15, TimeUnit.SECONDS)).as("kernel process ended").isTrue();
        assertThat(kernel.exitValue()).isZero();
        assertThat(kernel.toHandle().descendants()).isEmpty();
        assertThat(Files.readString(dir.resolve("kernel.err"))).doesNotContain("Exception in thread");
    }
}
