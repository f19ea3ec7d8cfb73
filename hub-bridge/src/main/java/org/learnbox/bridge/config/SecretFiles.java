package org.learnbox.bridge.config;

import java.util.List;

/** The box's secrets as the init service keeps them: a file each, in a volume the box's own services mount read-only. */
public final class SecretFiles {
    public static final String DIR = "/run/learnbox";
    public static final String SHARED_SECRET = "shared-secret";
    public static final String OIDC_CLIENT_SECRET = "oidc-client-secret";
    public static final String ADMIN_PASSWORD = "admin-password";
    /** On a cluster: the password of the role learnbox on the stack's PostgreSQL (the bridge's and the hub's). */
    public static final String POSTGRES_PASSWORD = "postgres-password";
    /** What a backup keeps: the secrets the box's services and Keycloak share (the first admin's password is the database's by then). */
    public static final List<String> KEPT = List.of(SHARED_SECRET, OIDC_CLIENT_SECRET);

    private SecretFiles() {}
}
