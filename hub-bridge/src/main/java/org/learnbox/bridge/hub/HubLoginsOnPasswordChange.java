package org.learnbox.bridge.hub;

import org.learnbox.bridge.identity.PasswordChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A changed password ends the person's other logins at the hub too, and so their labs elsewhere
 * (within the labs' minute of trust in a token): the bridge's own other sessions have ended already.
 */
@Component
class HubLoginsOnPasswordChange {
    private static final Logger log = LoggerFactory.getLogger(HubLoginsOnPasswordChange.class);

    private final JupyterHubClient hub;

    HubLoginsOnPasswordChange(JupyterHubClient hub) {
        this.hub = hub;
    }

    @EventListener
    void onPasswordChanged(PasswordChanged changed) {
        try {
            int ended = hub.endLoginsBut(changed.name(), changed.keptLogin());
            log.info("{} changed their password: {} of their labs' tokens elsewhere ended at the hub", changed.name(), ended);
        } catch (RuntimeException hubDown) {
            log.warn("JupyterHub could not end {}'s other logins now: {}", changed.name(), hubDown.getMessage());
        }
    }
}
