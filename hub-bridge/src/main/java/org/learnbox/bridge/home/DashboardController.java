package org.learnbox.bridge.home;

import java.security.Principal;
import org.learnbox.bridge.app.AppModeration;
import org.learnbox.bridge.app.AppService;
import org.learnbox.bridge.config.PublicAddress;
import org.learnbox.bridge.course.CourseDelivery;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.config.Words;
import org.learnbox.bridge.devops.RepoService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The box's front page: the person's dashboard (or the way to log in). A student's has the classes
 * they joined and their courses; a teacher's or an admin's the classes they teach. Everyone's has
 * their live apps and repositories.
 */
@Controller
class DashboardController {
    private final PublicAddress address;
    private final CourseDelivery delivery;
    private final ClassroomService classrooms;
    private final AppService apps;
    private final AppModeration moderation;
    private final RepoService repos;
    private final Words words;

    DashboardController(CourseDelivery delivery, ClassroomService classrooms, AppService apps, AppModeration moderation,
            RepoService repos, PublicAddress address, Words words) {
        this.words = words;
        this.address = address;
        this.moderation = moderation;
        this.repos = repos;
        this.delivery = delivery;
        this.classrooms = classrooms;
        this.apps = apps;
    }

    @GetMapping("/")
    String home(Principal principal, Model model, jakarta.servlet.http.HttpServletRequest request) {
        if (principal == null) return "redirect:/login";
        model.addAttribute("name", principal.getName());
        boolean teaches = request.isUserInRole("TEACHER") || request.isUserInRole("ADMIN");
        model.addAttribute("teaches", teaches);
        if (teaches) {
            model.addAttribute("taught", classrooms.taughtBy(principal.getName()));
        } else {
            model.addAttribute("courses", delivery.coursesOf(principal.getName()));
            model.addAttribute("classes", classrooms.joinedBy(principal.getName()));
        }
        model.addAttribute("apps", apps.appsOf(principal.getName()));
        model.addAttribute("takedowns", moderation.takedownsOf(principal.getName()));
        model.addAttribute("repos", repos.reposOf(principal.getName()));
        model.addAttribute("boxUrl", address.of(request));
        return "dashboard";
    }

    /** The "update my courses" button: newest lessons in, nothing of the learner's lost. */
    @PostMapping("/courses/update")
    String updateCourses(Principal principal, RedirectAttributes flash) {
        flash.addFlashAttribute("outcomes", delivery.deliver(principal.getName()).stream()
                .map(o -> new ShownOutcome(o.course(), o.ok(), words.of(o.words()))).toList());
        return "redirect:/";
    }

    /** A course's outcome in the reader's words. */
    record ShownOutcome(String course, boolean ok, String summary) {}
}
