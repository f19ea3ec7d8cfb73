package org.learnbox.bridge.work;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.learnbox.bridge.config.Refusal;
import org.learnbox.bridge.config.Words;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A student's notebook (nbformat 4) as a teacher's page shows it, read-only. The file is the
 * student's and is treated as hostile: only {@link Cell#html()} may be written unescaped
 * (th:utext), as it is markdown rendered with raw HTML escaped and unsafe links emptied; every
 * other string is plain text for th:text, and an image is a data: URI of bytes checked to be a PNG
 * or JPEG. What a view holds is bounded whatever the file holds.
 */
public final class NotebookView {
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    public static final int MAX_CELLS = 500;
    /** Characters of one source or one text output; past it the text ends with {@link #CUT_MARK}. */
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_IMAGE_BASE64 = 2 * 1024 * 1024;
    /** Outputs of one code cell; Jupyter merges a stream's writes, so more come from a loop of displays. */
    public static final int MAX_OUTPUTS = 100;
    public static final String CUT_MARK = "\n… (cut)";
    /** Rendered markdown can be far longer than its source (a reference repeats its link): past this it is shown as text. */
    static final int MAX_HTML = 200_000;
    /** GFM pads every table row to the header's columns while parsing, so columns times rows is checked before. */
    static final long MAX_TABLE_CELLS = 20_000;
    /** All a view keeps (sources, HTML, texts, images); the cells past it are left out. */
    static final long MAX_PAGE_CHARS = 16_000_000;
    /** An output's text is read this far before its escape codes go, so that cutting does not split one. */
    private static final int RAW_TEXT = 4 * MAX_TEXT;

    /**
     * One cell; {@code type} is "markdown", "code" or "raw". {@code html} is set for markdown only,
     * and is null when the markdown was too large to render: the page then shows {@code source}.
     */
    public record Cell(String type, String source, String html, Integer executionCount, List<Output> outputs) {
        long size() {
            return 100 + source.length() + (html == null ? 0 : html.length())
                    + outputs.stream().mapToLong(Output::size).sum();
        }
    }

    /** {@code kind} is "text", "error", "image" (then only {@code imageDataUri} is set) or "note" (what is not shown, said in words). */
    public record Output(String kind, String text, String imageDataUri) {
        long size() {
            return 100 + (text == null ? 0 : text.length()) + (imageDataUri == null ? 0 : imageDataUri.length());
        }
    }

    /** A file that is not a notebook this page can show; the words are for the teacher. */
    public static final class Unreadable extends Refusal {
        Unreadable(String key) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, key);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Extension> MARKDOWN = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(MARKDOWN).build();
    // The default sanitizer also lets data: through, which can carry a page of its own.
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(MARKDOWN)
            .escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto"))).build();
    private static final Pattern ANSI =
            Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|[@-Z\\\\-_])");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private final String language;
    private final List<Cell> cells;
    private final boolean cut;

    private NotebookView(String language, List<Cell> cells, boolean cut) {
        this.language = language;
        this.cells = cells;
        this.cut = cut;
    }

    /** The kernel's language as the notebook names it ("python", "java"), or "". */
    public String language() {
        return language;
    }

    public List<Cell> cells() {
        return cells;
    }

    /** Whether cells were left out because of the bounds. */
    public boolean cut() {
        return cut;
    }

    /** The notebook with its notes (what is not shown) in English. */
    public static NotebookView read(byte[] ipynb) {
        return read(ipynb, Words::english);
    }

    /** The notebook with its notes in words {@code say} gives for their keys (the reader's language). */
    public static NotebookView read(byte[] ipynb, Function<String, String> say) {
        if (ipynb == null || ipynb.length == 0) throw new Unreadable("work.refused.empty");
        if (ipynb.length > MAX_FILE_BYTES) throw new Unreadable("work.refused.too-large");
        JsonNode notebook;
        try {
            notebook = JSON.readTree(ipynb);
        } catch (JacksonException notJson) {
            throw new Unreadable("work.refused.not-json");
        }
        if (notebook == null || !notebook.isObject()) throw new Unreadable("work.refused.not-notebook");
        JsonNode cells = notebook.get("cells");
        if ((cells == null || cells.isNull()) && notebook.has("worksheets"))
            throw new Unreadable("work.refused.old-format");
        if (cells == null || cells.isNull()) throw new Unreadable("work.refused.no-cells");
        if (!cells.isArray()) throw new Unreadable("work.refused.cells-not-list");

        List<Cell> shown = new ArrayList<>();
        long used = 0;
        boolean cut = false;
        for (JsonNode cell : cells) {
            if (!cell.isObject()) continue;
            if (shown.size() == MAX_CELLS) {
                cut = true;
                break;
            }
            Cell read = cell(cell);
            used += read.size();
            if (used > MAX_PAGE_CHARS) {
                cut = true;
                break;
            }
            shown.add(read);
        }
        return new NotebookView(language(notebook.path("metadata")), shown.stream().map(c -> said(c, say)).toList(), cut);
    }

    private static String language(JsonNode metadata) {
        String named = string(metadata.path("kernelspec").get("language"));
        if (named.isBlank()) named = string(metadata.path("language_info").get("name"));
        named = named.strip();
        return named.length() > 40 ? named.substring(0, 40) : named;
    }

    private static Cell cell(JsonNode cell) {
        String source = cut(joined(cell.get("source"), MAX_TEXT), false);
        return switch (string(cell.get("cell_type"))) {
            case "markdown" -> new Cell("markdown", source, html(source), null, List.of());
            case "code" -> new Cell("code", source, null, executionCount(cell.get("execution_count")), outputs(cell.get("outputs")));
            default -> new Cell("raw", source, null, null, List.of());
        };
    }

    private static Integer executionCount(JsonNode count) {
        return count != null && count.isIntegralNumber() && count.canConvertToInt() ? count.intValue() : null;
    }

    private static List<Output> outputs(JsonNode outputs) {
        if (outputs == null || !outputs.isArray()) return List.of();
        List<Output> shown = new ArrayList<>();
        for (JsonNode output : outputs) {
            if (shown.size() == MAX_OUTPUTS) {
                shown.add(note("work.note.more-outputs"));
                break;
            }
            shown.add(output(output));
        }
        return List.copyOf(shown);
    }

    private static Output output(JsonNode output) {
        return switch (string(output.get("output_type"))) {
            case "stream" -> new Output("text", plain(joined(output.get("text"), RAW_TEXT)), null);
            case "error" -> new Output("error", plain(errorText(output)), null);
            case "execute_result", "display_data" -> data(output.path("data"));
            default -> note("work.note.unknown");
        };
    }

    /** The richest kind that is safe: an image, else plain text; HTML, SVG and JavaScript are never kept. */
    private static Output data(JsonNode data) {
        for (String mime : List.of("image/png", "image/jpeg")) {
            if (data.has(mime)) return image(mime, data.get(mime));
        }
        if (data.has("text/plain")) return new Output("text", plain(joined(data.get("text/plain"), RAW_TEXT)), null);
        if (data.has("text/html")) return note("work.note.html");
        if (data.has("application/javascript") || data.has("text/javascript")) return note("work.note.javascript");
        if (data.has("image/svg+xml")) return note("work.note.svg");
        return note("work.note.unknown");
    }

    private static Output image(String mime, JsonNode value) {
        // Line breaks in the base64 are allowed, so room for them is read before they go.
        String raw = joined(value, 2 * MAX_IMAGE_BASE64);
        String base64 = raw.replaceAll("\\s+", "");
        if (raw.length() > 2 * MAX_IMAGE_BASE64 || base64.length() > MAX_IMAGE_BASE64) return note("work.note.image-too-large");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return note("work.note.image-unreadable");
        }
        if (!startsLike(mime, bytes)) return note("work.note.image-unreadable");
        // Encoded again, so the URI holds base64 characters only, whatever was around them.
        return new Output("image", null, "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes));
    }

    private static boolean startsLike(String mime, byte[] bytes) {
        if (mime.equals("image/png")) {
            return bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
        }
        return bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF;
    }

    private static String errorText(JsonNode error) {
        StringBuilder text = new StringBuilder(string(error.get("ename"))).append(": ").append(string(error.get("evalue")));
        JsonNode traceback = error.get("traceback");
        if (traceback != null && traceback.isArray()) {
            for (JsonNode line : traceback) {
                if (text.length() > RAW_TEXT) break;
                text.append('\n').append(string(line));
            }
        }
        return text.length() > RAW_TEXT + 1 ? text.substring(0, RAW_TEXT + 1) : text.toString();
    }

    /** A note holds its key until {@link #said} puts words in its place. */
    private static Output note(String key) {
        return new Output("note", key, null);
    }

    private static Cell said(Cell cell, Function<String, String> say) {
        if (cell.outputs().stream().noneMatch(o -> o.kind().equals("note"))) return cell;
        return new Cell(cell.type(), cell.source(), cell.html(), cell.executionCount(), cell.outputs().stream()
                .map(o -> o.kind().equals("note") ? new Output("note", say.apply(o.text()), null) : o).toList());
    }

    /** Markdown as HTML with the student's own HTML escaped; null when rendering it would not stay small. */
    private static String html(String markdown) {
        if (tableCellsAtMost(markdown) > MAX_TABLE_CELLS) return null;
        BoundedHtml html = new BoundedHtml();
        try {
            HTML.render(PARSER.parse(markdown), html);
            return html.toString();
        } catch (BoundedHtml.Full full) {
            return null;
        }
    }

    /**
     * At least as many table cells as parsing would make: a table's columns are those of its
     * delimiter row (pipes, dashes, colons, behind quote or list marks) and its rows are lines.
     */
    static long tableCellsAtMost(String markdown) {
        long lines = 0;
        int columns = 0;
        for (String line : markdown.split("\n", -1)) {
            lines++;
            if (line.indexOf('|') >= 0 && line.indexOf('-') >= 0 && line.chars().allMatch(c -> " \t|:->*+.)0123456789\r".indexOf(c) >= 0)) {
                columns = Math.max(columns, (int) line.chars().filter(c -> c == '|').count() + 1);
            }
        }
        return columns * lines;
    }

    /** An output's text without terminal escape codes and control characters, cut to {@link #MAX_TEXT}. */
    private static String plain(String raw) {
        String text = ANSI.matcher(raw).replaceAll("").replace("\r\n", "\n").replace('\r', '\n');
        return cut(CONTROL.matcher(text).replaceAll(""), raw.length() > RAW_TEXT);
    }

    private static String cut(String text, boolean longer) {
        if (text.length() <= MAX_TEXT && !longer) return text;
        int end = Math.min(text.length(), MAX_TEXT);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end) + CUT_MARK;
    }

    /** A string, or a list of strings joined (nbformat allows both): at most {@code cap} characters and one more, to tell it was longer. */
    private static String joined(JsonNode node, int cap) {
        if (node == null) return "";
        if (!node.isArray()) {
            String text = string(node);
            return text.length() > cap + 1 ? text.substring(0, cap + 1) : text;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : node) {
            if (text.length() > cap) break;
            text.append(string(part));
        }
        return text.length() > cap + 1 ? text.substring(0, cap + 1) : text.toString();
    }

    private static String string(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : "";
    }

    /** Where rendered HTML goes; it stops the rendering once past {@link #MAX_HTML}. */
    private static final class BoundedHtml implements Appendable {
        private static final class Full extends RuntimeException {
            Full() {
                super("rendered markdown too long", null, false, false);
            }
        }

        private final StringBuilder html = new StringBuilder();

        @Override
        public Appendable append(CharSequence text) {
            return append(text, 0, text.length());
        }

        @Override
        public Appendable append(CharSequence text, int start, int end) {
            if (html.length() + (end - start) > MAX_HTML) throw new Full();
            html.append(text, start, end);
            return this;
        }

        @Override
        public Appendable append(char c) {
            if (html.length() + 1 > MAX_HTML) throw new Full();
            html.append(c);
            return this;
        }

        @Override
        public String toString() {
            return html.toString();
        }
    }
}
