package org.learnbox.bridge.app;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppReportRepository extends JpaRepository<AppReport, Long> {
    List<AppReport> findByClosedAtIsNullOrderByCreatedAt();

    List<AppReport> findByClosedAtIsNullAndAppUserInOrderByCreatedAt(Collection<String> owners);

    List<AppReport> findByAppUserAndAppNameAndClosedAtIsNull(String appUser, String appName);
}

interface AppTakedownRepository extends JpaRepository<AppTakedown, AppTakedown.Key> {
    List<AppTakedown> findByAppUserOrderByTakenAtDesc(String appUser);
}
