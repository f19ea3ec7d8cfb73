package org.learnbox.bridge.course;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Courses for the box script ({@code ./box course ...}), behind the shared secret. */
@RestController
@RequestMapping("/admin-api/courses")
class CourseAdminApiController {
    record ImportRequest(String url) {}

    record CourseView(String id, String title, String version, int lessons, String source, String commit) {
        static CourseView of(CourseRepositories.Published course) {
            CourseManifest m = course.manifest();
            return new CourseView(m.id(), m.title(), m.version(), m.lessons().size(), course.source(), course.commit());
        }
    }

    record DeliveryReport(String course, int sandboxes, int failed, double seconds, List<CourseDelivery.Delivered> outcomes) {}

    private final CourseService courses;
    private final CourseDelivery delivery;

    CourseAdminApiController(CourseService courses, CourseDelivery delivery) {
        this.courses = courses;
        this.delivery = delivery;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<CourseView> list() {
        return courses.list().stream().map(CourseView::of).toList();
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String table() {
        return String.format("%-24s %-8s %-8s %s%n", "ID", "VERSION", "LESSONS", "TITLE") + courses.list().stream()
                .map(CourseView::of)
                .map(c -> String.format("%-24s %-8s %-8d %s", c.id(), c.version(), c.lessons(), c.title()))
                .collect(Collectors.joining("\n"));
    }

    /** The course into every running sandbox now; the rest get it when they start. */
    @PostMapping("/{id}/deliver")
    DeliveryReport deliver(@PathVariable String id) {
        long start = System.nanoTime();
        List<CourseDelivery.Delivered> outcomes = delivery.deliverToEveryoneRunning(id);
        double seconds = (System.nanoTime() - start) / 1e9;
        int failed = (int) outcomes.stream().filter(d -> !d.outcome().ok()).count();
        return new DeliveryReport(id, outcomes.size(), failed, Math.round(seconds * 100) / 100.0, outcomes);
    }

    @PostMapping
    CourseView importCourse(@RequestBody ImportRequest request) {
        return CourseView.of(courses.importFromGit(request.url()));
    }
}
