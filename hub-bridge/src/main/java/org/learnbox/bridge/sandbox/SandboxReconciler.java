package org.learnbox.bridge.sandbox;

import java.util.ArrayList;
import java.util.List;
import org.learnbox.bridge.identity.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** On start, the bridge believes Docker: its labels say what runs; sandboxes of removed users go. */
@Component
class SandboxReconciler {
    private static final Logger log = LoggerFactory.getLogger(SandboxReconciler.class);

    private final SandboxRuntime runtime;
    private final SandboxRecords records;
    private final AccountService accounts;

    SandboxReconciler(SandboxRuntime runtime, SandboxRecords records, AccountService accounts) {
        this.runtime = runtime;
        this.records = records;
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcileOnStart() {
        try {
            reconcile();
        } catch (SandboxException dockerDown) {
            log.error("could not reconcile with Docker at start: {}", dockerDown.getMessage());
        }
    }

    List<Sandbox> reconcile() {
        List<Sandbox> kept = new ArrayList<>();
        for (Sandbox sandbox : runtime.list()) {
            if (accounts.exists(sandbox.user())) {
                kept.add(sandbox);
            } else {
                log.info("removing the sandbox of {}: the account is gone", sandbox.user());
                runtime.remove(sandbox.user());
            }
        }
        records.replaceWith(kept);
        log.info("reconciled with Docker: {} sandboxes, {} running", kept.size(),
                kept.stream().filter(Sandbox::running).count());
        return kept;
    }
}
