package org.learnbox.bridge.app;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Someone's word that an app should not be up, with their reason, until a teacher acts on it. */
@Entity
@Table(name = "app_report")
public class AppReport {
    static final String TAKEN_DOWN = "taken-down";
    static final String DISMISSED = "dismissed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "app_user", nullable = false, length = 32)
    private String appUser;

    @Column(name = "app_name", nullable = false, length = 32)
    private String appName;

    /** Null for someone not logged in. */
    @Column(length = 32)
    private String reporter;

    @Column(nullable = false, length = AppModeration.MAX_REASON)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "closed_by", length = 32)
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(length = 16)
    private String outcome;

    protected AppReport() {}

    AppReport(String appUser, String appName, String reporter, String reason, Instant at) {
        this.appUser = appUser;
        this.appName = appName;
        this.reporter = reporter;
        this.reason = reason;
        this.createdAt = at;
    }

    void close(String by, String how, Instant at) {
        this.closedBy = by;
        this.outcome = how;
        this.closedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getAppUser() {
        return appUser;
    }

    public String getAppName() {
        return appName;
    }

    public String getReporter() {
        return reporter == null ? "someone not logged in" : reporter;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isOpen() {
        return closedAt == null;
    }
}
