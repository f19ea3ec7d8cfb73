package org.learnbox.bridge.assignment;

import java.util.Map;

/**
 * Where a prepared submission runs to be graded: a throwaway place with no network and nothing
 * of anyone else's. The result is what the runner saw ({@code learnbox-grade}'s result.json),
 * never read from the student's code; {@link Grader} checks it and gives the points.
 */
public interface GradingRuntime {
    /**
     * Runs the notebook's cells in order in a kernel of {@code language}, the {@code files} (paths from the
     * notebook's folder) beside it; refuses in words when it cannot run at all.
     */
    RawGrading grade(byte[] preparedNotebook, Map<String, byte[]> files, NotebookLanguage language, GradingLimits limits);

    /**
     * What came back: the runner's result.json and the executed notebook, each null when the run
     * left none (it was stopped at the notebook's wall-clock limit, or failed); {@code stoppedAtLimit}
     * says it ran past that limit.
     */
    record RawGrading(byte[] result, byte[] gradedNotebook, boolean stoppedAtLimit) {}
}
