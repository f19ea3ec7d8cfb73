package org.learnbox.bridge.sandbox;

import org.springframework.data.jpa.repository.JpaRepository;

interface SandboxRecordRepository extends JpaRepository<SandboxRecord, String> {}
