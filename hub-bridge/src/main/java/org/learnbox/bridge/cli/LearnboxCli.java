package org.learnbox.bridge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The box's admin commands, run inside the bridge's container
 * ({@code docker compose exec bridge learnbox ...}); {@code ./box} forwards to them. Each talks
 * to the bridge's admin API. Exit codes: 0 done, 1 refused (the bridge's words on standard
 * error), 2 a command line that is not one, 3 the bridge did not answer.
 */
@Command(name = "learnbox", mixinStandardHelpOptions = true,
        description = "Administers the LearnBox this container belongs to.",
        subcommands = {UserCommands.class, CourseCommands.class, ClassCommands.class, AssignmentCommands.class, AppCommands.class, BackupCommands.class, RestoreCommand.class, VersionCommand.class, NoticeCommand.class, PauseCommand.class, DatabaseCommand.class, MachinesCommand.class,
                InitCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:refused; the reason is on standard error", "2:not a command this knows",
                "3:the bridge did not answer"})
public final class LearnboxCli {
    static final int REFUSED = 1;
    static final int UNREACHABLE = 3;

    private AdminApi api;

    LearnboxCli(AdminApi api) {
        this.api = api;
    }

    AdminApi api() {
        if (api == null) api = AdminApi.fromEnvironment();
        return api;
    }

    public static void main(String[] args) {
        System.exit(run(new LearnboxCli(null), args));
    }

    static int run(LearnboxCli cli, String... args) {
        return new CommandLine(cli)
                // A name like "-dash" is a name for the bridge to judge, not an option.
                .setUnmatchedOptionsArePositionalParams(true)
                .setExecutionExceptionHandler((failure, commandLine, parsed) -> {
                    if (failure instanceof AdminApi.Refused || failure instanceof AdminApi.Unreachable) {
                        commandLine.getErr().println("learnbox: " + failure.getMessage());
                        return failure instanceof AdminApi.Refused ? REFUSED : UNREACHABLE;
                    }
                    throw failure;
                })
                .execute(args);
    }
}
