package org.learnbox.bridge.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.work.NotebookView.Cell;
import org.learnbox.bridge.work.NotebookView.Output;
import tools.jackson.databind.json.JsonMapper;

class NotebookViewTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Tags commonmark writes for markdown and tables; anything else came from the student. */
    private static final Set<String> RENDERED_TAGS = Set.of("p", "a", "img", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead",
            "tbody", "tr", "th", "td", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "hr", "br");

    @Test
    void readsAnOrdinaryPythonNotebook() throws IOException {
        byte[] png = png();
        String base64 = Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(png) + "\n";
        NotebookView view = NotebookView.read(notebook(
                markdown(List.of("# Results\n", "\n", "| name | score |\n", "|---|---|\n", "| Ada | 3 |\n")),
                code(List.of("import sys\n", "print('hi')"), 3,
                        stream("stdout", List.of("hi\n", "there\n")),
                        result(Map.of("text/plain", "42")),
                        display(Map.of("image/png", base64, "text/plain", "<Figure size 640x480 with 1 Axes>")),
                        error("ZeroDivisionError", "division by zero",
                                List.of("\u001b[0;31m---------\u001b[0m", "\u001b[0;31mZeroDivisionError\u001b[0m: division by zero")))));

        assertThat(view.language()).isEqualTo("python");
        assertThat(view.cut()).isFalse();
        assertThat(view.cells()).hasSize(2);

        Cell text = view.cells().get(0);
        assertThat(text.type()).isEqualTo("markdown");
        assertThat(text.source()).isEqualTo("# Results\n\n| name | score |\n|---|---|\n| Ada | 3 |\n");
        assertThat(text.html()).contains("<h1>Results</h1>", "<table>", "<th>name</th>", "<td>Ada</td>", "<td>3</td>");
        assertThat(text.outputs()).isEmpty();

        Cell code = view.cells().get(1);
        assertThat(code.type()).isEqualTo("code");
        assertThat(code.source()).isEqualTo("import sys\nprint('hi')");
        assertThat(code.html()).isNull();
        assertThat(code.executionCount()).isEqualTo(3);
        assertThat(code.outputs()).hasSize(4);
        assertThat(code.outputs().get(0)).isEqualTo(new Output("text", "hi\nthere\n", null));
        assertThat(code.outputs().get(1)).isEqualTo(new Output("text", "42", null));
        Output image = code.outputs().get(2);
        assertThat(image.kind()).isEqualTo("image");
        assertThat(image.text()).isNull();
        assertThat(image.imageDataUri()).startsWith("data:image/png;base64,").doesNotContain("\n");
        assertThat(Base64.getDecoder().decode(image.imageDataUri().substring("data:image/png;base64,".length()))).isEqualTo(png);
        assertThat(code.outputs().get(3)).isEqualTo(new Output("error",
                "ZeroDivisionError: division by zero\n---------\nZeroDivisionError: division by zero", null));
    }

    @Test
    void languageComesFromLanguageInfoWhenTheKernelSpecHasNone() {
        Map<String, Object> notebook = Map.of("metadata", Map.of("language_info", Map.of("name", "java")), "cells", List.of());
        assertThat(NotebookView.read(JSON.writeValueAsBytes(notebook)).language()).isEqualTo("java");
        assertThat(NotebookView.read(JSON.writeValueAsBytes(Map.of("cells", List.of()))).language()).isEmpty();
    }

    @Test
    void markdownFromTheStudentCannotRunInTheTeachersBrowser() {
        String hostile = """
                <script>alert(1)</script>

                <img src=x onerror=alert(1)>

                Links: [x](javascript:alert(1)) [y](JaVaScRiPt:alert(2)) [w](&#106;avascript:alert(3)) <javascript:alert(4)>
                [z](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ![i](javascript:alert(5))

                <a href="javascript:alert(6)" onclick="alert(7)">a</a> <svg onload=alert(8)>

                [fine](https://example.org/?a="b")
                """;
        String html = NotebookView.read(notebook(markdown(hostile))).cells().get(0).html();

        assertThat(html).doesNotContain("<script", "<img src=x", "<svg", "<a href=\"javascript")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).containsPattern(">x</a>").containsPattern(">y</a>").containsPattern(">z</a>");
        assertThat(html).doesNotContainPattern("(?i)(href|src)\\s*=\\s*\"\\s*(javascript|data|vbscript):")
                .doesNotContainPattern("(?i)<[a-z][^>]*\\son[a-z]+\\s*=");
        assertThat(html).contains(">fine</a>", "href=\"https://example.org/?a=&quot;b&quot;\"");
        assertThat(tags(html)).isSubsetOf(RENDERED_TAGS);
    }

    @Test
    void htmlScriptAndSvgOutputsAreNotKept() {
        NotebookView view = NotebookView.read(notebook(code("df", 1,
                display(Map.of("text/html", "<b onmouseover=alert(1)>bold</b>")),
                result(Map.of("text/html", "<table><tr><td onclick=alert(1)>1</td></tr></table>", "text/plain", "   a\n0  1")),
                display(Map.of("application/javascript", "alert(1)")),
                display(Map.of("image/svg+xml", "<svg onload=alert(1)></svg>")),
                display(Map.of("application/x-unknown", "?")),
                Map.of("output_type", "something_else"))));

        assertThat(view.cells().get(0).outputs()).containsExactly(
                new Output("note", "An HTML output, not shown here.", null),
                new Output("text", "   a\n0  1", null),
                new Output("note", "A JavaScript output, not shown here.", null),
                new Output("note", "An SVG image, not shown here.", null),
                new Output("note", "An output that cannot be shown here.", null),
                new Output("note", "An output that cannot be shown here.", null));
    }

    @Test
    void anImageThatIsNotCleanlyAPngOrJpegBecomesANote() {
        String notAPng = Base64.getEncoder().encodeToString("<svg onload=alert(1)></svg>".getBytes(StandardCharsets.UTF_8));
        NotebookView view = NotebookView.read(notebook(code("plot()", 2,
                display(Map.of("image/png", "iVBORw0KGgo!!not*base64")),
                display(Map.of("image/png", notAPng)),
                display(Map.of("image/jpeg", notAPng)))));

        assertThat(view.cells().get(0).outputs()).hasSize(3).allSatisfy(output -> {
            assertThat(output.kind()).isEqualTo("note");
            assertThat(output.text()).isEqualTo("An image that cannot be read, not shown here.");
            assertThat(output.imageDataUri()).isNull();
        });
    }

    @Test
    void anImageOverTheBoundIsNotShown() {
        byte[] big = new byte[NotebookView.MAX_IMAGE_BASE64 / 4 * 3 + 3];
        big[0] = (byte) 0x89;
        big[1] = 'P';
        big[2] = 'N';
        big[3] = 'G';
        Output output = NotebookView.read(notebook(code("plot()", 2,
                display(Map.of("image/png", Base64.getEncoder().encodeToString(big)))))).cells().get(0).outputs().get(0);

        assertThat(output).isEqualTo(new Output("note", "An image too large to show here.", null));
    }

    @Test
    void sourceIsAStringOrAListOfStrings() {
        NotebookView view = NotebookView.read(notebook(
                code("x = 1\ny = 2", null), code(List.of("x = 1\n", "y = 2"), null),
                raw(List.of("plain ", "<b>text</b>")), Map.of("cell_type", "markdown")));

        assertThat(view.cells()).extracting(Cell::source).containsExactly("x = 1\ny = 2", "x = 1\ny = 2", "plain <b>text</b>", "");
        assertThat(view.cells().get(0).executionCount()).isNull();
        assertThat(view.cells().get(2).type()).isEqualTo("raw");
        assertThat(view.cells().get(2).html()).isNull();
    }

    @Test
    void atMostFiveHundredCellsAreKept() {
        Object[] cells = new Object[600];
        for (int i = 0; i < cells.length; i++) cells[i] = code("print(" + i + ")", i + 1);
        NotebookView view = NotebookView.read(notebook(cells));

        assertThat(view.cells()).hasSize(NotebookView.MAX_CELLS);
        assertThat(view.cells().get(499).source()).isEqualTo("print(499)");
        assertThat(view.cut()).isTrue();
    }

    @Test
    void longTextsAreCutAndSaySo() {
        String long50k = "x".repeat(50_000);
        Cell cell = NotebookView.read(notebook(code(long50k, 1,
                stream("stdout", long50k), error("E", long50k, List.of()), result(Map.of("text/plain", List.of(long50k, long50k)))))).cells().get(0);

        assertThat(cell.source()).isEqualTo("x".repeat(NotebookView.MAX_TEXT) + "\n… (cut)");
        assertThat(cell.outputs()).hasSize(3).allSatisfy(output -> {
            assertThat(output.text()).hasSize(NotebookView.MAX_TEXT + NotebookView.CUT_MARK.length()).endsWith("\n… (cut)");
        });
        assertThat(cell.outputs().get(0).text()).startsWith("xxxx");
        assertThat(cell.outputs().get(1).text()).startsWith("E: xxxx");
    }

    @Test
    void aCellKeepsABoundedNumberOfOutputs() {
        Object[] outputs = new Object[150];
        for (int i = 0; i < outputs.length; i++) outputs[i] = stream("stdout", i + "\n");
        List<Output> kept = NotebookView.read(notebook(code("loop()", 1, outputs))).cells().get(0).outputs();

        assertThat(kept).hasSize(NotebookView.MAX_OUTPUTS + 1);
        assertThat(kept.get(99)).isEqualTo(new Output("text", "99\n", null));
        assertThat(kept.get(100)).isEqualTo(new Output("note", "More outputs, not shown here.", null));
    }

    @Test
    void aTableThatWouldGrowHugeIsShownAsText() {
        // GFM pads each row to the header's 2,400 columns: 5,000 rows would be twelve million cells.
        String bomb = "|a".repeat(2_400) + "|\n" + "|-".repeat(2_400) + "|\n" + "a\n".repeat(5_000);
        Cell cell = NotebookView.read(notebook(markdown(bomb))).cells().get(0);

        assertThat(cell.html()).isNull();
        assertThat(cell.source()).isEqualTo(bomb);
    }

    @Test
    void markdownThatRendersFarLongerThanItsSourceIsShownAsText() {
        // One long link, referred to a thousand times.
        String repeats = "[a]: https://example.org/" + "y".repeat(15_000) + "\n\n" + "[a] ".repeat(1_000);
        Cell cell = NotebookView.read(notebook(markdown(repeats))).cells().get(0);

        assertThat(cell.html()).isNull();
        assertThat(cell.source()).isEqualTo(repeats);
    }

    @Test
    void theWholePageIsBounded() {
        // Each cell renders to just under the HTML bound; together they pass the page's.
        String cell = "[a]: https://example.org/" + "y".repeat(1_000) + "\n\n" + "[a] ".repeat(190);
        Object[] cells = new Object[100];
        for (int i = 0; i < cells.length; i++) cells[i] = markdown(cell);
        NotebookView view = NotebookView.read(notebook(cells));

        assertThat(view.cells().get(0).html()).isNotNull().hasSizeGreaterThan(190_000);
        assertThat(view.cells()).hasSizeLessThan(100);
        assertThat(view.cells().stream().mapToLong(c -> c.source().length() + c.html().length()).sum())
                .isLessThanOrEqualTo(NotebookView.MAX_PAGE_CHARS);
        assertThat(view.cut()).isTrue();
    }

    @Test
    void whatIsNotANotebookIsRefusedInWords() {
        assertRefused("print('hello')".getBytes(StandardCharsets.UTF_8), "This file is not a notebook: it is not JSON.");
        assertRefused("{\"cells\": [".getBytes(StandardCharsets.UTF_8), "This file is not a notebook: it is not JSON.");
        assertRefused("[1, 2]".getBytes(StandardCharsets.UTF_8), "This file is not a notebook: it is JSON, but not a notebook.");
        assertRefused("{\"metadata\": {}}".getBytes(StandardCharsets.UTF_8), "This notebook has no cells list.");
        assertRefused("{\"cells\": {\"0\": {}}}".getBytes(StandardCharsets.UTF_8), "This notebook's cells are not a list.");
        assertRefused("{\"worksheets\": []}".getBytes(StandardCharsets.UTF_8),
                "This notebook is in an old format (before nbformat 4) that cannot be shown here.");
        assertRefused(new byte[0], "This file is empty: it is not a notebook.");
        assertRefused(new byte[NotebookView.MAX_FILE_BYTES + 1], "This notebook is too large to show here (over 10 MiB).");
    }

    private static void assertRefused(byte[] file, String words) {
        assertThatThrownBy(() -> NotebookView.read(file)).isInstanceOf(NotebookView.Unreadable.class).hasMessage(words);
    }

    private static Set<String> tags(String html) {
        Set<String> tags = new TreeSet<>();
        Matcher tag = Pattern.compile("</?([A-Za-z][A-Za-z0-9]*)").matcher(html);
        while (tag.find()) tags.add(tag.group(1).toLowerCase());
        return tags;
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, Color.RED.getRGB());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static byte[] notebook(Object... cells) {
        Map<String, Object> notebook = new LinkedHashMap<>();
        notebook.put("nbformat", 4);
        notebook.put("nbformat_minor", 5);
        notebook.put("metadata", Map.of("kernelspec", Map.of("name", "python3", "display_name", "Python 3", "language", "python")));
        notebook.put("cells", List.of(cells));
        return JSON.writeValueAsBytes(notebook);
    }

    private static Map<String, Object> markdown(Object source) {
        return Map.of("cell_type", "markdown", "metadata", Map.of(), "source", source);
    }

    private static Map<String, Object> raw(Object source) {
        return Map.of("cell_type", "raw", "metadata", Map.of(), "source", source);
    }

    private static Map<String, Object> code(Object source, Integer count, Object... outputs) {
        Map<String, Object> cell = new HashMap<>();
        cell.put("cell_type", "code");
        cell.put("metadata", Map.of());
        cell.put("source", source);
        cell.put("execution_count", count);
        cell.put("outputs", new ArrayList<>(List.of(outputs)));
        return cell;
    }

    private static Map<String, Object> stream(String name, Object text) {
        return Map.of("output_type", "stream", "name", name, "text", text);
    }

    private static Map<String, Object> result(Map<String, Object> data) {
        return Map.of("output_type", "execute_result", "execution_count", 1, "metadata", Map.of(), "data", data);
    }

    private static Map<String, Object> display(Map<String, Object> data) {
        return Map.of("output_type", "display_data", "metadata", Map.of(), "data", data);
    }

    private static Map<String, Object> error(String name, String value, List<String> traceback) {
        return Map.of("output_type", "error", "ename", name, "evalue", value, "traceback", traceback);
    }
}
