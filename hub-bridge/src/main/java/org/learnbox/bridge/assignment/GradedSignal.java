package org.learnbox.bridge.assignment;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets a student's request wait for their submission's points (`learnbox submit`, the lab's
 * button) instead of asking again and again: it looks once, then again each time a grading ends,
 * until what it looks at is no longer queued or its time is up.
 */
@Component
class GradedSignal {
    private final Object monitor = new Object();
    private long gradingsEnded;

    @EventListener
    void onGraded(GradingQueue.Graded graded) {
        synchronized (monitor) {
            gradingsEnded++;
            monitor.notifyAll();
        }
    }

    /** What {@code look} finds once it is no longer queued, or when {@code within} is over (still queued then). */
    Submission await(Supplier<Submission> look, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long seen;
            synchronized (monitor) {
                seen = gradingsEnded;
            }
            Submission found = look.get();
            if (found.getState() != SubmissionState.QUEUED || System.nanoTime() >= deadline) return found;
            synchronized (monitor) {
                long left;
                while (gradingsEnded == seen && (left = deadline - System.nanoTime()) > 0) {
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
