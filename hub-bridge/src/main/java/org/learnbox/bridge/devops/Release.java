package org.learnbox.bridge.devops;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** One push's release of a project: its commit, its build's log, and how it went. */
@Entity
@Table(name = "app_release")
public class Release {
    /** BUILDING, then LIVE (the one visitors reach) or FAILED; a LIVE one becomes KEPT when another replaces it. */
    public enum State { BUILDING, LIVE, FAILED, KEPT, PRUNED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 32)
    private String owner;

    @Column(nullable = false, length = 32)
    private String project;

    /** The app's name (the project's, unless its learnbox.yaml names another), once known. */
    @Column(length = 32)
    private String app;

    @Column(nullable = false)
    private int number;

    @Column(name = "commit_id", nullable = false, length = 40)
    private String commitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    private Integer port;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Lob
    @Column(name = "build_log")
    private String buildLog;

    protected Release() {}

    Release(String owner, String project, int number, String commitId, Instant at) {
        this.owner = owner;
        this.project = project;
        this.number = number;
        this.commitId = commitId;
        this.state = State.BUILDING;
        this.createdAt = at;
    }

    void finish(State how, String app, Integer port, String log, Instant at) {
        this.state = how;
        this.app = app;
        this.port = port;
        this.buildLog = log;
        this.finishedAt = at;
    }

    /** A release the box stopped midway (it restarted): failed, with the reason at the end of its log. */
    void interrupt(String why, Instant at) {
        this.state = State.FAILED;
        this.buildLog = getBuildLog() + why + "\n";
        this.finishedAt = at;
    }

    void become(State how) {
        this.state = how;
    }

    /** The tag of the release's image. */
    String tag() {
        return "r" + number;
    }

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public String getProject() {
        return project;
    }

    public String getApp() {
        return app;
    }

    public int getNumber() {
        return number;
    }

    public String getCommitId() {
        return commitId;
    }

    public String getShortCommit() {
        return commitId.substring(0, 7);
    }

    public State getState() {
        return state;
    }

    public Integer getPort() {
        return port;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getBuildLog() {
        return buildLog == null ? "" : buildLog;
    }
}
