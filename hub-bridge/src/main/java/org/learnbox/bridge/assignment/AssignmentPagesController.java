package org.learnbox.bridge.assignment;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learnbox.bridge.classroom.Classroom;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.config.Refusal;
import org.learnbox.bridge.config.Words;
import org.learnbox.bridge.work.NotebookView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The teacher's side, under a class: its Assignments tab (import from a folder of their home,
 * release with a due date), each release's gradebook (grade again, grades.csv), and one
 * submission with its graded notebooks and the points a teacher gives by hand.
 */
@Controller
class AssignmentPagesController {
    /** Points as a page writes them: 1, 2.5. */
    static final java.util.function.Function<Double, String> POINTS = AssignmentSource::points;

    private final ClassroomService classrooms;
    private final AssignmentLibrary library;
    private final AssignmentReleases releases;
    private final Gradebook gradebook;
    private final Words words;

    AssignmentPagesController(ClassroomService classrooms, AssignmentLibrary library, AssignmentReleases releases, Gradebook gradebook,
            Words words) {
        this.classrooms = classrooms;
        this.library = library;
        this.releases = releases;
        this.gradebook = gradebook;
        this.words = words;
    }

    /** A release as its class's tab lists it. */
    record ReleaseLine(AssignmentRelease release, Assignment assignment, long submitted, long graded, int students) {}

    @GetMapping("/classes/{classId}/assignments")
    String tab(@PathVariable long classId, Principal principal, Model model) {
        Classroom classroom = classrooms.manage(classId, principal.getName());
        List<ReleaseLine> lines = new ArrayList<>();
        for (AssignmentRelease release : releases.releasesOf(classId, principal.getName())) {
            List<Gradebook.Row> rows = gradebook.rows(release, principal.getName());
            lines.add(new ReleaseLine(release, library.require(release.getAssignmentId()), rows.stream().filter(r -> r.latest() != null).count(),
                    rows.stream().filter(r -> r.latest() != null && r.latest().getState() == SubmissionState.GRADED).count(), rows.size()));
        }
        model.addAttribute("classroom", classroom);
        model.addAttribute("releases", lines);
        model.addAttribute("assignments", library.usableBy(principal.getName()));
        model.addAttribute("points", POINTS);
        return "class-assignments";
    }

    @PostMapping("/classes/{classId}/assignments/import")
    String importFromHome(@PathVariable long classId, @RequestParam(defaultValue = "") String folder, Principal principal,
            RedirectAttributes flash) {
        classrooms.manage(classId, principal.getName());
        return imported(classId, () -> library.importFromHome(principal.getName(), folder), "typedFolder", folder, flash);
    }

    @PostMapping("/classes/{classId}/assignments/import-git")
    String importFromGit(@PathVariable long classId, @RequestParam(defaultValue = "") String url, Principal principal,
            RedirectAttributes flash) {
        classrooms.manage(classId, principal.getName());
        return imported(classId, () -> library.importFromGit(principal.getName(), url), "typedUrl", url, flash);
    }

    /** Imports, then back to the tab with what came in, or each problem and what the teacher typed. */
    private String imported(long classId, java.util.function.Supplier<Assignment> importing, String typedName, String typed,
            RedirectAttributes flash) {
        try {
            Assignment imported = importing.get();
            flash.addFlashAttribute("notice", words.of("assignment.notice.imported", imported.getId(), imported.getTitle(),
                    AssignmentSource.points(imported.getPoints())));
        } catch (AssignmentException refused) {
            flash.addFlashAttribute("problems", refused.problems().stream().map(words::of).toList());
            flash.addFlashAttribute(typedName, typed);
        } catch (Refusal refused) {
            flash.addFlashAttribute("problems", List.of(words.of(refused)));
            flash.addFlashAttribute(typedName, typed);
        }
        return "redirect:/classes/" + classId + "/assignments";
    }

    @PostMapping("/classes/{classId}/assignments/release")
    String release(@PathVariable long classId, @RequestParam(defaultValue = "") String assignment, @RequestParam(defaultValue = "") String due,
            Principal principal, RedirectAttributes flash) {
        try {
            AssignmentRelease released = releases.release(assignment, classId, due(due), principal.getName());
            flash.addFlashAttribute("notice", words.of("assignment.notice.released", assignment,
                    released.getDueAt() == null ? words.of("assignment.no-due") : released.getDueAt().toString()));
        } catch (AssignmentException refused) {
            flash.addFlashAttribute("error", words.of(refused));
            flash.addFlashAttribute("typedDue", due);
        }
        return "redirect:/classes/" + classId + "/assignments";
    }

    @GetMapping("/classes/{classId}/assignments/{releaseId}")
    String gradebook(@PathVariable long classId, @PathVariable long releaseId, Principal principal, Model model) {
        AssignmentRelease release = releaseOf(classId, releaseId, principal);
        Assignment assignment = library.require(release.getAssignmentId());
        List<Gradebook.Row> rows = gradebook.rows(release, principal.getName());
        List<String> columns = new ArrayList<>();
        library.source(assignment).grading().forEach((notebook, grading) ->
                grading.gradedCells().forEach(cell -> columns.add(notebook + " · " + cell.gradeId())));
        Map<String, Map<String, SubmissionCell>> cells = new LinkedHashMap<>();
        for (Gradebook.Row row : rows) {
            Map<String, SubmissionCell> byColumn = new LinkedHashMap<>();
            if (row.latest() != null) {
                GradingQueue.cellsOf(row.latest()).forEach(c -> byColumn.put(c.notebook() + " · " + c.gradeId(), c));
            }
            cells.put(row.student(), byColumn);
        }
        model.addAttribute("classroom", classrooms.manage(classId, principal.getName()));
        model.addAttribute("release", release);
        model.addAttribute("assignment", assignment);
        model.addAttribute("rows", rows);
        model.addAttribute("columns", columns);
        model.addAttribute("cells", cells);
        model.addAttribute("points", POINTS);
        return "assignment-gradebook";
    }

    @PostMapping("/classes/{classId}/assignments/{releaseId}/regrade")
    String regrade(@PathVariable long classId, @PathVariable long releaseId, Principal principal, RedirectAttributes flash) {
        int queued = gradebook.regrade(releaseOf(classId, releaseId, principal), principal.getName());
        flash.addFlashAttribute("notice", words.of("assignment.notice.regrading", queued));
        return "redirect:/classes/" + classId + "/assignments/" + releaseId;
    }

    @GetMapping("/classes/{classId}/assignments/{releaseId}/grades.csv")
    ResponseEntity<String> csv(@PathVariable long classId, @PathVariable long releaseId, Principal principal) {
        AssignmentRelease release = releaseOf(classId, releaseId, principal);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + release.getAssignmentId() + "-grades.csv")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(gradebook.csv(release, principal.getName()));
    }

    @GetMapping("/classes/{classId}/assignments/{releaseId}/submissions/{submissionId}")
    String submission(@PathVariable long classId, @PathVariable long releaseId, @PathVariable long submissionId, Principal principal,
            Model model) {
        AssignmentRelease release = releaseOf(classId, releaseId, principal);
        Submission submission = gradebook.submission(submissionId, principal.getName());
        if (!submission.getReleaseId().equals(release.getId())) throw notFound(submissionId);
        model.addAttribute("classroom", classrooms.manage(classId, principal.getName()));
        model.addAttribute("release", release);
        model.addAttribute("assignment", library.require(release.getAssignmentId()));
        model.addAttribute("submission", submission);
        List<SubmissionCell> cells = GradingQueue.cellsOf(submission);
        model.addAttribute("cells", cells);
        model.addAttribute("manualCells", cells.stream().filter(SubmissionCell::manual).toList());
        model.addAttribute("notebooks", graded(submission));
        model.addAttribute("points", POINTS);
        return "assignment-submission";
    }

    @PostMapping("/classes/{classId}/assignments/{releaseId}/submissions/{submissionId}/cells")
    String givePoints(@PathVariable long classId, @PathVariable long releaseId, @PathVariable long submissionId,
            @RequestParam String notebook, @RequestParam String gradeId, @RequestParam(defaultValue = "") String points,
            @RequestParam(defaultValue = "") String comment, Principal principal, RedirectAttributes flash) {
        releaseOf(classId, releaseId, principal);
        String back = "redirect:/classes/" + classId + "/assignments/" + releaseId + "/submissions/" + submissionId;
        try {
            Double given = points.isBlank() ? null : Double.valueOf(points.strip().replace(',', '.'));
            gradebook.giveManualPoints(submissionId, notebook, gradeId, given, comment, principal.getName());
            flash.addFlashAttribute("notice", words.of("assignment.notice.points-given", gradeId));
        } catch (NumberFormatException notANumber) {
            flash.addFlashAttribute("error", words.of("assignment.refused.manual-points-invalid", points, gradeId, "…"));
        } catch (AssignmentException refused) {
            flash.addFlashAttribute("error", words.of(refused));
        }
        return back;
    }

    /** The graded notebooks of a submission, by name, as the box shows notebooks. */
    static Map<String, NotebookView> graded(Submission submission) {
        Map<String, NotebookView> notebooks = new LinkedHashMap<>();
        if (submission.getFeedback() != null) {
            FileBundle.unpack(submission.getFeedback()).forEach((name, content) -> notebooks.put(name, NotebookView.read(content)));
        }
        return notebooks;
    }

    private AssignmentRelease releaseOf(long classId, long releaseId, Principal principal) {
        classrooms.manage(classId, principal.getName());
        return releases.find(releaseId).filter(r -> r.getClassroomId() == classId)
                .orElseThrow(() -> new AssignmentException(HttpStatus.NOT_FOUND, AssignmentProblem.of("no-release", releaseId)));
    }

    private static AssignmentException notFound(long submissionId) {
        return new AssignmentException(HttpStatus.NOT_FOUND, AssignmentProblem.of("no-such-submission", submissionId));
    }

    static Instant due(String typed) {
        if (typed == null || typed.isBlank()) return null;
        try {
            return java.time.OffsetDateTime.parse(typed.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new AssignmentException(AssignmentProblem.of("due-invalid", typed));
        }
    }

    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(refusal.status().value());
        model.addAttribute("message", words.of(refusal));
        return "refused";
    }
}
