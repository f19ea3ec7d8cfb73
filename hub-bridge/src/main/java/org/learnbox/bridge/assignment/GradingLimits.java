package org.learnbox.bridge.assignment;

import java.time.Duration;

/**
 * What grading one notebook may use: time per cell and for the whole notebook (a cell past its
 * time ends the run, the cells after it score nothing), CPUs, memory and processes.
 */
public record GradingLimits(Duration perCell, Duration perNotebook, double cpus, long memoryBytes, long pids) {
    public static final GradingLimits DEFAULTS = new GradingLimits(Duration.ofSeconds(10), Duration.ofSeconds(120), 1.0,
            768L * 1024 * 1024, 256);

    public GradingLimits {
        if (perCell.isNegative() || perCell.isZero() || perNotebook.compareTo(perCell) < 0) {
            throw new IllegalArgumentException("a notebook's time must be at least a cell's: " + perCell + ", " + perNotebook);
        }
    }
}
