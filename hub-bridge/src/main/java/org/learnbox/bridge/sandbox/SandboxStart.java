package org.learnbox.bridge.sandbox;

/**
 * A started sandbox, and whether it is one that slept: its server still holds the token the hub
 * gave it before, which the hub's spawner then keeps using.
 */
public record SandboxStart(Sandbox sandbox, boolean resumed) {}
