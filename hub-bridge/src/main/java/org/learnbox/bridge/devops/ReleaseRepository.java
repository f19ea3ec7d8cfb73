package org.learnbox.bridge.devops;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReleaseRepository extends JpaRepository<Release, Long> {
    List<Release> findByOwnerAndProjectOrderByNumberDesc(String owner, String project);

    Optional<Release> findFirstByOwnerAndProjectOrderByNumberDesc(String owner, String project);

    Optional<Release> findByOwnerAndProjectAndNumber(String owner, String project, int number);

    Optional<Release> findFirstByOwnerAndAppAndStateOrderByNumberDesc(String owner, String app, Release.State state);

    List<Release> findByOwnerAndAppOrderByNumberDesc(String owner, String app);

    List<Release> findByState(Release.State state);

    long countByState(Release.State state);
}
