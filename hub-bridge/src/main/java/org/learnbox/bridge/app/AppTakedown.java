package org.learnbox.bridge.app;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** An app a teacher or admin took down, and why: its owner reads it on the dashboard. */
@Entity
@Table(name = "app_takedown")
@IdClass(AppTakedown.Key.class)
public class AppTakedown {
    record Key(String appUser, String appName) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "app_user", length = 32)
    private String appUser;

    @Id
    @Column(name = "app_name", length = 32)
    private String appName;

    @Column(name = "taken_by", nullable = false, length = 32)
    private String takenBy;

    @Column(nullable = false, length = AppModeration.MAX_REASON)
    private String reason;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    protected AppTakedown() {}

    AppTakedown(String appUser, String appName, String takenBy, String reason, Instant at) {
        this.appUser = appUser;
        this.appName = appName;
        this.takenBy = takenBy;
        this.reason = reason;
        this.takenAt = at;
    }

    public String getAppName() {
        return appName;
    }

    public String getTakenBy() {
        return takenBy;
    }

    public String getReason() {
        return reason;
    }

    public Instant getTakenAt() {
        return takenAt;
    }
}
