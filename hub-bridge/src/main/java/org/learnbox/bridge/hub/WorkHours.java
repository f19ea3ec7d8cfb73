package org.learnbox.bridge.hub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * When people worked: each hour in which JupyterHub saw someone active, kept for eight days (a
 * class page shows its week). JupyterHub keeps only each user's last activity, so the hub's users
 * are read once a minute ({@link HubMeters}) and every new last activity marks its hour; a
 * student's login marks it at once ({@link SpawnOnLogin}). Someone who has not logged in within
 * the hours kept has not worked, whatever their server reports (one a teacher opened ahead).
 */
@Component
public class WorkHours {
    static final Duration KEPT = Duration.ofDays(8);

    private final WorkHourRepository hours;
    private final Clock clock;
    /** Each user's last activity as last seen: one entry per account of the hub. */
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

    WorkHours(WorkHourRepository hours, Clock clock) {
        this.hours = hours;
        this.clock = clock;
    }

    void seen(List<JupyterHubClient.HubUser> users) {
        for (JupyterHubClient.HubUser user : users) {
            Instant last = user.lastActivity();
            if (last == null || last.equals(lastSeen.put(user.name(), last))) continue;
            // A server started ahead of its learner (a class opened by the teacher) reports its start as activity:
            // only people who logged in within the hours kept have worked.
            if (!hours.existsByUserName(user.name())) continue;
            mark(user.name(), last);
        }
        lastSeen.keySet().retainAll(users.stream().map(JupyterHubClient.HubUser::name).collect(Collectors.toSet()));
        hours.deleteStartedBefore(clock.instant().minus(KEPT));
    }

    /** This person is at work now (they logged in). */
    void atWork(String user) {
        mark(user, clock.instant());
    }

    private synchronized void mark(String user, Instant at) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        if (!hours.existsByUserNameAndHourStart(user, hour)) hours.save(new WorkHour(user, hour));
    }

    /** The hours (their starts) in which each of these people worked since {@code from}. */
    public Map<String, Set<Instant>> since(Collection<String> users, Instant from) {
        if (users.isEmpty()) return Map.of();
        return hours.findByUserNameInAndHourStartGreaterThanEqual(users, from).stream()
                .collect(Collectors.groupingBy(WorkHour::getUserName, Collectors.mapping(WorkHour::getHourStart, Collectors.toCollection(TreeSet::new))));
    }
}
