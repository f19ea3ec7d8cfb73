package org.learnbox.bridge.classroom;

import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Classes for the box script ({@code ./box class list}, {@code ./box course assign}), behind the shared secret. */
@RestController
@RequestMapping("/admin-api/classes")
class ClassroomAdminApiController {
    record AssignRequest(String course) {}

    record Assigned(String joinCode, String classroom, String course) {}

    private final ClassroomService classrooms;

    ClassroomAdminApiController(ClassroomService classrooms) {
        this.classrooms = classrooms;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String table() {
        return String.format("%-10s %-24s %-16s %-8s %s%n", "CODE", "CLASS", "TEACHER", "STUDENTS", "COURSES")
                + classrooms.allClasses().stream()
                .map(c -> String.format("%-10s %-24s %-16s %-8d %s", c.getJoinCode(), c.getName(), c.getTeacher(),
                        classrooms.students(c).size(), String.join(",", classrooms.coursesOf(c))))
                .collect(Collectors.joining("\n"));
    }

    /** Gives the class (named by its join code) a course, as its teacher would on the class page. */
    @PostMapping("/{joinCode}/courses")
    Assigned assign(@PathVariable String joinCode, @RequestBody AssignRequest request) {
        Classroom classroom = classrooms.byCode(joinCode)
                .orElseThrow(() -> new ClassroomException("class.refused.no-code", joinCode));
        classrooms.assign(classroom.getId(), request.course(), classroom.getTeacher());
        return new Assigned(classroom.getJoinCode(), classroom.getName(), request.course());
    }
}
