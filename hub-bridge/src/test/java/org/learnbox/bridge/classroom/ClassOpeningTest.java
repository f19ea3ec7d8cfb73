package org.learnbox.bridge.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.hub.JupyterHubClient.HubServer;
import org.learnbox.bridge.hub.JupyterHubClient.HubUser;

class ClassOpeningTest {
    private final JupyterHubClient hub = mock(JupyterHubClient.class);
    private final ClassOpening opening = new ClassOpening(hub, Duration.ofMillis(5));

    /** A hub whose servers become ready a few looks after their start, counting how many start at once. */
    private final Map<String, AtomicInteger> looksUntilReady = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> starts = new ConcurrentHashMap<>();
    private final AtomicInteger startingNow = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final CountDownLatch allReady = new CountDownLatch(5);

    private void hubStartsServersSlowly() {
        doAnswer(call -> {
            String student = call.getArgument(0);
            starts.computeIfAbsent(student, s -> new AtomicInteger()).incrementAndGet();
            mostAtOnce.accumulateAndGet(startingNow.incrementAndGet(), Math::max);
            looksUntilReady.put(student, new AtomicInteger(5));
            return null;
        }).when(hub).startServer(anyString());
        when(hub.serverOf(anyString())).thenAnswer(call -> {
            AtomicInteger looks = looksUntilReady.get((String) call.getArgument(0));
            if (looks == null) return Optional.empty();
            if (looks.decrementAndGet() == 0) {
                startingNow.decrementAndGet();
                allReady.countDown();
            }
            return Optional.of(new HubServer(looks.get() <= 0, looks.get() > 0 ? "spawn" : null, Instant.now()));
        });
    }

    @Test
    void serversStartTwoAtATimeEachOnceAndThoseRunningAreLeftAlone() throws Exception {
        hubStartsServersSlowly();
        when(hub.users()).thenReturn(List.of(
                new HubUser("ran", Map.of("", new HubServer(true, null, Instant.now()))),
                new HubUser("sue", Map.of("", new HubServer(false, "spawn", Instant.now())))));
        List<String> class1 = List.of("ann", "ben", "cat", "dan", "eve", "ran", "sue");

        List<String> started = opening.open(class1);
        List<String> again = opening.open(class1); // the teacher presses twice

        assertThat(started).containsExactly("ann", "ben", "cat", "dan", "eve");
        assertThat(again).as("a second press while the first is under way starts nobody").isEmpty();
        assertThat(allReady.await(30, TimeUnit.SECONDS)).as("every server ready").isTrue();
        assertThat(mostAtOnce.get()).as("servers starting at once").isBetween(1, ClassOpening.AT_ONCE);
        assertThat(starts).containsOnlyKeys("ann", "ben", "cat", "dan", "eve");
        assertThat(starts.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        awaitNoneUnderWay(Set.of("ann", "ben", "cat", "dan", "eve"));
    }

    @Test
    void aServerTheHubGivesUpOnFreesItsTurn() throws Exception {
        // The hub forgets every server it is asked for: each start failed.
        CountDownLatch asked = new CountDownLatch(3);
        doAnswer(call -> {
            asked.countDown();
            return null;
        }).when(hub).startServer(anyString());
        when(hub.serverOf(anyString())).thenReturn(Optional.empty());
        when(hub.users()).thenReturn(List.of());

        assertThat(opening.open(List.of("ann", "ben", "cat"))).hasSize(3);

        assertThat(asked.await(30, TimeUnit.SECONDS)).as("the third had its turn after two failed").isTrue();
        awaitNoneUnderWay(Set.of("ann", "ben", "cat"));
        assertThat(opening.open(List.of("ann"))).as("a failed start may be tried again").containsExactly("ann");
    }

    private void awaitNoneUnderWay(Set<String> students) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (students.stream().anyMatch(opening::isUnderWay)) {
            assertThat(Instant.now()).as("the opening ended for " + students).isBefore(deadline);
            Thread.sleep(5);
        }
    }
}
