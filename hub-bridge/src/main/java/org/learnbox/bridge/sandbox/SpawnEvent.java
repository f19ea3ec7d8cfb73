package org.learnbox.bridge.sandbox;

/** One step of a spawn, as shown on JupyterHub's spawn page. */
public record SpawnEvent(int progress, String message, boolean failed) {
    public static SpawnEvent step(int progress, String message) {
        return new SpawnEvent(progress, message, false);
    }

    public static SpawnEvent failure(String message) {
        return new SpawnEvent(100, message, true);
    }
}
