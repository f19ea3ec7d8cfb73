package org.learnbox.bridge.sandbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The bridge's memory of a learner's sandbox; Docker's labels are the truth it is reconciled with. */
@Entity
@Table(name = "sandbox")
class SandboxRecord {
    @Id
    @Column(name = "user_name", length = 32)
    private String user;

    @Column(name = "container_id", length = 80)
    private String containerId;

    @Column(nullable = false)
    private boolean running;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "asleep_since")
    private Instant asleepSince;

    protected SandboxRecord() {}

    SandboxRecord(String user) {
        this.user = user;
    }

    void update(String containerId, boolean running) {
        this.containerId = containerId;
        this.running = running;
        this.updatedAt = Instant.now();
        this.asleepSince = null;
    }

    void asleep(String containerId) {
        Instant since = asleepSince;
        update(containerId, false);
        this.asleepSince = since != null ? since : updatedAt;
    }

    String getUser() { return user; }
    String getContainerId() { return containerId; }
    boolean isRunning() { return running; }
    Instant getAsleepSince() { return asleepSince; }
}
