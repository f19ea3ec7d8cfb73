package org.learnbox.bridge.course;

import org.learnbox.bridge.config.Words;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A teacher imports a course from git on the classes page, as {@code ./box course import} does. */
@Controller
class CourseImportController {
    private final CourseService courses;
    private final Words words;

    CourseImportController(CourseService courses, Words words) {
        this.words = words;
        this.courses = courses;
    }

    @PostMapping("/courses/import")
    String importCourse(@RequestParam(defaultValue = "") String url, RedirectAttributes flash) {
        try {
            CourseManifest imported = courses.importFromGit(url).manifest();
            flash.addFlashAttribute("notice", words.of("course.notice.imported", imported.title(), imported.id(),
                    String.valueOf(imported.version()), imported.lessons().size()));
        } catch (CourseException refused) {
            flash.addFlashAttribute("error", words.of(refused));
            flash.addFlashAttribute("typedUrl", url);
        }
        return "redirect:/classes";
    }
}
