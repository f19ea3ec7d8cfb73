package org.learnbox.bridge.sandbox;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the sandbox table in step with what runs. */
@Component
class SandboxRecords {
    private final SandboxRecordRepository repository;

    SandboxRecords(SandboxRecordRepository repository) {
        this.repository = repository;
    }

    @Transactional
    void saw(Sandbox sandbox) {
        SandboxRecord record = repository.findById(sandbox.user()).orElseGet(() -> new SandboxRecord(sandbox.user()));
        record.update(sandbox.id(), sandbox.running());
        repository.save(record);
    }

    @Transactional
    void stopped(String user) {
        repository.findById(user).ifPresent(record -> record.update(null, false));
    }

    @Transactional
    void forget(String user) {
        repository.deleteById(user);
    }

    /** Makes the table say exactly what Docker says. */
    @Transactional
    void replaceWith(Collection<Sandbox> sandboxes) {
        Map<String, Sandbox> byUser = sandboxes.stream().collect(Collectors.toMap(Sandbox::user, Function.identity(), (a, b) -> a));
        repository.findAll().stream()
                .filter(record -> !byUser.containsKey(record.getUser()))
                .forEach(record -> record.update(null, false));
        byUser.values().forEach(this::saw);
    }
}
