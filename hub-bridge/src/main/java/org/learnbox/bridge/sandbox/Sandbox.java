package org.learnbox.bridge.sandbox;

/** A learner's sandbox as the runtime sees it; {@code url} is where the hub reaches its server. */
public record Sandbox(String user, String id, boolean running, String url) {}
