package org.learnbox.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kernel_info_reply and history_reply as they go on the wire: serialized by the Gson instance that
 * jjava-jupyter's sockets use for message content, checked against the shapes of the Jupyter protocol.
 */
class RepliesTest {

    private final JavaKernel kernel = TestKernel.get();

    @Test
    void kernelInfoReplySaysOk() {
        JsonObject content = onTheWire(TestKernel.frontend().send(
                new Message<>(null, KernelInfoRequest.MESSAGE_TYPE, new KernelInfoRequest()),
                kernel::handleKernelInfoRequest));

        assertThat(content.get("status").getAsString()).isEqualTo("ok");
        assertThat(content.get("protocol_version").getAsString()).startsWith("5.");
        assertThat(content.get("implementation").getAsString()).isEqualTo(JavaKernel.KERNEL_NAME);
        assertThat(content.get("banner").isJsonPrimitive()).isTrue();
        assertThat(content.getAsJsonObject("language_info").get("name").getAsString()).isEqualTo("java");
    }

    @Test
    void historyReplySaysOkAndSendsTriplesThatRangeCanAskFor() {
        List<String> cells = List.of("int repliesTestA = 6 * 7;", "int repliesTestB = repliesTestA + 1;");
        cells.forEach(TestKernel.frontend()::execute);

        JsonObject tail = history(new HistoryRequest.Tail(false, true, 2));
        assertThat(tail.get("status").getAsString()).isEqualTo("ok");
        JsonArray entries = tail.getAsJsonArray("history");
        assertThat(entries).hasSize(2);
        assertThat(entries).allSatisfy(e -> assertThat(e.getAsJsonArray()).hasSize(3));
        assertThat(entries.asList()).extracting(e -> e.getAsJsonArray().get(2).getAsString())
                .containsExactlyElementsOf(cells);

        JsonArray first = entries.get(0).getAsJsonArray();
        int session = first.get(0).getAsInt();
        int start = first.get(1).getAsInt();
        JsonObject range = history(new HistoryRequest.Range(false, true, session, start, start + 1));
        assertThat(range.get("status").getAsString()).isEqualTo("ok");
        assertThat(range.getAsJsonArray("history")).singleElement().satisfies(e -> {
            assertThat(e.getAsJsonArray().get(0).getAsInt()).isEqualTo(session);
            assertThat(e.getAsJsonArray().get(1).getAsInt()).isEqualTo(start);
            assertThat(e.getAsJsonArray().get(2).getAsString()).isEqualTo(cells.getFirst());
        });

        JsonArray withOutput = history(new HistoryRequest.Tail(true, true, 1)).getAsJsonArray("history");
        assertThat(withOutput.get(0).getAsJsonArray().get(2).getAsJsonArray()).hasSize(2);

        // a search request without "n" reaches the kernel as n = 0: it means every match
        JsonObject search = history(new HistoryRequest.Search(false, true, 0, "int repliesTest*", false));
        assertThat(search.get("status").getAsString()).isEqualTo("ok");
        assertThat(search.getAsJsonArray("history").asList()).extracting(e -> e.getAsJsonArray().get(2).getAsString())
                .containsExactlyElementsOf(cells);
    }

    private JsonObject history(HistoryRequest request) {
        return onTheWire(TestKernel.frontend().send(new Message<>(null, HistoryRequest.MESSAGE_TYPE, request),
                kernel::handleHistoryRequest));
    }

    /** The one reply's content, serialized as jjava-jupyter's JupyterSocket.sendMessage does. */
    private static JsonObject onTheWire(Execution exchange) {
        assertThat(exchange.replies()).hasSize(1);
        Gson gson = libraryGson();
        return gson.fromJson(gson.toJson(exchange.replies().getFirst().getContent()), JsonObject.class);
    }

    private static Gson libraryGson() {
        try {
            Field field = JupyterSocket.class.getDeclaredField("gson");
            field.setAccessible(true);
            return (Gson) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("jjava-jupyter's JupyterSocket no longer has its Gson where this test looks", e);
        }
    }
}
