package org.learnbox.bridge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * With single sign-on, listing the accounts brings Keycloak's users into the box; a row made by
 * another meanwhile (a login, the first admin's making, as ./box up lists the accounts) is no failure.
 */
@SpringBootTest(properties = {
        "learnbox.sso.enabled=true",
        "learnbox.sso.issuer=http://keycloak.school.test:8080/realms/learnbox",
        "learnbox.sso.client-secret=test-client-secret",
        "spring.datasource.url=jdbc:h2:mem:account-list-race;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class AccountListRaceTest {
    @MockitoBean KeycloakUsers keycloak;
    @MockitoSpyBean AccountRepository repository;
    @Autowired AccountService accounts;

    @Test
    void aRowMadeMeanwhileByAnotherIsAsGoodAsOneMadeByTheList() {
        repository.save(new Account("ada", "made-by-her-login", Role.TEACHER));
        when(keycloak.list()).thenReturn(List.of(new KeycloakUsers.RealmUser("ada", Role.TEACHER, Instant.now()),
                new KeycloakUsers.RealmUser("bo", Role.STUDENT, Instant.now())));
        // The list looked for ada's row just before her login made it.
        doReturn(Optional.empty()).when(repository).findByName("ada");

        assertThat(accounts.list()).extracting(Account::getName).contains("ada", "bo");
        assertThat(repository.findAll()).filteredOn(a -> a.getName().equals("ada")).hasSize(1);
    }
}
