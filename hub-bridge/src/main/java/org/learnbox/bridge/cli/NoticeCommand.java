package org.learnbox.bridge.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "notice", mixinStandardHelpOptions = true,
        description = "Tells everyone at work: each open JupyterLab shows the words as a notification within half a minute.")
final class NoticeCommand implements java.util.concurrent.Callable<Integer> {
    record Posted(String message) {}

    @ParentCommand
    LearnboxCli cli;

    @Parameters(arity = "0..*", paramLabel = "WORDS", description = "what to say, such as: The box restarts at 17:00, save your work.")
    List<String> words = List.of();

    @Option(names = "--clear", description = "take every notice back")
    boolean clear;

    @Override
    public Integer call() {
        if (clear) {
            cli.api().call("DELETE", "/admin-api/notices", "application/json", null, 200);
            System.out.println("no notices now");
            return 0;
        }
        cli.api().json("POST", "/admin-api/notices", new Posted(String.join(" ", words)), 200);
        System.out.println("told everyone at work: " + String.join(" ", words));
        return 0;
    }
}
