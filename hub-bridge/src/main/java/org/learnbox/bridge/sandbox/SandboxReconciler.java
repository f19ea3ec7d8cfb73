package org.learnbox.bridge.sandbox;

import java.util.ArrayList;
import java.util.List;
import org.learnbox.bridge.identity.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On start, the bridge believes Docker: its labels say what runs, and sandboxes of removed
 * users go. This runs before the web server opens, so nobody is answered from stale state.
 */
@Component
class SandboxReconciler implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SandboxReconciler.class);

    private final SandboxRuntime runtime;
    private final SandboxRecords records;
    private final AccountService accounts;
    private volatile boolean running;

    SandboxReconciler(SandboxRuntime runtime, SandboxRecords records, AccountService accounts) {
        this.runtime = runtime;
        this.records = records;
        this.accounts = accounts;
    }

    @Override
    public void start() {
        try {
            reconcile();
        } catch (SandboxException dockerDown) {
            log.error("could not reconcile with Docker at start: {}", dockerDown.getMessage());
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's phase. */
    @Override
    public int getPhase() {
        return 0;
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
