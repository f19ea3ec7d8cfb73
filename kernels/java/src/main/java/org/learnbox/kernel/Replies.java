package org.learnbox.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonSerializationContext;
import com.google.gson.JsonSerializer;
import com.google.gson.annotations.JsonAdapter;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

import java.lang.reflect.Type;
import java.util.List;

/**
 * Replies as the Jupyter protocol (5.x) wants them where jjava-jupyter's own fall short. The library turns message
 * content into JSON with Gson, field by field of the content's runtime class, so a subclass's fields go on the wire.
 */
final class Replies {

    private Replies() {
    }

    /** kernel_info_reply with the {@code "status": "ok"} that every reply must carry. */
    static final class KernelInfo extends KernelInfoReply {

        @SuppressWarnings({"unused", "FieldCanBeLocal"}) // read by Gson
        private final String status = "ok";

        KernelInfo(String protocolVersion, String implementation, String implementationVersion,
                   LanguageInfo languageInfo, String banner, List<HelpLink> helpLinks) {
            super(protocolVersion, implementation, implementationVersion, languageInfo, banner, helpLinks);
        }
    }

    /**
     * history_reply with {@code "status": "ok"}, and each entry as the protocol's triple
     * {@code [session, line_number, input]} (or {@code [session, line_number, [input, output]]}): the library's
     * serializer registers its adapter for history entries only for reading replies, so on its own it sends them
     * as objects.
     */
    static final class History extends HistoryReply {

        @SuppressWarnings({"unused", "FieldCanBeLocal"}) // read by Gson
        private final String status = "ok";

        History(List<HistoryEntry> history) {
            super(history.stream().<HistoryEntry>map(Triple::new).toList());
        }
    }

    /** A history entry that Gson writes as the protocol's triple, whatever the declared type of its container. */
    @JsonAdapter(Triple.AsArray.class)
    static final class Triple extends HistoryEntry {

        Triple(HistoryEntry entry) {
            super(entry.getSession(), entry.getCellNumber(), entry.getInput(), entry.getOutput());
        }

        static final class AsArray implements JsonSerializer<Triple> {

            @Override
            public JsonElement serialize(Triple entry, Type type, JsonSerializationContext context) {
                JsonArray triple = new JsonArray();
                triple.add(entry.getSession());
                triple.add(entry.getCellNumber());
                if (entry.hasOutput()) {
                    JsonArray inputAndOutput = new JsonArray();
                    inputAndOutput.add(entry.getInput());
                    inputAndOutput.add(entry.getOutput());
                    triple.add(inputAndOutput);
                } else {
                    triple.add(entry.getInput());
                }
                return triple;
            }
        }
    }
}
