package org.learnbox.bridge.work;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.learnbox.bridge.app.AppService;
import org.learnbox.bridge.classroom.Classroom;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.config.Refusal;
import org.learnbox.bridge.config.Words;
import org.learnbox.bridge.course.CourseProgress;
import org.learnbox.bridge.devops.RepoService;
import org.learnbox.bridge.sandbox.SandboxException;
import org.learnbox.bridge.snippet.SnippetService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A student's work as their class's teacher (or an admin) sees it, read-only: progress, the
 * notebooks of their home, their snippets, live apps and repositories.
 */
@Controller
class StudentWorkController {
    private final ClassroomService classrooms;
    private final CourseProgress progress;
    private final StudentNotebooks notebooks;
    private final SnippetService snippets;
    private final AppService apps;
    private final RepoService repos;
    private final Words words;

    StudentWorkController(ClassroomService classrooms, CourseProgress progress, StudentNotebooks notebooks,
            SnippetService snippets, AppService apps, RepoService repos, Words words) {
        this.words = words;
        this.classrooms = classrooms;
        this.progress = progress;
        this.notebooks = notebooks;
        this.snippets = snippets;
        this.apps = apps;
        this.repos = repos;
    }

    @GetMapping("/classes/{id}/students/{student}")
    String work(@PathVariable long id, @PathVariable String student, Principal principal, Model model) {
        Classroom classroom = studentOf(id, student, principal);
        model.addAttribute("classroom", classroom);
        model.addAttribute("student", student);
        model.addAttribute("progress", classrooms.coursesOf(classroom).stream()
                .flatMap(course -> progress.of(course, java.util.List.of(student)).stream()).toList());
        try {
            model.addAttribute("notebooks", notebooks.list(student));
        } catch (SandboxException noHomeYet) {
            model.addAttribute("notebooksMissing", words.of(noHomeYet));
        }
        model.addAttribute("snippets", snippets.ownedBy(student, principal.getName()));
        model.addAttribute("apps", apps.appsOf(student));
        model.addAttribute("repositories", repos.reposOf(student));
        return "student-work";
    }

    @GetMapping("/classes/{id}/students/{student}/notebook")
    String notebook(@PathVariable long id, @PathVariable String student, @RequestParam(defaultValue = "") String path,
            Principal principal, Model model) {
        Classroom classroom = studentOf(id, student, principal);
        model.addAttribute("classroom", classroom);
        model.addAttribute("student", student);
        model.addAttribute("path", path);
        model.addAttribute("notebook", NotebookView.read(notebooks.read(student, path), words::of));
        return "student-notebook";
    }

    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(refusal.status().value());
        model.addAttribute("message", words.of(refusal));
        return "refused";
    }

    /** The class, once the person is its teacher or an admin and the student is in it; else a refusal in words. */
    private Classroom studentOf(long id, String student, Principal principal) {
        Classroom classroom = classrooms.manage(id, principal.getName());
        if (!classrooms.hasStudent(classroom, student)) {
            throw new WorkException("work.refused.no-student", student, classroom.getName());
        }
        return classroom;
    }
}
