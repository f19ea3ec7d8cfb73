package org.learnbox.bridge.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {
    Optional<Account> findByName(String name);

    boolean existsByName(String name);

    List<Account> findAllByOrderByNameAsc();

    long countByRole(Role role);
}
