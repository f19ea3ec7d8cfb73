package org.learnbox.bridge.app;

import java.time.Instant;

/** An app's numbers for its owner's page, which asks for them every few seconds. */
public record AppStatus(String state, String why, long requests, Instant lastRequest, long memoryMegabytes,
        long memoryLimitMegabytes) {}
