package org.learnbox.bridge.sandbox;

/** Published when the hub finds a learner's server answering: their lab is open, or about to be. */
public record SandboxAnswering(String user) {}
