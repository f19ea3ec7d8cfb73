package org.learnbox.bridge.hub;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface WorkHourRepository extends JpaRepository<WorkHour, Long> {
    boolean existsByUserNameAndHourStart(String userName, Instant hourStart);

    boolean existsByUserName(String userName);

    List<WorkHour> findByUserNameInAndHourStartGreaterThanEqual(Collection<String> userNames, Instant from);

    @Modifying
    @Transactional
    @Query("delete from WorkHour w where w.hourStart < :before")
    int deleteStartedBefore(Instant before);
}
