package org.learnbox.bridge.hub;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An hour (its start) in which someone was active on the box. */
@Entity
@Table(name = "work_hour")
class WorkHour {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_name", nullable = false, length = 32)
    private String userName;

    @Column(name = "hour_start", nullable = false)
    private Instant hourStart;

    protected WorkHour() {}

    WorkHour(String userName, Instant hourStart) {
        this.userName = userName;
        this.hourStart = hourStart;
    }

    String getUserName() { return userName; }
    Instant getHourStart() { return hourStart; }
}
