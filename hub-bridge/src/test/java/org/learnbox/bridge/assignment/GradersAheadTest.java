package org.learnbox.bridge.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GradersAheadTest {
    private final AtomicInteger made = new AtomicInteger();
    private final List<String> removed = new CopyOnWriteArrayList<>();
    private final AtomicLong now = new AtomicLong();

    private GradersAhead<String> ahead() {
        return new GradersAhead<>(kind -> kind + "-" + made.incrementAndGet(), removed::add, 2, Duration.ofMinutes(10), now::get);
    }

    @Test
    void nothingWaitsUntilAKindIsGradedThenOneOfItIsMadeForTheNextSubmission() throws Exception {
        try (GradersAhead<String> ahead = ahead()) {
            assertThat(ahead.waiting()).isZero();
            assertThat(ahead.take("python")).as("the first grading of a kind has none waiting").isNull();
            drained(ahead);
            assertThat(ahead.waiting()).as("none made while the grading runs").isZero();
            ahead.madeAgain("python");
            awaitWaiting(ahead, 1);
            assertThat(ahead.take("python")).isEqualTo("python-1");
            ahead.madeAgain("python");
            awaitWaiting(ahead, 1);
            assertThat(ahead.take("python")).isEqualTo("python-2");
        }
    }

    @Test
    void submissionsComingFasterThanContainersAreMadeKeepMoreWaitingButNeverMoreThanTheMost() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (GradersAhead<String> ahead = new GradersAhead<>(kind -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return kind + "-" + made.incrementAndGet();
        }, removed::add, 2, Duration.ofMinutes(10), now::get)) {
            for (int i = 0; i < 20; i++) {
                assertThat(ahead.take("java")).isNull();
                ahead.madeAgain("java");
            }
            gate.countDown();
            drained(ahead);
            assertThat(ahead.waiting()).as("two made ahead, the most, however many were taken").isEqualTo(2);
            assertThat(made.get()).isEqualTo(2);
        }
    }

    @Test
    void aKindNobodyTookForAWhileIsRemovedAndClosingRemovesTheRest() throws Exception {
        GradersAhead<String> ahead = ahead();
        ahead.take("python");
        ahead.madeAgain("python");
        drained(ahead);
        ahead.take("java");
        ahead.madeAgain("java");
        awaitWaiting(ahead, 2);
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        ahead.take("java");
        ahead.madeAgain("java");
        awaitWaiting(ahead, 2);
        now.addAndGet(Duration.ofMinutes(6).toNanos());
        ahead.removeIdle();
        assertThat(removed).containsExactly("python-1");
        assertThat(ahead.waiting()).isEqualTo(1);

        ahead.close();
        assertThat(removed).containsExactly("python-1", "java-3");
        assertThat(ahead.take("java")).as("nothing is made once closed").isNull();
        assertThat(ahead.waiting()).isZero();
    }

    @Test
    void aUsedContainerIsRemovedBeforeCloseReturns() {
        GradersAhead<String> ahead = ahead();
        ahead.removeLater("used");
        ahead.close();
        assertThat(removed).containsExactly("used");
    }

    @Test
    void aContainerThatCouldNotBeMadeLeavesNoneWaitingAndTheNextTakeTriesAgain() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        try (GradersAhead<String> ahead = new GradersAhead<>(kind -> {
            if (tries.incrementAndGet() == 1) throw new IllegalStateException("Docker is down");
            return "made";
        }, removed::add, 1, Duration.ofMinutes(10), now::get)) {
            ahead.take("python");
            ahead.madeAgain("python");
            drained(ahead);
            assertThat(ahead.waiting()).isZero();
            ahead.take("python");
            ahead.madeAgain("python");
            awaitWaiting(ahead, 1);
            assertThat(ahead.take("python")).isEqualTo("made");
        }
    }

    private static void awaitWaiting(GradersAhead<String> ahead, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ahead.waiting() != count) {
            assertThat(System.nanoTime()).as("%d made ahead within 10 s", count).isLessThan(deadline);
            drained(ahead);
        }
    }

    /** Until the worker has done what was handed to it before now. */
    private static void drained(GradersAhead<String> ahead) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        ahead.afterWork(done::countDown);
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
