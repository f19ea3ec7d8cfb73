package org.learnbox.bridge.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SandboxRecordRepository extends JpaRepository<SandboxRecord, String> {
    Optional<SandboxRecord> findFirstByAsleepSinceNotNullOrderByAsleepSinceAsc();

    List<SandboxRecord> findByAsleepSinceBefore(Instant before);

    long countByAsleepSinceNotNull();

    List<SandboxRecord> findByAsleepSinceNotNull();
}
