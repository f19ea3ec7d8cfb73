package org.learnbox.bridge.hub;

import java.util.List;
import java.util.Map;
import org.learnbox.bridge.identity.Account;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.HandoffTokens;
import org.learnbox.bridge.identity.Role;
import org.learnbox.bridge.sandbox.SandboxStart;
import org.learnbox.bridge.sandbox.SandboxStatus;
import org.learnbox.bridge.sandbox.SpawnService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** What the JupyterHub plugin calls: BridgeSpawner and BridgeAuthenticator. */
@RestController
@RequestMapping("/hub-api")
class HubPluginController {
    record StartRequest(Map<String, String> env) {}

    /** Where the server answers; {@code resumed}: it slept, and holds the token the hub gave it before. */
    record Started(String url, boolean resumed) {}

    /** {@code asleep}: the sandbox sleeps (frozen with its kernels) rather than being gone. */
    record Stopped(boolean asleep) {}

    record RedeemRequest(String token) {}

    /** A person as the hub's authenticator takes them; {@code login}: the bridge's login they came from (a hand-over). */
    record HubIdentity(String name, boolean admin, String role, List<String> groups, String login) {}

    private final SpawnService spawns;
    private final HandoffTokens handoffTokens;
    private final AccountService accounts;
    private final HubGroups groups;

    HubPluginController(SpawnService spawns, HandoffTokens handoffTokens, AccountService accounts, HubGroups groups) {
        this.spawns = spawns;
        this.handoffTokens = handoffTokens;
        this.accounts = accounts;
        this.groups = groups;
    }

    @PostMapping("/sandboxes/{user}/start")
    Started start(@PathVariable String user, @RequestBody StartRequest request) {
        SandboxStart started = spawns.start(user, request.env() == null ? Map.of() : request.env());
        return new Started(started.sandbox().url(), started.resumed());
    }

    @GetMapping("/sandboxes/{user}")
    SandboxStatus status(@PathVariable String user, @RequestParam(defaultValue = "0") int eventsSeen) {
        return spawns.status(user, eventsSeen);
    }

    /** The spawner found the learner's server answering: what waits for a running lab may begin. */
    @PostMapping("/sandboxes/{user}/answering")
    void answering(@PathVariable String user) {
        spawns.answering(user);
    }

    @PostMapping("/sandboxes/{user}/stop")
    Stopped stop(@PathVariable String user) {
        return new Stopped(spawns.stop(user));
    }

    @PostMapping("/handoff/redeem")
    HubIdentity redeem(@RequestBody RedeemRequest request) {
        return handoffTokens.redeem(request.token())
                .flatMap(handoff -> accounts.find(handoff.name()).map(account -> identity(account, handoff.login())))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
                        "This login link is not valid any more; please log in again."));
    }

    /** What the hub's authenticator refreshes: the admin flag and the groups (classes) of now. */
    @GetMapping("/users/{user}")
    HubIdentity user(@PathVariable String user) {
        return accounts.find(user).map(account -> identity(account, null))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no account named '" + user + "'."));
    }

    private HubIdentity identity(Account account, String login) {
        return new HubIdentity(account.getName(), account.getRole() == Role.ADMIN, account.getRole().id(),
                groups.groupsOf(account.getName()), login);
    }
}
