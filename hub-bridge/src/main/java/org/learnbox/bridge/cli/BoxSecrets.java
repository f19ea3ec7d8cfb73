package org.learnbox.bridge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.learnbox.bridge.config.SecretFiles;

/** The box's secrets as the command line reads them. */
final class BoxSecrets {

    private BoxSecrets() {}

    /** The secret the bridge's admin API asks for: from the environment where given, else the init's file. */
    static String sharedSecret() {
        String given = System.getenv("LEARNBOX_SHARED_SECRET");
        if (given != null && !given.isBlank()) return given;
        try {
            return Files.readString(Path.of(SecretFiles.DIR, SecretFiles.SHARED_SECRET)).strip();
        } catch (IOException e) {
            return null;
        }
    }
}
