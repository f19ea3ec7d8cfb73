package org.learnbox.bridge.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

@Command(name = "course", mixinStandardHelpOptions = true, description = "Courses: list, import, deliver, assign.")
final class CourseCommands {
    private static final String COURSES = "/admin-api/courses";

    @ParentCommand
    LearnboxCli cli;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The courses on this box.")
    int list() {
        System.out.println(cli.api().call("GET", COURSES, "text/plain", null, 200));
        return 0;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Imports a course from a git repository, or updates it; checked whole first.")
    int importCourse(@Parameters(paramLabel = "GIT-URL") String url) {
        System.err.println("fetching and checking the course at " + url);
        JsonNode course = cli.api().json("POST", COURSES, Map.of("url", url), 200);
        System.out.println("imported course " + course.path("id").asString() + ", version " + course.path("version").asString()
                + ", " + course.path("lessons").asInt() + " lessons");
        return 0;
    }

    @Command(name = "deliver", mixinStandardHelpOptions = true,
            description = "Brings the course into every running sandbox of its classes now (the others get it when they start).")
    int deliver(@Parameters(paramLabel = "ID") String id) {
        JsonNode report = cli.api().json("POST", COURSES + "/" + AdminApi.segment(id) + "/deliver", null, 200);
        System.out.println("delivered " + report.path("course").asString() + " to " + report.path("sandboxes").asInt()
                + " running sandboxes in " + report.path("seconds").asDouble() + " s (" + report.path("failed").asInt() + " failed)");
        return 0;
    }

    @Command(name = "assign", mixinStandardHelpOptions = true, description = "Gives the class whose join code is CODE the course ID.")
    int assign(@Parameters(index = "0", paramLabel = "ID") String id, @Parameters(index = "1", paramLabel = "CODE") String code) {
        cli.api().call("POST", "/admin-api/classes/" + AdminApi.segment(code) + "/courses", "application/json", Map.of("course", id), 200);
        System.out.println("the class " + code + " has the course " + id);
        return 0;
    }
}
