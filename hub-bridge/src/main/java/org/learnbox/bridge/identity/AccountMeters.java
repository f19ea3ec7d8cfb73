package org.learnbox.bridge.identity;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The box's people, as JupyterHub counts its own (jupyterhub_total_users), by role. */
@Component
class AccountMeters {
    AccountMeters(MeterRegistry meters, AccountRepository accounts) {
        for (Role role : Role.values()) {
            Gauge.builder("learnbox.total.users", accounts, a -> a.countByRole(role)).tag("role", role.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Accounts of the box").register(meters);
        }
    }
}
