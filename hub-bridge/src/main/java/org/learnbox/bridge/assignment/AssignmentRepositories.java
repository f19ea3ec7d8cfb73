package org.learnbox.bridge.assignment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssignmentRepository extends JpaRepository<Assignment, String> {}

interface AssignmentReleaseRepository extends JpaRepository<AssignmentRelease, Long> {
    Optional<AssignmentRelease> findByAssignmentIdAndClassroomId(String assignmentId, Long classroomId);

    List<AssignmentRelease> findByClassroomIdInOrderByReleasedAt(Collection<Long> classroomIds);

    List<AssignmentRelease> findByAssignmentIdOrderById(String assignmentId);
}

interface SubmissionRepository extends JpaRepository<Submission, Long> {
    List<Submission> findByReleaseIdAndAccountNameOrderBySubmittedAtDesc(Long releaseId, String accountName);

    List<Submission> findByReleaseIdOrderByAccountNameAscSubmittedAtDesc(Long releaseId);

    List<Submission> findByState(SubmissionState state);
}
