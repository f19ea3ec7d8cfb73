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

    record NewClass(String name, String teacher) {}

    record Made(String joinCode, String classroom, String teacher) {}

    record EnrolRequest(java.util.List<String> students) {}

    /** Accounts made (name to its one-time password) and students who had one already. */
    record Enrolled(String joinCode, String classroom, java.util.Map<String, String> made, java.util.List<String> joined) {}

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

    /** Makes a class for a teacher, as they would on the classes page; answers its join code. */
    @PostMapping
    Made make(@RequestBody NewClass request) {
        Classroom made = classrooms.create(request.teacher(), request.name());
        return new Made(made.getJoinCode(), made.getName(), made.getTeacher());
    }

    /** Enrols students in the class, making the accounts that do not exist yet, as its teacher's pasted list does. */
    @PostMapping("/{joinCode}/students")
    Enrolled enrol(@PathVariable String joinCode, @RequestBody EnrolRequest request) {
        Classroom classroom = classrooms.requireByCode(joinCode);
        String pasted = String.join("\n", request.students() == null ? java.util.List.of() : request.students());
        ClassroomService.Enrolment enrolment = classrooms.enrol(classroom.getId(), pasted, classroom.getTeacher());
        return new Enrolled(classroom.getJoinCode(), classroom.getName(), enrolment.made(), enrolment.joined());
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
