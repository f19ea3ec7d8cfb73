package org.learnbox.bridge.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GradedSignalTest {
    private final GradedSignal signal = new GradedSignal();
    private final Submission submission = new Submission(1L, "ada", Instant.now(), new byte[0], 0);

    @Test
    void aGradedSubmissionIsAnsweredAtOnce() {
        submission.graded(3, 5, "[]", new byte[0], null);
        assertThat(signal.await("ada", () -> submission, Duration.ofSeconds(30)).getState()).isEqualTo(SubmissionState.GRADED);
    }

    @Test
    void aQueuedOneIsAnsweredWhenItsGradingEndsAndLookedAtOnlyWhenAGradingEnded() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        CompletableFuture<Submission> answer = CompletableFuture.supplyAsync(() -> signal.await("ada", () -> {
            looks.incrementAndGet();
            return submission;
        }, Duration.ofSeconds(60)));
        awaitLooks(looks, 1);
        signal.onGraded(new GradingQueue.Graded(98, "ada"));
        awaitLooks(looks, 2);
        assertThat(answer).as("another submission of hers was graded, not this one").isNotDone();

        signal.onGraded(new GradingQueue.Graded(99, "grace"));
        submission.graded(3, 5, "[]", new byte[0], null);
        signal.onGraded(new GradingQueue.Graded(1, "ada"));
        assertThat(answer.get(10, TimeUnit.SECONDS).getState()).isEqualTo(SubmissionState.GRADED);
        assertThat(looks.get()).as("not woken by another student's grading").isEqualTo(3);
    }

    @Test
    void aQueuedOneIsAnsweredStillQueuedWhenTheTimeIsUp() {
        assertThat(signal.await("ada", () -> submission, Duration.ofMillis(200)).getState()).isEqualTo(SubmissionState.QUEUED);
        assertThat(signal.await("ada", () -> submission, Duration.ZERO).getState()).isEqualTo(SubmissionState.QUEUED);
    }

    private static void awaitLooks(AtomicInteger looks, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (looks.get() < count) {
            assertThat(System.nanoTime()).as("looked %d times within 10 s", count).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
