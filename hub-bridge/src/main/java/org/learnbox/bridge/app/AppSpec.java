package org.learnbox.bridge.app;

import java.util.Map;

/** One app's container, decided once from the box's settings, its owner and its manifest. */
public record AppSpec(
        String user,
        String name,
        String image,
        String containerName,
        Map<String, String> labels,
        double cpus,
        long memoryBytes,
        long pids,
        String network,
        int port) {}
