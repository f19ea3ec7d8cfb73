package org.learnbox.bridge.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * The memory this machine has left for new work, as its kernel counts it (MemAvailable: free
 * memory and the caches it can drop). A container sees its host's /proc/meminfo.
 */
@Component
class MachineMemory {
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    /** Bytes available, or empty where the machine does not say (no /proc/meminfo). */
    OptionalLong available() {
        try {
            return availableIn(Files.readAllLines(MEMINFO));
        } catch (IOException notLinux) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong availableIn(List<String> meminfo) {
        return meminfo.stream()
                .filter(line -> line.startsWith("MemAvailable:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024) // the kernel counts kB
                .findFirst();
    }
}
