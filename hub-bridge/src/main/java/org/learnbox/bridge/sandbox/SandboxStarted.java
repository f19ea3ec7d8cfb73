package org.learnbox.bridge.sandbox;

/** Published when a learner's sandbox has started (or was found running) for the hub. */
public record SandboxStarted(String user) {}
