package org.learnbox.bridge.sandbox;

/**
 * Published when a learner's sandbox that slept could not go on as they left it: it starts afresh,
 * their files kept and their kernels' state lost. {@code byTheEngine}: the engine had started it
 * again meanwhile (the machine or Docker restarted); otherwise it could not wake at all (the box
 * was upgraded, or it ended).
 */
public record SandboxStartedAfresh(String user, boolean byTheEngine) {}
