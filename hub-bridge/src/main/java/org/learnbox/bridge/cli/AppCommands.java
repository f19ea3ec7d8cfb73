package org.learnbox.bridge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "app", mixinStandardHelpOptions = true, description = "Learners' live apps.")
final class AppCommands {
    @ParentCommand
    LearnboxCli cli;

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Makes an earlier release of a pushed app live again (the one before the live one when RELEASE is left out).")
    int rollback(@Parameters(index = "0", paramLabel = "USER/APP") String app,
            @Parameters(index = "1", paramLabel = "RELEASE", arity = "0..1") Integer release) {
        if (!app.matches("[^/]+/[^/]+")) throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "name the app as USER/APP, like ada/quiz");
        String[] userAndApp = app.split("/");
        String query = release == null ? "" : "?release=" + release;
        System.out.println(cli.api().call("POST", "/admin-api/apps/" + AdminApi.segment(userAndApp[0]) + "/"
                + AdminApi.segment(userAndApp[1]) + "/rollback" + query, "text/plain", null, 200));
        return 0;
    }
}
