package org.learnbox.bridge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

@Command(name = "version", mixinStandardHelpOptions = true, description = "What runs: the box's version and its database schema.")
final class VersionCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    LearnboxCli cli;

    @Override
    public Integer call() {
        JsonNode versions = cli.api().json("GET", "/admin-api/version", null, 200);
        System.out.println("LearnBox " + versions.path("version").asString() + ", database schema " + versions.path("schema").asString());
        return 0;
    }
}
