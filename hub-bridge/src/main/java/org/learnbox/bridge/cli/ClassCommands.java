package org.learnbox.bridge.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

@Command(name = "class", mixinStandardHelpOptions = true,
        description = "Classes (teachers also make them on the box's web page, /classes).")
final class ClassCommands {
    private static final String CLASSES = "/admin-api/classes";

    @ParentCommand
    LearnboxCli cli;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The classes: join codes, teachers, students, courses.")
    int list() {
        System.out.println(cli.api().call("GET", CLASSES, "text/plain", null, 200));
        return 0;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Makes the class NAME for a teacher; prints its join code.")
    int add(@Parameters(paramLabel = "NAME") String name, @Option(names = "--teacher", required = true, paramLabel = "USER") String teacher) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("teacher", teacher);
        JsonNode made = cli.api().json("POST", CLASSES, body, 200);
        System.out.println(made.path("joinCode").asString() + "  " + made.path("classroom").asString() + " (" + teacher + ")");
        return 0;
    }

    @Command(name = "enrol", mixinStandardHelpOptions = true,
            description = "Enrols students in the class with join code CODE; accounts that do not exist yet are made, "
                    + "each with a password printed once.")
    int enrol(@Parameters(index = "0", paramLabel = "CODE") String code, @Parameters(index = "1..*", paramLabel = "USER") List<String> users) {
        JsonNode enrolled = cli.api().json("POST", CLASSES + "/" + AdminApi.segment(code) + "/students", Map.of("students", users), 200);
        enrolled.path("made").properties().forEach(made ->
                System.out.println("made " + made.getKey() + " with the password " + made.getValue().asString()));
        enrolled.path("joined").forEach(joined -> System.out.println("enrolled " + joined.asString()));
        return 0;
    }
}
