package org.learnbox.bridge.assignment;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.learnbox.bridge.config.Refusal;
import org.learnbox.bridge.config.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The student's side: their assignments, the Submit button, and their own feedback. Nobody else's is ever shown. */
@Controller
class StudentAssignmentsController {
    private final AssignmentReleases releases;
    private final Submissions submissions;
    private final Words words;

    StudentAssignmentsController(AssignmentReleases releases, Submissions submissions, Words words) {
        this.releases = releases;
        this.submissions = submissions;
        this.words = words;
    }

    /** One assignment as its student's list shows it, with their latest submission (null: none yet). */
    record Line(AssignmentReleases.StudentRelease given, Submission latest) {}

    @GetMapping("/assignments")
    String mine(Principal principal, Model model) {
        String student = principal.getName();
        model.addAttribute("lines", releases.releasesFor(student).stream()
                .map(r -> new Line(r, submissions.latest(student, r.assignment().getId()).orElse(null))).toList());
        model.addAttribute("now", Instant.now());
        model.addAttribute("points", AssignmentPagesController.POINTS);
        return "assignments";
    }

    @PostMapping("/assignments/{id}/submit")
    String submit(@PathVariable String id, Principal principal, RedirectAttributes flash) {
        try {
            submissions.submit(principal.getName(), id);
            flash.addFlashAttribute("notice", words.of("assignment.notice.submitted", id));
        } catch (Refusal refused) {
            flash.addFlashAttribute("error", words.of(refused));
        }
        return "redirect:/assignments/" + id;
    }

    /** The visible tests run on the notebooks as they are; the answer is the assignment's page with what they said. */
    @PostMapping("/assignments/{id}/validate")
    String validate(@PathVariable String id, Principal principal, Model model) {
        try {
            model.addAttribute("validation", submissions.validate(principal.getName(), id));
        } catch (Refusal refused) {
            model.addAttribute("error", words.of(refused));
        }
        return one(id, principal, model);
    }

    @GetMapping("/assignments/{id}")
    String one(@PathVariable String id, Principal principal, Model model) {
        String student = principal.getName();
        AssignmentReleases.StudentRelease given = releases.releaseFor(student, id);
        List<Submission> theirs = submissions.of(student, id);
        model.addAttribute("given", given);
        model.addAttribute("submissions", theirs);
        boolean shown = given.scoreShown(Instant.now());
        model.addAttribute("shown", shown);
        if (!theirs.isEmpty()) model.addAttribute("latest", theirs.getFirst());
        if (!theirs.isEmpty() && shown) {
            model.addAttribute("cells", GradingQueue.cellsOf(theirs.getFirst()));
            model.addAttribute("notebooks", AssignmentPagesController.graded(theirs.getFirst()));
        }
        model.addAttribute("points", AssignmentPagesController.POINTS);
        return "assignment";
    }

    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(refusal.status().value());
        model.addAttribute("message", words.of(refusal));
        return "refused";
    }
}
