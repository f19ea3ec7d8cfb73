package org.learnbox.bridge.assignment;

/** Where a submission is: waiting for a grader, graded, or not gradable (its problem says why). */
public enum SubmissionState {
    QUEUED, GRADED, FAILED
}
