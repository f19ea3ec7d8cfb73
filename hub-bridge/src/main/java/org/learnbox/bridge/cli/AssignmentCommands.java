package org.learnbox.bridge.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

@Command(name = "assignment", mixinStandardHelpOptions = true, description = "Assignments: import, release, grades.")
final class AssignmentCommands {
    private static final String ASSIGNMENTS = "/admin-api/assignments";

    @ParentCommand
    LearnboxCli cli;

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Imports the assignment of a git repository (its assignment.yaml gives the id), or updates it; "
                    + "its tests run against its solution first.")
    int importAssignment(@Parameters(paramLabel = "GIT-URL") String url) {
        System.err.println("fetching the assignment at " + url + " and grading its solution");
        JsonNode imported = cli.api().json("POST", ASSIGNMENTS, Map.of("git", url), 200);
        System.out.println("imported " + imported.path("id").asString() + " (" + imported.path("title").asString() + "): "
                + imported.path("notebooks").size() + " notebooks, " + points(imported.path("points").asDouble()) + " points");
        return 0;
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "Hands the assignment ID to the class with join code CODE; its notebooks reach ~/assignments/ID/.")
    int release(@Parameters(index = "0", paramLabel = "ID") String id, @Parameters(index = "1", paramLabel = "CODE") String code,
            @Option(names = "--due", paramLabel = "ISO-TIME", description = "e.g. 2027-01-15T23:59:00+08:00; default: assignment.yaml's") String due) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("class", code);
        body.put("due", due);
        JsonNode released = cli.api().json("POST", ASSIGNMENTS + "/" + AdminApi.segment(id) + "/releases", body, 200);
        String when = released.path("due").isNull() || released.path("due").isMissingNode() ? "no due date" : "due " + released.path("due").asString();
        System.out.println("released " + id + " to " + released.path("classroom").asString() + " (" + code + "), " + when);
        return 0;
    }

    @Command(name = "grades", mixinStandardHelpOptions = true,
            description = "The latest submission of every student the assignment was released to; --csv writes nbgrader's grades.csv.")
    int grades(@Parameters(paramLabel = "ID") String id, @Option(names = "--csv") boolean csv) {
        System.out.print(cli.api().call("GET", ASSIGNMENTS + "/" + AdminApi.segment(id) + "/grades", csv ? "text/csv" : "text/plain", null, 200));
        if (!csv) System.out.println();
        return 0;
    }

    private static String points(double points) {
        return points == Math.rint(points) ? Long.toString((long) points) : Double.toString(points);
    }
}
