package org.learnbox.bridge.hub;

import org.learnbox.bridge.identity.AccountRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A removed account is removed from JupyterHub too, so the hub forgets its server and tokens. */
@Component
class HubUsersOnRemoval {
    private static final Logger log = LoggerFactory.getLogger(HubUsersOnRemoval.class);

    private final JupyterHubClient hub;

    HubUsersOnRemoval(JupyterHubClient hub) {
        this.hub = hub;
    }

    @EventListener
    @Order(0)
    void onAccountRemoved(AccountRemoved removed) {
        try {
            hub.stopServer(removed.name());
            hub.deleteUser(removed.name());
        } catch (RuntimeException hubDown) {
            log.warn("JupyterHub could not forget {} now: {}", removed.name(), hubDown.getMessage());
        }
    }
}
