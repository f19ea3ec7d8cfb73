package org.learnbox.bridge.course;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A teacher imports a course from git on the classes page, as {@code ./box course import} does. */
@Controller
class CourseImportController {
    private final CourseService courses;

    CourseImportController(CourseService courses) {
        this.courses = courses;
    }

    @PostMapping("/courses/import")
    String importCourse(@RequestParam(defaultValue = "") String url, RedirectAttributes flash) {
        try {
            CourseManifest imported = courses.importFromGit(url).manifest();
            flash.addFlashAttribute("notice", "The course \"" + imported.title() + "\" (" + imported.id() + ", version "
                    + imported.version() + ", " + imported.lessons().size() + " lessons) is on the box."
                    + " Give it to a class on the class's page.");
        } catch (CourseException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
            flash.addFlashAttribute("typedUrl", url);
        }
        return "redirect:/classes";
    }
}
