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
        if (sandbox.asleep() || record.getAsleepSince() != null && sandbox.id().equals(record.getContainerId())) {
            record.asleep(sandbox.id()); // still the sleeper's container, even if the engine has started it again
        } else {
            record.update(sandbox.id(), sandbox.running());
        }
        repository.save(record);
    }

    /** Whose sandbox has been asleep longest, if anyone's is. */
    @Transactional(readOnly = true)
    java.util.Optional<String> longestAsleep() {
        return repository.findFirstByAsleepSinceNotNullOrderByAsleepSinceAsc().map(SandboxRecord::getUser);
    }

    /** Whose sandboxes have been asleep since before then. */
    @Transactional(readOnly = true)
    java.util.List<String> asleepSinceBefore(java.time.Instant then) {
        return repository.findByAsleepSinceBefore(then).stream().map(SandboxRecord::getUser).toList();
    }

    /** Whose sandboxes are asleep now. */
    @Transactional(readOnly = true)
    java.util.Set<String> asleepUsers() {
        return repository.findByAsleepSinceNotNull().stream().map(SandboxRecord::getUser).collect(Collectors.toSet());
    }

    /** How many sandboxes are asleep now. */
    @Transactional(readOnly = true)
    long asleepCount() {
        return repository.countByAsleepSinceNotNull();
    }

    /** Since when the learner's sandbox has been asleep, if it is. */
    @Transactional(readOnly = true)
    java.util.Optional<java.time.Instant> asleepSince(String user) {
        return repository.findById(user).map(SandboxRecord::getAsleepSince);
    }

    /** The learner's sandbox was woken (or started afresh): it is theirs to use again. */
    @Transactional
    void awake(Sandbox sandbox) {
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
