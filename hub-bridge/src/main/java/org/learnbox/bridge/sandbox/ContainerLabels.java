package org.learnbox.bridge.sandbox;

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
    private static final String[] COMPOSE_LABELS = {"com.docker.compose.project", "com.docker.compose.service"};

    private ContainerLabels() {
    }

    public static Map<String, String> of(Map<String, String> own) {
        Map<String, String> labels = new HashMap<>(own);
        for (String label : COMPOSE_LABELS) labels.put(label, "");
        return labels;
    }
}
