package org.learnbox.bridge.hub;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * A learner who logs in is on the way to their lab: the bridge asks JupyterHub to start the
 * server at once, so the sandbox starts while the browser is still being handed over.
 */
@Component
class SpawnOnLogin {
    private static final Logger log = LoggerFactory.getLogger(SpawnOnLogin.class);

    private final JupyterHubClient hub;

    SpawnOnLogin(JupyterHubClient hub) {
        this.hub = hub;
    }

    @EventListener
    void onLogin(AuthenticationSuccessEvent success) {
        // Only the login form publishes this; the box API's shared secret does not.
        if (!(success.getAuthentication() instanceof UsernamePasswordAuthenticationToken login)) return;
        String name = login.getName();
        Thread.ofVirtual().name("spawn-on-login-" + name).start(() -> {
            try {
                hub.startServer(name);
            } catch (RuntimeException notNow) {
                log.info("could not start the server of {} at login: {}", name, notNow.getMessage());
            }
        });
    }
}
