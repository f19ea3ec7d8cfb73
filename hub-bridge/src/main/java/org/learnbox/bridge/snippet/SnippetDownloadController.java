package org.learnbox.bridge.snippet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A snippet's files to keep: the file itself when there is one, else a zip of them all. Always
 * as an attachment of an opaque type, never shown inline: a snippet's HTML must not run on the
 * box's own origin, where it could read the person's session.
 */
@Controller
class SnippetDownloadController {
    private final SnippetService snippets;

    SnippetDownloadController(SnippetService snippets) {
        this.snippets = snippets;
    }

    @GetMapping("/s/{id}/download")
    ResponseEntity<byte[]> download(@PathVariable String id, @RequestParam(required = false) Integer version,
            Principal principal) {
        String viewer = SnippetPagesController.viewer(principal);
        SnippetView snippet = version == null ? snippets.read(id, viewer) : snippets.read(id, version, viewer);
        if (snippet.files().size() == 1) {
            SnippetFile only = snippet.files().getFirst();
            return attachment(only.name(), MediaType.APPLICATION_OCTET_STREAM, only.content().getBytes(StandardCharsets.UTF_8));
        }
        return attachment(snippet.id() + "-v" + snippet.version() + ".zip", MediaType.valueOf("application/zip"), zip(snippet));
    }

    private static byte[] zip(SnippetView snippet) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (SnippetFile file : snippet.files()) {
                zip.putNextEntry(new ZipEntry(file.name()));
                zip.write(file.content().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static ResponseEntity<byte[]> attachment(String name, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(type)
                .body(body);
    }
}
