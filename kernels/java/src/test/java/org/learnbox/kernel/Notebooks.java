package org.learnbox.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** .ipynb files for tests, in nbformat 4 as JupyterLab writes them. */
final class Notebooks {

    private Notebooks() {
    }

    static Path write(Path dir, String name, JsonObject... cells) throws IOException {
        JsonObject notebook = new JsonObject();
        JsonArray list = new JsonArray();
        for (JsonObject cell : cells) {
            list.add(cell);
        }
        notebook.add("cells", list);
        JsonObject kernelspec = new JsonObject();
        kernelspec.addProperty("name", "java");
        kernelspec.addProperty("display_name", "Java");
        kernelspec.addProperty("language", "java");
        JsonObject metadata = new JsonObject();
        metadata.add("kernelspec", kernelspec);
        notebook.add("metadata", metadata);
        notebook.addProperty("nbformat", 4);
        notebook.addProperty("nbformat_minor", 5);
        return Files.writeString(dir.resolve(name), notebook.toString());
    }

    /** A code cell with its source as one string. */
    static JsonObject code(String source) {
        JsonObject cell = cell("code", new JsonPrimitive(source));
        cell.add("outputs", new JsonArray());
        cell.add("execution_count", null);
        return cell;
    }

    /** A code cell with its source as a list of lines, the way Jupyter saves it. */
    static JsonObject code(List<String> lines) {
        JsonArray source = new JsonArray();
        lines.forEach(source::add);
        JsonObject cell = cell("code", source);
        cell.add("outputs", new JsonArray());
        return cell;
    }

    static JsonObject markdown(String source) {
        return cell("markdown", new JsonPrimitive(source));
    }

    static JsonObject raw(String source) {
        return cell("raw", new JsonPrimitive(source));
    }

    private static JsonObject cell(String type, com.google.gson.JsonElement source) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", type);
        cell.add("metadata", new JsonObject());
        cell.add("source", source);
        return cell;
    }
}
