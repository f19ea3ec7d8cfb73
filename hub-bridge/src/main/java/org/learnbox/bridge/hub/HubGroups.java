package org.learnbox.bridge.hub;

import java.util.List;

/** The JupyterHub groups a person belongs to (their classes), which the hub's authenticator mirrors. */
public interface HubGroups {
    List<String> groupsOf(String user);
}
