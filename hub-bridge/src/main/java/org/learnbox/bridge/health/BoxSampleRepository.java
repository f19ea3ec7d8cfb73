package org.learnbox.bridge.health;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface BoxSampleRepository extends JpaRepository<BoxSample, Long> {
    List<BoxSample> findByTakenAtAfterOrderByTakenAt(Instant after);

    @Modifying
    @Transactional
    @Query("delete from BoxSample s where s.takenAt < :before")
    int deleteTakenBefore(Instant before);
}
