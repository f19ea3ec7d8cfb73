package org.learnbox.bridge.docker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The box on a Swarm cluster ({@code learnbox.swarm.*}), read when {@code learnbox.runtime} is {@code swarm}. */
@ConfigurationProperties("learnbox.swarm")
public record SwarmSettings(
        /** The folder every node mounts at this same path (NFS or SMB from the NAS): learners' homes are in its {@code homes}. */
        @DefaultValue("/srv/learnbox") String share,
        /** The part of a sandbox's memory limit Swarm reserves on its node: what it counts when it places the next. */
        @DefaultValue("0.25") double memoryReserved,
        /** The manager's address on the nodes' network: a sandbox reaches the front door and the hub there. */
        @DefaultValue("") String managerAddress) {}
