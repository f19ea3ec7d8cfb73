package org.learnbox.bridge.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Accounts: add, list, remove.")
final class UserCommands {
    private static final String USERS = "/admin-api/users";

    record NewAccount(String name, String role, String password) {}

    @ParentCommand
    LearnboxCli cli;

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Makes an account; the password is read from standard input.")
    int add(@Parameters(paramLabel = "NAME", description = "2 to 32 lowercase letters, digits or '-'") String name,
            @Option(names = "--role", defaultValue = "student", description = "student, teacher or admin (default: ${DEFAULT-VALUE})")
            String role,
            @Option(names = "--password-stdin", required = true, description = "read the password from standard input")
            boolean fromStdin) {
        add(name, role, passwordFromStdin());
        System.out.println("added " + role + " '" + name + "'");
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts.")
    int list() {
        System.out.println(cli.api().call("GET", USERS, "text/plain", null, 200));
        return 0;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes an account; its home volume is kept.")
    int remove(@Parameters(paramLabel = "NAME") String name) {
        cli.api().call("DELETE", USERS + "/" + AdminApi.segment(name), "application/json", null, 204);
        System.out.println("removed '" + name + "' (their home volume is kept)");
        return 0;
    }

    @Command(name = "await-admin", mixinStandardHelpOptions = true,
            description = "Waits until the box has an admin: the bridge makes 'admin' at its first start from the init's password.")
    int awaitAdmin(@Option(names = "--timeout", defaultValue = "180", description = "seconds (default: ${DEFAULT-VALUE})") int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        String lastRefusal = "";
        while (true) {
            try {
                if (hasAdmin()) return 0;
            } catch (AdminApi.Refused notNow) {
                if (!notNow.forNow()) throw notNow;
                lastRefusal = " The bridge last said: " + notNow.getMessage();
            }
            if (System.nanoTime() > deadline) {
                throw new AdminApi.Refused("The box has no admin after " + seconds + " s; see the bridge's log (./box logs bridge)." + lastRefusal);
            }
            Thread.sleep(500);
        }
    }

    private boolean hasAdmin() {
        for (JsonNode account : cli.api().json("GET", USERS, null, 200)) {
            if ("admin".equals(account.path("role").asString())) return true;
        }
        return false;
    }

    private void add(String name, String role, String password) {
        cli.api().call("POST", USERS, "application/json", new NewAccount(name, role, password), 201);
    }

    private static String passwordFromStdin() {
        try {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("[\r\n]+$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
