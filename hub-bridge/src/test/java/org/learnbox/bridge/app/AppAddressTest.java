package org.learnbox.bridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppAddressTest {
    @Test
    void theHostNameNamesTheAppAndItsOwner() {
        assertThat(AppAddress.ofHost("quiz--ada.apps.localhost:8001", "apps.localhost")).isEqualTo(new AppAddress("quiz", "ada"));
        assertThat(AppAddress.ofHost("My-Quiz--Ada.Apps.Localhost", "apps.localhost")).isEqualTo(new AppAddress("my-quiz", "ada"));
        assertThat(AppAddress.ofHost("quiz.apps.localhost", "apps.localhost")).isNull();
        assertThat(AppAddress.ofHost("quiz--ada.evil.example", "apps.localhost")).isNull();
        assertThat(AppAddress.ofHost("x.quiz--ada.apps.localhost", "apps.localhost")).isNull();
        assertThat(new AppAddress("quiz", "ada").url("apps.school.example", 80)).isEqualTo("http://quiz--ada.apps.school.example/");
    }
}
