package org.learnbox.bridge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Before the box goes down: stops learners' servers (their homes are kept) and puts live apps to sleep;"
                + " as the box starts again, those servers start again and apps wake on their next visitor.")
final class PauseCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    LearnboxCli cli;

    @Override
    public Integer call() {
        JsonNode paused = cli.api().json("POST", "/admin-api/pause", null, 200);
        java.util.List<String> servers = new java.util.ArrayList<>();
        paused.path("servers").forEach(name -> servers.add(name.asString()));
        int apps = paused.path("apps").asInt();
        System.out.println(servers.isEmpty() ? "no learner server was running"
                : "stopped " + servers.size() + " learner server" + (servers.size() == 1 ? "" : "s") + " (" + String.join(", ", servers)
                        + "); they start again with the box");
        System.out.println("put " + apps + " live app" + (apps == 1 ? "" : "s") + " to sleep; each wakes on its next visitor");
        return 0;
    }
}
