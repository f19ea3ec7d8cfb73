package org.learnbox.bridge.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "classroom_member")
class Membership {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "classroom_id", nullable = false)
    private Long classroomId;

    @Column(name = "account_name", nullable = false, length = 32)
    private String accountName;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected Membership() {}

    Membership(Long classroomId, String accountName) {
        this.classroomId = classroomId;
        this.accountName = accountName;
        this.joinedAt = Instant.now();
    }

    Long getClassroomId() { return classroomId; }
    String getAccountName() { return accountName; }
}
