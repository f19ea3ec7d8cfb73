package org.learnbox.bridge.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.learnbox.bridge.config.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

@Command(name = "machines", mixinStandardHelpOptions = true,
        description = "The machines learners' servers run on (the box, or each node of its cluster): whether each takes new"
                + " learners, who runs there and the memory left for more.")
final class MachinesCommand implements java.util.concurrent.Callable<Integer> {
    private static final String ROW = "%-24s %-8s %-8s %-13s %8s  %s%n";

    @ParentCommand
    LearnboxCli cli;

    @Override
    public Integer call() {
        JsonNode machines = cli.api().json("GET", "/admin-api/machines", null, 200);
        System.out.printf(Locale.ROOT, ROW, "MACHINE", "ROLE", "STATE", "NEW LEARNERS", "LEARNERS", "FREE MEMORY");
        for (JsonNode machine : machines) {
            List<String> learners = new ArrayList<>();
            machine.path("learners").forEach(learner -> learners.add(learner.asString()));
            String availability = machine.path("availability").asString();
            System.out.printf(Locale.ROOT, ROW, machine.path("name").asString(), machine.path("role").asString(),
                    machine.path("state").asString(), availability.equals("active") ? "yes" : "no (" + availability + ")",
                    learners.size(), Sizes.shown(machine.path("memoryFree").asLong()) + " of " + Sizes.shown(machine.path("memoryBytes").asLong()));
            if (!learners.isEmpty()) System.out.println("    " + String.join(", ", learners));
        }
        return 0;
    }
}
