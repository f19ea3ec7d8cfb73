package org.learnbox.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class DataDiskTest {
    @TempDir
    Path data;

    @Test
    void contentIsRefusedInWordsWhileLessThanTheReserveIsFree() {
        DataDisk full = new DataDisk(data, DataSize.ofTerabytes(1000)); // more than any disk here has free
        assertThat(full.hasRoom()).isFalse();
        assertThatThrownBy(full::requireRoom).isInstanceOf(DataDiskFull.class)
                .hasMessage("The box's disk is full, so this could not be saved. What was saved before stays as it was."
                        + " Tell your teacher or the box's admin: once they have made room, try again.");
    }

    @Test
    void aDataFolderNotMadeYetIsAskedAboutThroughTheFolderThatHoldsIt() {
        assertThat(new DataDisk(data.resolve("not/made/yet"), DataSize.ofKilobytes(1)).hasRoom()).isTrue();
    }
}
