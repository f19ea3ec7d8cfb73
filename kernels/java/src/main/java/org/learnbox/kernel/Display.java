package org.learnbox.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * The display API of a notebook cell; every cell has {@code import static org.learnbox.kernel.Display.*}.
 * <pre>
 * display(image);                        // a BufferedImage shows as PNG
 * display(html("&lt;b&gt;bold&lt;/b&gt;"));
 * markdown("# Title")                     // as the last line of a cell, shown as its result
 * </pre>
 */
public final class Display {

    private static final Gson GSON = new Gson();

    private Display() {
    }

    /** Shows a value in the cell's output now, rendered the richest way the kernel knows. */
    public static void display(Object value) {
        kernel().display(kernel().toDisplayData(value, String.valueOf(value)));
    }

    /** Shows a value as the given MIME types only, e.g. {@code display("<b>x</b>", "text/html")}. */
    public static void display(Object value, String... mimeTypes) {
        kernel().display(render(value, mimeTypes));
    }

    /** Renders a value as the given MIME types without showing it. */
    public static DisplayData render(Object value, String... mimeTypes) {
        return kernel().getRenderer().renderAs(value, mimeTypes);
    }

    public static DisplayData html(String html) {
        return withText("text/html", html, "HTML");
    }

    public static DisplayData markdown(String markdown) {
        return withText("text/markdown", markdown, markdown);
    }

    public static DisplayData svg(String svg) {
        return withText("image/svg+xml", svg, "SVG image");
    }

    /** JSON text, or any object (maps, lists, records) turned into JSON. Frontends show it as a tree. */
    public static DisplayData json(Object value) {
        Object tree = value instanceof CharSequence text
                ? JsonParser.parseString(text.toString())
                : GSON.toJsonTree(value);
        return withText("application/json", tree, GSON.toJson(tree));
    }

    /** PNG bytes, as read from a file or made by {@link ImageIO}. */
    public static DisplayData png(byte[] png) {
        return withText("image/png", Base64.getEncoder().encodeToString(png), "PNG image");
    }

    public static DisplayData image(RenderedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png(png.toByteArray());
    }

    /** A PNG, JPEG, GIF or SVG file, chosen by its extension. */
    public static DisplayData image(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".svg")) {
                return svg(Files.readString(file));
            }
            String mime = name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg"
                    : name.endsWith(".gif") ? "image/gif"
                    : "image/png";
            return withText(mime, Base64.getEncoder().encodeToString(Files.readAllBytes(file)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DisplayData withText(String mime, Object data, String text) {
        DisplayData display = new DisplayData(text);
        display.putData(mime, data);
        return display;
    }

    private static JavaKernel kernel() {
        return (JavaKernel) BaseKernel.notebookKernel();
    }
}
