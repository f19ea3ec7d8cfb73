package org.learnbox.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jupyter notebook file (nbformat 4) as the {@link NotebookRunner} needs it: the source of its code cells, in order.
 * Markdown and raw cells are left out, and so are empty code cells, which Jupyter does not run either.
 */
record Notebook(String name, List<String> codeCells) {

    static Notebook read(Path file) throws Unreadable {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new Unreadable(name + " does not exist.");
        } catch (CharacterCodingException e) {
            throw new Unreadable(name + " is not a notebook: it is not UTF-8 text.");
        } catch (AccessDeniedException e) {
            throw new Unreadable("Cannot read " + name + ": you are not allowed to read it.");
        } catch (IOException e) {
            throw new Unreadable("Cannot read " + name + (Files.isDirectory(file) ? ": it is a folder." : ": " + e));
        }
        if (text.isBlank()) {
            throw new Unreadable(name + " is empty; a notebook is JSON.");
        }
        JsonObject root = parse(name, text);
        JsonElement format = root.get("nbformat");
        if (format == null || !format.isJsonPrimitive() || !format.getAsJsonPrimitive().isNumber()
                || format.getAsDouble() != 4) {
            throw new Unreadable(name + " is not an nbformat 4 notebook (nbformat is "
                    + (format == null ? "missing" : format) + ").");
        }
        String language = language(root);
        if (language != null && !language.equalsIgnoreCase("java")) {
            throw new Unreadable(name + " is a " + language + " notebook; this runs Java notebooks.");
        }
        if (!(root.get("cells") instanceof JsonArray cells)) {
            throw new Unreadable(name + " is not an nbformat 4 notebook: it has no list of cells.");
        }
        List<String> code = new ArrayList<>();
        for (JsonElement element : cells) {
            if (!(element instanceof JsonObject cell) || !isText(cell.get("cell_type"))) {
                throw new Unreadable(name + " is not an nbformat 4 notebook: a cell has no cell_type.");
            }
            if (cell.get("cell_type").getAsString().equals("code")) {
                String source = source(name, cell.get("source"));
                if (!source.isBlank()) {
                    code.add(source);
                }
            }
        }
        return new Notebook(name, List.copyOf(code));
    }

    /** Strict JSON, as Jupyter writes it: Gson's lenient default would read plain text as a string. */
    private static JsonObject parse(String name, String text) throws Unreadable {
        JsonElement root;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(reader);
            reader.peek(); // more after the end is a mistake too
        } catch (JsonParseException | IOException e) {
            // Gson's messages are advice to programmers; the learner needs the place
            Matcher place = Pattern.compile("line (\\d+) column (\\d+)").matcher(String.valueOf(e.getMessage()));
            throw new Unreadable(name + " is not valid JSON" + (place.find()
                    ? ": the first mistake is at line " + place.group(1) + ", column " + place.group(2) + "."
                    : "."));
        }
        if (!root.isJsonObject()) {
            throw new Unreadable(name + " is not a Jupyter notebook: it is JSON, but not an object.");
        }
        return root.getAsJsonObject();
    }

    /** The language the notebook says it is in, if it says. */
    private static String language(JsonObject root) {
        if (root.get("metadata") instanceof JsonObject metadata) {
            if (metadata.get("kernelspec") instanceof JsonObject spec && isText(spec.get("language"))) {
                return spec.get("language").getAsString();
            }
            if (metadata.get("language_info") instanceof JsonObject info && isText(info.get("name"))) {
                return info.get("name").getAsString();
            }
        }
        return null;
    }

    /** A cell's source: one string, or the list of its lines (each with its own line end). */
    private static String source(String name, JsonElement source) throws Unreadable {
        if (isText(source)) {
            return source.getAsString();
        }
        if (source instanceof JsonArray lines && lines.asList().stream().allMatch(Notebook::isText)) {
            StringBuilder text = new StringBuilder();
            lines.forEach(line -> text.append(line.getAsString()));
            return text.toString();
        }
        throw new Unreadable(name + " is not an nbformat 4 notebook: a code cell has no source.");
    }

    private static boolean isText(JsonElement element) {
        return element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isString();
    }

    /** The file cannot be run as a notebook; the message says why, in words. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
