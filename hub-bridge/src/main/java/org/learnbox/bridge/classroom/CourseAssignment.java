package org.learnbox.bridge.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "classroom_course")
class CourseAssignment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "classroom_id", nullable = false)
    private Long classroomId;

    @Column(name = "course_id", nullable = false, length = 64)
    private String courseId;

    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;

    protected CourseAssignment() {}

    CourseAssignment(Long classroomId, String courseId) {
        this.classroomId = classroomId;
        this.courseId = courseId;
        this.assignedAt = Instant.now();
    }

    Long getClassroomId() { return classroomId; }
    String getCourseId() { return courseId; }
}
