package org.learnbox.bridge.sandbox;

import java.time.Instant;

/** A file of a learner's home: its path in the home, size and last change. */
public record HomeFile(String path, long size, Instant modified) {}
