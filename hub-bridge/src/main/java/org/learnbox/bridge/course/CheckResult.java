package org.learnbox.bridge.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A learner's latest answer to one self-check of a lesson. */
@Entity
@Table(name = "lesson_check")
class CheckResult {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_name", nullable = false, length = 32)
    private String accountName;

    @Column(name = "course_id", nullable = false, length = 64)
    private String courseId;

    @Column(name = "lesson_file", nullable = false)
    private String lessonFile;

    @Column(name = "check_name", nullable = false, length = LessonChecks.LONGEST_NAME)
    private String checkName;

    @Column(nullable = false)
    private boolean passed;

    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;

    protected CheckResult() {}

    CheckResult(String accountName, String courseId, String lessonFile, String checkName) {
        this.accountName = accountName;
        this.courseId = courseId;
        this.lessonFile = lessonFile;
        this.checkName = checkName;
    }

    void answered(boolean passed, Instant at) {
        this.passed = passed;
        this.checkedAt = at;
    }

    String getAccountName() { return accountName; }
    String getLessonFile() { return lessonFile; }
    String getCheckName() { return checkName; }
    boolean isPassed() { return passed; }
    Instant getCheckedAt() { return checkedAt; }
}
