package org.learnbox.kernel;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** %%snippet against a box of the test's own: a JDK HTTP server on a free port. */
class SnippetMagicTest {

    private static final String TOKEN = "test-hub-token";

    /** One request as the box received it. */
    record Received(String method, String path, String authorization, String contentType, String accept,
                    JsonObject body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 201;
    private volatile String refusal;
    private HttpServer box;

    @BeforeEach
    void startBox() throws IOException {
        box = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        box.createContext("/", this::answer);
        box.start();
    }

    @AfterEach
    void stopBox() {
        box.stop(0);
        TestKernel.get().magics().useBox(BoxApi.fromEnvironment());
    }

    @Test
    void savesTheCellAsAJavaSnippetWithoutRunningIt() {
        useBox(Map.of("LEARNBOX_URL", boxUrl(), "JUPYTERHUB_API_TOKEN", TOKEN));
        String code = "for (int i = 0; i < 3; i++) {\n    System.out.println(\"ran \" + i);\n}\n";

        Execution run = TestKernel.frontend().execute("%%snippet My first loop --class\n" + code);

        assertThat(run.status()).isEqualTo("ok");
        assertThat(run.stdout()).isEqualTo("saved as snippet k3x9 (class): open /s/k3x9 on the box\n");
        assertThat(received).hasSize(1);
        Received request = received.getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/snippets");
        assertThat(request.authorization()).isEqualTo("token " + TOKEN);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.accept()).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo(JsonParser.parseString("""
                {"title": "My first loop", "language": "java", "visibility": "class",
                 "files": [{"name": "Main.java", "content": %s}]}""".formatted(jsonString(code))));
    }

    @Test
    void aSnippetIsPrivateUnlessToldAndHasATitleEvenWithoutOne() {
        useBox(Map.of("LEARNBOX_URL", boxUrl() + "/", "JUPYTERHUB_API_TOKEN", TOKEN));

        Execution untitled = TestKernel.frontend().execute("%%snippet\nint x = 1;");
        Execution shared = TestKernel.frontend().execute("%%snippet \"For everyone\" --public\nint y = 2;");

        assertThat(untitled.stdout()).isEqualTo("saved as snippet k3x9 (private): open /s/k3x9 on the box\n");
        assertThat(received.get(0).path()).isEqualTo("/api/snippets");
        assertThat(received.get(0).body().get("title").getAsString()).isEqualTo("A cell");
        assertThat(received.get(0).body().get("visibility").getAsString()).isEqualTo("private");
        assertThat(received.get(1).body().get("title").getAsString()).isEqualTo("For everyone");
        assertThat(shared.stdout()).contains("(public)");
    }

    @Test
    void aRefusalShowsTheBoxsOwnWords() {
        useBox(Map.of("LEARNBOX_URL", boxUrl(), "JUPYTERHUB_API_TOKEN", TOKEN));
        status = 400;
        refusal = "{\"message\": \"A snippet's title has 1 to 80 characters; this one has 95.\"}";

        Execution refused = TestKernel.frontend().execute("%%snippet " + "x".repeat(95) + "\nint z = 3;");
        status = 500;
        refusal = "<html>Internal error</html>";
        Execution broken = TestKernel.frontend().execute("%%snippet Loop\nint z = 3;");

        assertThat(refused.status()).isEqualTo("ok");
        assertThat(refused.stdout())
                .isEqualTo("learnbox: A snippet's title has 1 to 80 characters; this one has 95.\n");
        assertThat(broken.stdout()).isEqualTo("learnbox: The box answered 500.\n");
    }

    @Test
    void aBoxThatDoesNotAnswerIsSaidInWords() {
        // nothing listens on port 9
        useBox(Map.of("LEARNBOX_URL", "http://127.0.0.1:9", "JUPYTERHUB_API_TOKEN", TOKEN));

        Execution run = TestKernel.frontend().execute("%%snippet Loop\nint z = 3;");

        assertThat(run.status()).isEqualTo("ok");
        assertThat(run.stdout()).startsWith("learnbox: The box does not answer (")
                .as("the sandbox's own address of the box means nothing to a learner").doesNotContain("127.0.0.1")
                .containsIgnoringCase("refused").contains("tell your teacher if it goes on")
                .hasLineCount(1);
    }

    @Test
    void withoutATokenNothingIsSent() {
        useBox(Map.of("LEARNBOX_URL", boxUrl()));

        Execution run = TestKernel.frontend().execute("%%snippet Loop\nint z = 3;");

        assertThat(run.stdout()).isEqualTo(
                "learnbox: There is no JupyterHub token here: run this inside your LearnBox sandbox.\n");
        assertThat(received).isEmpty();
    }

    @Test
    void unknownOptionsAndAnEmptyCellAreRefusedBeforeAskingTheBox() {
        useBox(Map.of("LEARNBOX_URL", boxUrl(), "JUPYTERHUB_API_TOKEN", TOKEN));

        assertThat(TestKernel.frontend().execute("%%snippet Loop --everyone\nint z = 3;").stdout())
                .isEqualTo("learnbox: %%snippet knows --class and --public, not --everyone.\n");
        assertThat(TestKernel.frontend().execute("%%snippet Loop\n\n  \n").stdout())
                .isEqualTo("learnbox: There is no code under %%snippet to save.\n");
        assertThat(received).isEmpty();
    }

    @Test
    void theBoxIsTheDockerHostUnlessTheEnvironmentSaysOtherwise() {
        assertThat(new BoxApi(Map.of()).baseUrl()).isEqualTo("http://host.docker.internal:8000");
        assertThat(new BoxApi(Map.of("LEARNBOX_URL", "http://box.school:8000/")).baseUrl())
                .isEqualTo("http://box.school:8000");
    }

    private void useBox(Map<String, String> environment) {
        TestKernel.get().magics().useBox(new BoxApi(environment));
    }

    private String boxUrl() {
        return "http://127.0.0.1:" + box.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonObject body = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8)).getAsJsonObject();
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Accept"), body));
        String answer = status / 100 == 2
                ? "{\"id\": \"k3x9\", \"title\": " + jsonString(body.get("title").getAsString())
                        + ", \"visibility\": " + jsonString(body.get("visibility").getAsString()) + "}"
                : refusal;
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String jsonString(String text) {
        return new com.google.gson.JsonPrimitive(text).toString();
    }
}
