package org.learnbox.kernel;

import com.google.gson.JsonElement;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learnbox.kernel.Execution.data;

class DisplayTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void displayShowsHtmlInTheOutputRightAway() {
        Execution run = TestKernel.frontend().execute("display(html(\"<b>bold</b>\"));\nSystem.out.println(\"after\");");

        assertThat(run.displays()).hasSize(1);
        assertThat(data(run.displays().getFirst(), "text/html")).isEqualTo("<b>bold</b>");
        assertThat(run.result()).isEmpty();
    }

    @Test
    void helpersAsTheLastExpressionBecomeTheCellsRichResult() {
        DisplayData markdown = TestKernel.frontend().execute("markdown(\"# Title\")").result().orElseThrow();
        assertThat(data(markdown, "text/markdown")).isEqualTo("# Title");

        DisplayData svg = TestKernel.frontend()
                .execute("svg(\"<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>\")")
                .result().orElseThrow();
        assertThat((String) data(svg, "image/svg+xml")).startsWith("<svg");
    }

    @Test
    void jsonIsSentAsAJsonTreeNotAString() {
        DisplayData fromText = TestKernel.frontend().execute("json(\"{\\\"a\\\": [1, 2]}\")").result().orElseThrow();
        DisplayData fromMap = TestKernel.frontend().execute("json(Map.of(\"a\", List.of(1, 2)))").result().orElseThrow();

        assertThat(data(fromText, "application/json")).isInstanceOf(JsonElement.class);
        assertThat(data(fromText, "application/json").toString()).isEqualTo("{\"a\":[1,2]}");
        assertThat(data(fromMap, "application/json").toString()).isEqualTo("{\"a\":[1,2]}");
    }

    @Test
    void aBufferedImageShowsAsPng() {
        Execution run = TestKernel.frontend().execute("""
                import java.awt.image.BufferedImage;
                var picture = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                picture.setRGB(1, 1, 0xff0000);
                picture""");

        DisplayData result = run.result().orElseThrow();
        assertThat(decode(data(result, "image/png"))).startsWith(PNG_MAGIC);
        assertThat((String) data(result, "text/plain")).startsWith("BufferedImage@");
    }

    @Test
    void displayOfAnImageAndOfPngBytes() {
        Execution run = TestKernel.frontend().execute("""
                var small = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_ARGB);
                display(small);
                var bytes = new ByteArrayOutputStream();
                javax.imageio.ImageIO.write(small, "png", bytes);
                display(png(bytes.toByteArray()));""");

        assertThat(run.status()).isEqualTo("ok");
        assertThat(run.displays()).hasSize(2)
                .allSatisfy(display -> assertThat(decode(data(display, "image/png"))).startsWith(PNG_MAGIC));
    }

    @Test
    void renderAsChosenMimeTypes() {
        Execution run = TestKernel.frontend().execute("display(\"<i>x</i>\", \"text/html\");");

        assertThat(data(run.displays().getFirst(), "text/html")).isEqualTo("<i>x</i>");
    }

    private static byte[] decode(Object base64) {
        return Base64.getDecoder().decode((String) base64);
    }
}
