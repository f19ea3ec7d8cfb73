package org.learnbox.bridge.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.sandbox.SpawnService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class SpawnOnLoginTest {
    private final JupyterHubClient hub = mock(JupyterHubClient.class);
    private final SpawnService spawns = mock(SpawnService.class);
    private final SpawnOnLogin spawnOnLogin = new SpawnOnLogin(hub, spawns, mock(WorkHours.class));

    @Test
    void aStudentWithNoServerHasItStartedAtLogin() {
        when(hub.serverStartingOrRunning("ann")).thenReturn(false);
        spawnOnLogin.onLogin(loginOf("ann", "ROLE_STUDENT"));
        verify(hub, timeout(5000)).startServer("ann");
        verify(spawns, timeout(5000)).startAhead("ann");
    }

    @Test
    void aStudentWhoseServerRunsIsNotStartedAgain() throws Exception {
        AtomicReference<Thread> request = new AtomicReference<>();
        when(hub.serverStartingOrRunning("ben")).thenAnswer(call -> {
            if (Thread.currentThread().getName().startsWith("spawn-on-login-")) request.set(Thread.currentThread());
            return true;
        });
        spawnOnLogin.onLogin(loginOf("ben", "ROLE_STUDENT"));
        Instant deadline = Instant.now().plusSeconds(5);
        while (request.get() == null) {
            assertThat(Instant.now()).as("the login's request looked at the hub").isBefore(deadline);
            Thread.sleep(10);
        }
        assertThat(request.get().join(Duration.ofSeconds(5))).isTrue();
        verify(hub, never()).startServer("ben");
        // A class logging in together waits on the hub: one question each when the servers run.
        verify(hub, times(1)).serverStartingOrRunning("ben");
    }

    @Test
    void theLoginAnswersOnceTheHubCountsTheStartAsPending() {
        AtomicBoolean pending = new AtomicBoolean();
        when(hub.serverStartingOrRunning("cai")).thenAnswer(call -> pending.get());
        doAnswer(call -> {
            pending.set(true);
            Thread.sleep(10_000); // the hub answers a start only once the server is up
            return null;
        }).when(hub).startServer("cai");
        spawnOnLogin.onLogin(loginOf("cai", "ROLE_STUDENT"));
        assertThat(pending).isTrue();
        verify(hub, atLeast(2)).serverStartingOrRunning("cai");
    }

    @Test
    void aTeacherStartsTheirLabByOpeningIt() {
        spawnOnLogin.onLogin(loginOf("tia", "ROLE_TEACHER"));
        verify(hub, never()).startServer("tia");
        verify(spawns, never()).startAhead("tia");
    }

    private static AuthenticationSuccessEvent loginOf(String name, String role) {
        return new AuthenticationSuccessEvent(UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority(role))));
    }
}
