package org.learnbox.bridge.snippet;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SnippetRepository extends JpaRepository<Snippet, String> {
    /** The snippet, locked until the transaction ends: versions of one snippet are numbered one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Snippet s where s.id = :id")
    Optional<Snippet> findForUpdate(String id);

    List<Snippet> findByOwnerOrderByUpdatedAtDesc(String owner);

    List<Snippet> findByOwnerInAndVisibilityInOrderByUpdatedAtDesc(Collection<String> owners,
            Collection<Visibility> visibilities);

    List<Snippet> findByVisibilityOrderByUpdatedAtDesc(Visibility visibility);
}

interface SnippetVersionRepository extends JpaRepository<SnippetVersion, Long> {
    Optional<SnippetVersion> findBySnippetIdAndNumber(String snippetId, int number);

    List<SnippetVersion> findBySnippetIdOrderByNumberDesc(String snippetId);
}
