package org.learnbox.bridge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the init service keeps the box's secrets: a volume mounted into the box's own services. */
final class BoxSecrets {
    static final String DIR = "/run/learnbox";

    private BoxSecrets() {}

    /** The secret the bridge's admin API asks for: from the environment where given, else the init's file. */
    static String sharedSecret() {
        String given = System.getenv("LEARNBOX_SHARED_SECRET");
        if (given != null && !given.isBlank()) return given;
        try {
            return Files.readString(Path.of(DIR, InitCommand.SHARED_SECRET)).strip();
        } catch (IOException e) {
            return null;
        }
    }
}
