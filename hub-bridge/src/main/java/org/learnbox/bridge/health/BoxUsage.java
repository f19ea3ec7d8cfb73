package org.learnbox.bridge.health;

import java.util.List;

/** What the box's containers use: CPU and memory of each now, and the disk of learners' homes and apps. */
interface BoxUsage {
    /** A container's CPU time so far and its memory now; {@code group} is a service's name, or sandboxes, apps, grading, builds. */
    record Usage(String id, String group, long cpuNanos, long memoryBytes) {}

    /** Disk a learner's home ({@code kind} home) or an app (app, its name) holds; {@code owner} is the learner. */
    record Disk(String kind, String owner, String name, long bytes) {}

    /** Every running container of the box (its services, sandboxes, apps, graders, builds) with what it uses. */
    List<Usage> now();

    /** Homes (volumes) and apps (their images and their containers' own layers), as the engine's disk usage says. */
    List<Disk> disks();
}
