package org.learnbox.bridge.devops;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface GitRepoRepository extends JpaRepository<GitRepo, Long> {
    Optional<GitRepo> findByOwnerAndName(String owner, String name);

    List<GitRepo> findByOwnerOrderByNameAsc(String owner);
}

interface GitPushRepository extends JpaRepository<GitPush, Long> {
    List<GitPush> findByRepositoryIdOrderByIdDesc(Long repositoryId);
}

interface GitTokenRepository extends JpaRepository<GitToken, Long> {
    Optional<GitToken> findByTokenHash(String tokenHash);

    List<GitToken> findByOwnerOrderByCreatedAtDesc(String owner);

    long countByOwner(String owner);

    void deleteByOwner(String owner);
}
