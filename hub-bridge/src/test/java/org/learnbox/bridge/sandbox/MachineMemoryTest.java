package org.learnbox.bridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineMemoryTest {
    @Test
    void readsWhatTheKernelSaysIsAvailableInBytes() {
        List<String> meminfo = List.of("MemTotal:       24598880 kB", "MemFree:         1024000 kB", "MemAvailable:   20480000 kB",
                "Buffers:          102400 kB");
        assertThat(MachineMemory.availableIn(meminfo)).hasValue(20_480_000L * 1024);
    }

    @Test
    void saysNothingWhereTheKernelDoesNot() {
        assertThat(MachineMemory.availableIn(List.of("MemTotal:       24598880 kB"))).isEmpty();
    }

    @Test
    void thisMachineHasSomeMemoryAvailable() {
        assertThat(new MachineMemory().available().orElseThrow()).isPositive();
    }
}
