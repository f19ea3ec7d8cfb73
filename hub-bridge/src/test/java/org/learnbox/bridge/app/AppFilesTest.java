package org.learnbox.bridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

class AppFilesTest {
    /** A folder as Docker's archive call gives it: the folder's own name first. */
    private static byte[] tar(TarArchiveEntry... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (TarArchiveEntry entry : entries) {
                tar.putArchiveEntry(entry);
                if (entry.isFile()) tar.write(new byte[(int) entry.getSize()]);
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    private static TarArchiveEntry file(String name, int size) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        return entry;
    }

    @Test
    void aFolderBecomesItsFilesByRelativePath() throws IOException {
        AppFiles files = AppFiles.fromFolderTar(new ByteArrayInputStream(tar(new TarArchiveEntry("site/"),
                file("site/index.html", 5), new TarArchiveEntry("site/css/"), file("site/css/box.css", 3))), "site", 1000);
        assertThat(files.names()).containsExactly("css/box.css", "index.html");
    }

    @Test
    void linksThatCouldPointOutsideAreRefused() {
        TarArchiveEntry link = new TarArchiveEntry("site/passwd", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("/etc/passwd");
        assertThatThrownBy(() -> AppFiles.fromFolderTar(new ByteArrayInputStream(tar(file("site/index.html", 1), link)), "site", 1000))
                .hasMessage("'site/passwd' is a link; an app's folder may hold only plain files.");
    }

    @Test
    void namesThatEscapeTheFolderAreRefused() {
        AppFiles files = new AppFiles(1000);
        for (String bad : new String[] {"../x", "/etc/passwd", "a/../../b", ".hidden", "a\\b", "a//b"}) {
            assertThatThrownBy(() -> files.add(bad, new byte[0])).as(bad).isInstanceOf(AppException.class);
        }
        assertThat(files.isEmpty()).isTrue();
    }

    @Test
    void anAppLargerThanTheBoxAllowsIsRefusedWithTheLimit() {
        AppFiles files = new AppFiles(2048);
        files.add("a.txt", new byte[2000]);
        assertThatThrownBy(() -> files.add("b.txt", new byte[100]))
                .hasMessageContaining("larger than this box allows for an app (2 KiB)");
    }

    @Test
    void theBuildContextHoldsTheDockerfileAndTheFilesUnderApp() throws IOException {
        AppFiles files = new AppFiles(1000);
        files.add("app.py", "print(1)".getBytes(StandardCharsets.UTF_8));
        byte[] context = files.buildContext("FROM x\n");
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(new ByteArrayInputStream(context))) {
            assertThat(tar.getNextEntry().getName()).isEqualTo("Dockerfile");
            assertThat(tar.getNextEntry().getName()).isEqualTo("app/app.py");
        }
    }
}
