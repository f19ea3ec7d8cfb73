package org.learnbox.bridge.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxDisksTest {
    @Test
    void theBiggestHomesComeFirstAndAnAppsImageAndLayerAreOneApp() {
        List<BoxUsage.Disk> disks = new ArrayList<>();
        for (int i = 1; i <= 12; i++) disks.add(new BoxUsage.Disk("home", "learner" + i, "lb-home-learner" + i, i * 1000L));
        disks.add(new BoxUsage.Disk("app", "ada", "hello", 5000));
        disks.add(new BoxUsage.Disk("app", "ada", "hello", 700));
        disks.add(new BoxUsage.Disk("app", "bob", "shop", 9000));

        BoxDisks.Measured measured = BoxDisks.measure(disks, Instant.EPOCH);

        assertThat(measured.homes()).hasSize(BoxDisks.SHOWN).first().extracting(BoxUsage.Disk::owner).isEqualTo("learner12");
        assertThat(measured.homes().getLast().owner()).isEqualTo("learner3");
        assertThat(measured.homesCount()).isEqualTo(12);
        assertThat(measured.homesBytes()).isEqualTo(78_000);
        assertThat(measured.apps()).containsExactly(new BoxUsage.Disk("app", "bob", "shop", 9000), new BoxUsage.Disk("app", "ada", "hello", 5700));
        assertThat(measured.appsBytes()).isEqualTo(14_700);
    }
}
