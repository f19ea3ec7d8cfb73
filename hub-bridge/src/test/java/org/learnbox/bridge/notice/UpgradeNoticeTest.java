package org.learnbox.bridge.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpgradeNoticeTest {
    @TempDir
    Path data;

    private final Notices notices = new Notices();

    private UpgradeNotice upgradeNotice() {
        return new UpgradeNotice(notices, null, null, data.resolve("last-run"));
    }

    @Test
    void aFirstStartSaysNothingAndASecondOfTheSameSaysNothing() throws Exception {
        upgradeNotice().compare("1.0 built A, schema 6", "version 1.0, database schema 6");
        upgradeNotice().compare("1.0 built A, schema 6", "version 1.0, database schema 6");
        assertThat(notices.current()).isEmpty();
        assertThat(Files.readString(data.resolve("last-run"))).isEqualTo("1.0 built A, schema 6\n");
    }

    @Test
    void aStartOfSomethingElseTellsEveryoneOnce() throws Exception {
        upgradeNotice().compare("1.0 built A, schema 6", "version 1.0, database schema 6");
        upgradeNotice().compare("1.0 built B, schema 7", "version 1.0, database schema 7");
        upgradeNotice().compare("1.0 built B, schema 7", "version 1.0, database schema 7");
        assertThat(notices.current()).singleElement().extracting(Notices.Notice::message).asString()
                .startsWith("LearnBox was upgraded (version 1.0, database schema 7). Your files and running notebooks are kept.");
        assertThat(Files.readString(data.resolve("last-run"))).isEqualTo("1.0 built B, schema 7\n");
    }
}
