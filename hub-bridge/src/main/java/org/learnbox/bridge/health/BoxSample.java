package org.learnbox.bridge.health;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One figure of the box at one minute: a series ("memory.hub", "sandboxes.running", ...) and its value. */
@Entity
@Table(name = "box_sample")
class BoxSample {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    @Column(nullable = false, length = 64)
    private String series;

    @Column(name = "sample_value", nullable = false)
    private double value;

    protected BoxSample() {}

    BoxSample(Instant takenAt, String series, double value) {
        this.takenAt = takenAt;
        this.series = series;
        this.value = value;
    }

    Instant getTakenAt() { return takenAt; }
    String getSeries() { return series; }
    double getValue() { return value; }
}
