package org.learnbox.bridge.classroom;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClassroomRepository extends JpaRepository<Classroom, Long> {
    Optional<Classroom> findByJoinCode(String joinCode);

    List<Classroom> findByTeacherOrderByName(String teacher);

    List<Classroom> findAllByOrderByTeacherAscNameAsc();

    boolean existsByTeacherAndSlug(String teacher, String slug);

    List<Classroom> findByTeacher(String teacher);
}

interface MembershipRepository extends JpaRepository<Membership, Long> {
    List<Membership> findByClassroomIdOrderByAccountName(Long classroomId);

    List<Membership> findByAccountName(String accountName);

    List<Membership> findByClassroomIdIn(List<Long> classroomIds);

    boolean existsByClassroomIdAndAccountName(Long classroomId, String accountName);

    void deleteByAccountName(String accountName);
}

interface CourseAssignmentRepository extends JpaRepository<CourseAssignment, Long> {
    List<CourseAssignment> findByClassroomIdOrderByCourseId(Long classroomId);

    List<CourseAssignment> findByClassroomIdIn(List<Long> classroomIds);

    boolean existsByClassroomIdAndCourseId(Long classroomId, String courseId);
}
