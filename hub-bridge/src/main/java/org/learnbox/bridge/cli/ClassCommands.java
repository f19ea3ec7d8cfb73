package org.learnbox.bridge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "class", mixinStandardHelpOptions = true,
        description = "Classes (teachers make them on the box's web page, /classes).")
final class ClassCommands {
    @ParentCommand
    LearnboxCli cli;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The classes: join codes, teachers, students, courses.")
    int list() {
        System.out.println(cli.api().call("GET", "/admin-api/classes", "text/plain", null, 200));
        return 0;
    }
}
