package org.learnbox.bridge.course;

import io.micrometer.core.instrument.MeterRegistry;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.Words;
import org.learnbox.bridge.sandbox.CommandResult;
import org.learnbox.bridge.sandbox.Sandbox;
import org.learnbox.bridge.sandbox.SandboxException;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.learnbox.bridge.sandbox.SandboxAnswering;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings the courses into a learner's {@code ~/courses/}: when their sandbox starts, and when
 * they ask for an update. The merge rules live in the sandbox's {@code learnbox-course-sync}.
 */
@Service
public class CourseDelivery {
    private static final Logger log = LoggerFactory.getLogger(CourseDelivery.class);
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration LET_THE_LAB_LOAD_FIRST = Duration.ofSeconds(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What happened to one course in one home, in words of the bundles for the dashboard; the API reads the English summary. */
    public record Outcome(String course, boolean ok, @JsonIgnore MessageSourceResolvable words) {
        @JsonProperty
        public String summary() {
            return Words.english(words);
        }
    }

    private final CourseRepositories repositories;
    private final CourseAudience audience;
    private final SandboxRuntime sandboxes;
    private final String gitUrl;
    private final MeterRegistry meters;

    CourseDelivery(CourseRepositories repositories, CourseAudience audience, SandboxRuntime sandboxes,
            LearnboxProperties properties, MeterRegistry meters) {
        this.meters = meters;
        this.repositories = repositories;
        this.audience = audience;
        this.sandboxes = sandboxes;
        this.gitUrl = properties.courses().urlForSandboxes().replaceFirst("/+$", "");
    }

    /** The courses this person receives, as published. */
    public List<CourseRepositories.Published> coursesOf(String user) {
        Set<String> theirs = audience.coursesFor(user);
        return repositories.list().stream().filter(c -> theirs.contains(c.manifest().id())).toList();
    }

    /** Every course of the learner's into their running sandbox. */
    public List<Outcome> deliver(String user) {
        if (sandboxes.find(user).filter(Sandbox::running).isEmpty()) {
            return List.of(new Outcome("", false, Words.phrase("course.delivery.not-running")));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (CourseRepositories.Published course : coursesOf(user)) {
            outcomes.add(deliver(user, course.manifest().id()));
        }
        if (outcomes.isEmpty()) {
            outcomes.add(new Outcome("", true, Words.phrase("course.delivery.no-courses")));
        }
        return outcomes;
    }

    /** What delivering one course to everyone running gave, learner by learner. */
    public record Delivered(String user, Outcome outcome) {}

    /**
     * One course into every running sandbox at once, as when a teacher publishes a new
     * version and wants the class to have it now.
     */
    public List<Delivered> deliverToEveryoneRunning(String courseId) {
        if (repositories.find(courseId).isEmpty()) {
            throw new CourseException("course.refused.no-course", courseId);
        }
        List<String> users = sandboxes.list().stream().filter(Sandbox::running).map(Sandbox::user)
                .filter(user -> audience.receives(user, courseId)).toList();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Delivered>> running = users.stream()
                    .map(user -> pool.submit(() -> new Delivered(user, deliver(user, courseId))))
                    .toList();
            List<Delivered> delivered = new ArrayList<>();
            for (Future<Delivered> one : running) {
                delivered.add(one.get());
            }
            return delivered;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CourseException("course.refused.interrupted", courseId);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private Outcome deliver(String user, String courseId) {
        List<String> command = List.of("learnbox-course-sync", gitUrl + "/" + courseId + ".git", courseId);
        try {
            CommandResult result = sandboxes.run(user, command, SYNC_TIMEOUT);
            Outcome outcome = describe(courseId, result);
            meters.counter("learnbox.course.deliveries", "outcome", outcome.ok() ? "delivered" : "failed").increment();
            if (outcome.ok()) {
                log.info("course {} for {}: {}", courseId, user, outcome.summary());
            } else {
                log.warn("course {} for {} failed: {} {}", courseId, user, outcome.summary(), result.stderr().strip());
            }
            return outcome;
        } catch (SandboxException e) {
            return new Outcome(courseId, false, e);
        }
    }

    @EventListener
    void onSandboxAnswering(SandboxAnswering answering) {
        // Off the spawn's path, and a moment after it: the lab's first page load gets the sandbox's one CPU.
        Thread.ofVirtual().name("courses-for-" + answering.user()).start(() -> {
            try {
                Thread.sleep(LET_THE_LAB_LOAD_FIRST);
            } catch (InterruptedException e) {
                return;
            }
            deliver(answering.user());
        });
    }

    static Outcome describe(String courseId, CommandResult result) {
        JsonNode answer;
        try {
            String lastLine = result.stdout().strip().lines().reduce((a, b) -> b).orElse("");
            answer = JSON.readTree(lastLine);
        } catch (JacksonException e) {
            return new Outcome(courseId, false, Words.phrase("course.delivery.failed", result.stderr().strip()));
        }
        String where = "~/courses/" + courseId;
        String error = answer.path("error").asString(null);
        return switch (answer.path("action").asString("")) {
            case "cloned" -> new Outcome(courseId, true, Words.phrase("course.delivery.arrived", where));
            case "unchanged", "updated" -> new Outcome(courseId, true, updated(answer, where));
            case "re-cloned" -> new Outcome(courseId, true, Words.phrase("course.delivery.re-cloned", where,
                    answer.path("backup").asString("")));
            default -> new Outcome(courseId, false, Words.phrase("course.delivery.not-updated",
                    error == null ? Words.phrase("course.delivery.unknown-error") : error));
        };
    }

    private static MessageSourceResolvable updated(JsonNode answer, String where) {
        MessageSourceResolvable summary = Words.phrase(answer.path("action").asString().equals("updated")
                ? "course.delivery.up-to-date" : "course.delivery.already", where);
        List<String> copies = strings(answer.path("teacher_copies"));
        if (!copies.isEmpty()) summary = Words.phrase("course.delivery.teacher-copies", summary, String.join(", ", copies));
        List<String> restored = strings(answer.path("restored"));
        if (!restored.isEmpty()) summary = Words.phrase("course.delivery.restored", summary, String.join(", ", restored));
        return summary;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
