package org.learnbox.bridge.docker;

import java.util.HashMap;
import java.util.Map;

/**
 * The labels of every container the bridge starts. Images that {@code docker compose build} made
 * carry compose's project and service labels, and a container inherits its image's labels: a
 * learner's sandbox would pass for a container of the compose service {@code sandbox}, which the
 * compose file runs at scale 0, and the next {@code docker compose up} would remove it. Compose's
 * labels are cleared on the container.
 */
public final class ContainerLabels {
    /** Which box a container, volume, network or image is of: boxes side by side on one engine keep apart. */
    public static final String BOX = "org.learnbox.box";
    /** What it is: sandbox, home, app, build, grading, ... */
    public static final String ROLE = "org.learnbox.role";
    /** Whose it is. */
    public static final String USER = "org.learnbox.user";
    /** On a learner's home volume that is a bind onto another volume's folder (one taken from the pool): that volume. */
    public static final String HOME_IN = "org.learnbox.home-in";

    private static final String[] COMPOSE_LABELS = {"com.docker.compose.project", "com.docker.compose.service"};

    private ContainerLabels() {
    }

    public static Map<String, String> of(Map<String, String> own) {
        Map<String, String> labels = new HashMap<>(own);
        for (String label : COMPOSE_LABELS) labels.put(label, "");
        return labels;
    }
}
