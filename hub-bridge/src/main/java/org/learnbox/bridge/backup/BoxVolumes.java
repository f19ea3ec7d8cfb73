package org.learnbox.bridge.backup;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * What of the box a backup reads, and a restore writes, through Docker: learners' homes (a tar
 * each, read while they work), the hub's database, Keycloak's, the box's secrets, and which of
 * the box's services run.
 */
public interface BoxVolumes {
    /** The learners of this box who have a home, by name. */
    List<String> learners();

    /** Writes a tar of the learner's home, owners and modes kept; a file written meanwhile is taken as it stands. */
    void export(String learner, OutputStream tar);

    /** Makes the learner's home anew from a tar that {@link #export} wrote. */
    void replace(String learner, InputStream tar);

    /** Removes every sandbox and home of this box, for a restore that replaces what the box holds. */
    void removeAll();

    /** Writes a consistent copy of the running hub's database; false when the box has no hub running. */
    boolean exportHubDatabase(OutputStream database);

    /** Puts the hub's database back into its volume, with the hub stopped. */
    void replaceHubDatabase(InputStream database);

    /**
     * Writes a tar of Keycloak's database (realms, accounts, their passwords), copied with Keycloak
     * paused so that none of its writes lands halfway; false when the box runs no Keycloak.
     */
    boolean exportKeycloak(OutputStream tar);

    /** Puts Keycloak's database back into its volume from a tar that {@link #exportKeycloak} wrote, with Keycloak stopped. */
    void replaceKeycloak(InputStream tar);

    /** Puts the box's secrets back into their volume (a file each, by name), with the box stopped. */
    void replaceSecrets(Map<String, byte[]> files);

    /** The box's own services that run now (bridge, hub, proxy, gateway, keycloak): a restore needs them stopped. */
    List<String> runningServices();
}
