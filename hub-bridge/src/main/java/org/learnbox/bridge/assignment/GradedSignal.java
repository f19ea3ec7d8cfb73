package org.learnbox.bridge.assignment;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets a student's request wait for their submission's points (`learnbox submit`, the lab's
 * button) instead of asking again and again: it looks once, then again each time a grading of
 * that student's ends, until what it looks at is no longer queued or its time is up.
 */
@Component
class GradedSignal {
    private final Object monitor = new Object();
    /** Gradings ended since the start, by student: one entry per student ever graded, no more. */
    private final Map<String, Long> gradingsEnded = new HashMap<>();

    @EventListener
    void onGraded(GradingQueue.Graded graded) {
        synchronized (monitor) {
            gradingsEnded.merge(graded.student(), 1L, Long::sum);
            monitor.notifyAll();
        }
    }

    /** What {@code look} finds once it is no longer queued, or when {@code within} is over (still queued then). */
    Submission await(String student, Supplier<Submission> look, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long seen;
            synchronized (monitor) {
                seen = gradingsEnded.getOrDefault(student, 0L);
            }
            Submission found = look.get();
            if (found.getState() != SubmissionState.QUEUED || System.nanoTime() >= deadline) return found;
            synchronized (monitor) {
                long left;
                while (gradingsEnded.getOrDefault(student, 0L) == seen && (left = deadline - System.nanoTime()) > 0) {
                    try {
                        monitor.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return found;
                    }
                }
            }
        }
    }
}
