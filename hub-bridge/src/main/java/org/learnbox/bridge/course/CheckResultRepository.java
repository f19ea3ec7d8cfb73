package org.learnbox.bridge.course;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

interface CheckResultRepository extends JpaRepository<CheckResult, Long> {
    Optional<CheckResult> findByAccountNameAndCourseIdAndLessonFileAndCheckName(String accountName, String courseId,
            String lessonFile, String checkName);

    List<CheckResult> findByCourseIdAndAccountNameIn(String courseId, Collection<String> accountNames);

    @Transactional
    void deleteByAccountName(String accountName);
}
