package org.learnbox.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code %%snippet TITLE [--class|--public]}: saves the cell's code on the box as a Java snippet, private unless
 * told, without running it. The twin of the sandbox's Python {@code %%snippet} (learnbox.py), with the same words.
 */
final class SnippetMagic {

    static final String DEFAULT_TITLE = "A cell";

    private SnippetMagic() {
    }

    /** Saves the body and returns the line to show: where the snippet is, or why it was not saved. */
    static String save(BoxApi box, List<String> args, String body) {
        List<String> unknown = args.stream()
                .filter(word -> word.startsWith("--") && !word.equals("--class") && !word.equals("--public"))
                .toList();
        if (!unknown.isEmpty()) {
            return "learnbox: %%snippet knows --class and --public, not " + String.join(" ", unknown) + ".";
        }
        // Magics pads a cell magic's body with blank lines to keep line numbers; a snippet starts at its code.
        String code = body.replaceFirst("^\n+", "");
        if (code.isBlank()) {
            return "learnbox: There is no code under %%snippet to save.";
        }
        String visibility = args.contains("--public") ? "public" : args.contains("--class") ? "class" : "private";
        String title = args.stream().filter(word -> !word.startsWith("--")).collect(Collectors.joining(" "));
        try {
            JsonObject saved = box.post("/api/snippets", request(title.isBlank() ? DEFAULT_TITLE : title,
                    visibility, code));
            String id = text(saved, "id");
            return "saved as snippet " + id + " (" + text(saved, "visibility") + "): open /s/" + id + " on the box";
        } catch (BoxApi.Refused refused) {
            return "learnbox: " + refused.getMessage();
        }
    }

    private static JsonObject request(String title, String visibility, String code) {
        JsonObject file = new JsonObject();
        file.addProperty("name", "Main.java");
        file.addProperty("content", code);
        JsonArray files = new JsonArray();
        files.add(file);
        JsonObject snippet = new JsonObject();
        snippet.addProperty("title", title);
        snippet.addProperty("language", "java");
        snippet.addProperty("visibility", visibility);
        snippet.add("files", files);
        return snippet;
    }

    private static String text(JsonObject answer, String key) throws BoxApi.Refused {
        JsonElement value = answer.get(key);
        if (value == null || !value.isJsonPrimitive()) {
            throw new BoxApi.Refused("The box's answer has no " + key + ".");
        }
        return value.getAsString();
    }
}
