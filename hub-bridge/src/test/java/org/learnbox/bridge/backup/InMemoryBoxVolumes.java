package org.learnbox.bridge.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Homes, the hub's and Keycloak's databases and the secrets as bytes, for tests of what a backup and a restore do with them. */
final class InMemoryBoxVolumes implements BoxVolumes {
    final Map<String, byte[]> homes = new TreeMap<>();
    final List<String> running = new ArrayList<>();
    boolean removedAll;
    byte[] hubDatabase;
    byte[] keycloak;
    final Map<String, byte[]> secrets = new TreeMap<>();
    /** When set, an export waits for it: a backup that is still being written. */
    java.util.concurrent.CountDownLatch slowExport;

    @Override
    public List<String> learners() {
        return List.copyOf(homes.keySet());
    }

    @Override
    public void export(String learner, OutputStream tar) {
        try {
            if (slowExport != null) slowExport.await();
            byte[] home = homes.get(learner);
            if (home == null) {
                tar.write(new byte[4096]);
                throw BackupException.notWritten("the backups' folder", new IOException("No space left on device"));
            }
            tar.write(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void replace(String learner, InputStream tar) {
        try {
            homes.put(learner, tar.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void removeAll() {
        removedAll = true;
        homes.clear();
    }

    @Override
    public boolean exportHubDatabase(OutputStream database) {
        if (hubDatabase == null) return false;
        try {
            database.write(hubDatabase);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    @Override
    public void replaceHubDatabase(InputStream database) {
        try {
            hubDatabase = database.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exportKeycloak(OutputStream tar) {
        if (keycloak == null) return false;
        try {
            tar.write(keycloak);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    @Override
    public void replaceKeycloak(InputStream tar) {
        try {
            keycloak = tar.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void replaceSecrets(Map<String, byte[]> files) {
        secrets.putAll(files);
    }

    @Override
    public List<String> runningServices() {
        return List.copyOf(running);
    }
}
