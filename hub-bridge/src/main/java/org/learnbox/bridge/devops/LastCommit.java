package org.learnbox.bridge.devops;

import java.time.Instant;

/** A branch's newest commit as the dashboard shows it. */
public record LastCommit(String shortId, String firstLine, Instant when) {}
