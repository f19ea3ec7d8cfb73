package org.learnbox.bridge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** The init service's password (a config-tree property, admin-password) becomes the first admin at the bridge's start. */
// A database of its own: in the shared one, other tests' admins would already be there.
@SpringBootTest(properties = {"admin-password=init-made-password-42\n", "spring.datasource.url=jdbc:h2:mem:first-admin;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class FirstAdminTest {
    @Autowired AccountService accounts;
    @Autowired PasswordEncoder passwords;
    @Autowired FirstAdmin firstAdmin;

    @Test
    void aBoxWithoutAnAdminGetsAdminWithTheInitsPasswordAndKeepsItAfterwards() {
        Account admin = accounts.find("admin").orElseThrow();
        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(passwords.matches("init-made-password-42", admin.getPasswordHash())).isTrue();

        accounts.resetPassword("admin"); // the admin changed it, then the bridge restarts
        String changed = accounts.find("admin").orElseThrow().getPasswordHash();
        assertThat(firstAdmin.tryOnce()).isTrue();
        assertThat(accounts.find("admin").orElseThrow().getPasswordHash()).isEqualTo(changed);
    }
}
