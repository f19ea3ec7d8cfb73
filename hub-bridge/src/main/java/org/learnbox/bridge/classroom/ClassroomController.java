package org.learnbox.bridge.classroom;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.PublicAddress;
import org.learnbox.bridge.config.Words;
import org.learnbox.bridge.course.CourseProgress;
import org.learnbox.bridge.course.CourseService;
import org.learnbox.bridge.hub.WorkHours;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The teacher's class pages, and the student's join page. */
@Controller
class ClassroomController {
    private final ClassroomService classrooms;
    private final CourseService courses;
    private final CourseProgress progress;
    private final PublicAddress address;
    private final Words words;
    private final WorkHours workHours;
    private final Clock clock;
    private final LearnboxProperties properties;

    ClassroomController(ClassroomService classrooms, CourseService courses, CourseProgress progress, PublicAddress address,
            Words words, WorkHours workHours, Clock clock, LearnboxProperties properties) {
        this.properties = properties;
        this.classrooms = classrooms;
        this.workHours = workHours;
        this.clock = clock;
        this.words = words;
        this.courses = courses;
        this.progress = progress;
        this.address = address;
    }

    @GetMapping("/classes")
    String classes(Principal principal, Model model) {
        model.addAttribute("classes", classrooms.taughtBy(principal.getName()));
        return "classes";
    }

    @PostMapping("/classes")
    String create(Principal principal, @RequestParam(defaultValue = "") String name, RedirectAttributes flash) {
        try {
            Classroom made = classrooms.create(principal.getName(), name);
            flash.addFlashAttribute("notice", words.of("class.notice.ready", made.getName()));
            return "redirect:/classes/" + made.getId();
        } catch (ClassroomException refused) {
            flash.addFlashAttribute("error", words.of(refused));
            flash.addFlashAttribute("typedName", name);
            return "redirect:/classes";
        }
    }

    @GetMapping("/classes/{id}")
    String classroom(@PathVariable long id, Principal principal, Model model, jakarta.servlet.http.HttpServletRequest request) {
        Classroom classroom = classrooms.manage(id, principal.getName());
        List<String> assigned = classrooms.coursesOf(classroom);
        model.addAttribute("classroom", classroom);
        model.addAttribute("joinLink", address.of(request) + "/join/" + classroom.getJoinCode());
        List<ClassroomService.RosterEntry> roster = classrooms.roster(classroom);
        List<String> students = roster.stream().map(ClassroomService.RosterEntry::name).toList();
        model.addAttribute("roster", roster);
        model.addAttribute("progress", assigned.stream().flatMap(courseId -> progress.of(courseId, students).stream()).toList());
        Instant now = clock.instant();
        ZoneId zone = ZoneId.systemDefault();
        model.addAttribute("week", ClassWeek.of(students,
                workHours.since(students, ClassWeek.firstDay(now, zone).atStartOfDay(zone).toInstant()), now, zone, LocaleContextHolder.getLocale()));
        model.addAttribute("assigned", assigned.stream().map(courseId -> courses.find(courseId)
                .map(c -> words.of("class.assigned", c.manifest().title(), c.manifest().lessons().size()))
                .orElseGet(() -> words.of("class.assigned-gone", courseId))).toList());
        model.addAttribute("assignable", courses.list().stream()
                .filter(c -> !assigned.contains(c.manifest().id())).toList());
        return "class";
    }

    @PostMapping("/classes/{id}/courses")
    String assign(@PathVariable long id, @RequestParam(defaultValue = "") String course, Principal principal,
            RedirectAttributes flash) {
        try {
            classrooms.assign(id, course, principal.getName());
            flash.addFlashAttribute("notice", words.of("class.notice.assigned", course));
        } catch (ClassroomException refused) {
            flash.addFlashAttribute("error", words.of(refused));
        }
        return "redirect:/classes/" + id;
    }

    /** A pasted list of names becomes students of the class; the login slips of new accounts are shown on this answer only. */
    @PostMapping("/classes/{id}/students")
    String enrol(@PathVariable long id, @RequestParam(defaultValue = "") String names, Principal principal, Model model,
            jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        try {
            ClassroomService.Enrolment enrolment = classrooms.enrol(id, names, principal.getName());
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("classroom", enrolment.classroom());
            model.addAttribute("made", enrolment.made());
            model.addAttribute("joined", enrolment.joined());
            model.addAttribute("boxUrl", address.of(request));
            return "class-slips";
        } catch (ClassroomException refused) {
            flash.addFlashAttribute("error", words.of(refused));
            flash.addFlashAttribute("typedNames", names);
            return "redirect:/classes/" + id;
        }
    }

    @PostMapping("/classes/{id}/desktops")
    String watchDesktops(@PathVariable long id, @RequestParam(defaultValue = "false") boolean watched, Principal principal,
            RedirectAttributes flash) {
        classrooms.watchDesktops(id, watched, principal.getName());
        flash.addFlashAttribute("notice", words.of(watched ? "class.notice.desktops-watched" : "class.notice.desktops-private"));
        return "redirect:/classes/" + id;
    }

    /** "Open the class": every student's server starts (or wakes) ahead of the lesson. */
    @PostMapping("/classes/{id}/open")
    String open(@PathVariable long id, Principal principal, RedirectAttributes flash) {
        ClassroomService.Opening opening = classrooms.open(id, principal.getName());
        long idleMinutes = Math.max(1, (properties.hub().idleTimeout().toSeconds() + 59) / 60);
        flash.addFlashAttribute("notice", opening.starting() == 0
                ? words.of(opening.students() == 0 ? "class.notice.open-no-students" : "class.notice.open-already")
                : words.of("class.notice.opening", opening.starting(), idleMinutes));
        return "redirect:/classes/" + id;
    }

    @PostMapping("/classes/{id}/students/{student}/start")
    String start(@PathVariable long id, @PathVariable String student, Principal principal, RedirectAttributes flash) {
        return serverAction(id, student, principal, flash, true);
    }

    @PostMapping("/classes/{id}/students/{student}/stop")
    String stop(@PathVariable long id, @PathVariable String student, Principal principal, RedirectAttributes flash) {
        return serverAction(id, student, principal, flash, false);
    }

    private String serverAction(long id, String student, Principal principal, RedirectAttributes flash, boolean start) {
        try {
            if (start) {
                classrooms.startServerOf(id, student, principal.getName());
                flash.addFlashAttribute("notice", words.of("class.notice.starting", student));
            } else {
                classrooms.stopServerOf(id, student, principal.getName());
                flash.addFlashAttribute("notice", words.of("class.notice.stopping", student));
            }
        } catch (ClassroomException refused) {
            flash.addFlashAttribute("error", words.of(refused));
        }
        return "redirect:/classes/" + id;
    }

    /** The link a teacher hands out: it says which class it is, and joining is one button. */
    @GetMapping("/join/{code}")
    String joinPage(@PathVariable String code, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("classroom", classrooms.requireByCode(code));
        } catch (ClassroomException unknown) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("error", words.of(unknown));
        }
        model.addAttribute("code", code);
        return "join";
    }

    @PostMapping("/join")
    String join(@RequestParam(defaultValue = "") String code, Principal principal, RedirectAttributes flash) {
        try {
            Classroom joined = classrooms.join(principal.getName(), code);
            flash.addFlashAttribute("joined", words.of("class.notice.joined", joined.getName(), joined.getTeacher()));
        } catch (ClassroomException refused) {
            flash.addFlashAttribute("joinError", words.of(refused));
        }
        return "redirect:/";
    }

    @ExceptionHandler(NotYourClassException.class)
    String notYours(NotYourClassException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("message", words.of(e));
        return "refused";
    }
}
