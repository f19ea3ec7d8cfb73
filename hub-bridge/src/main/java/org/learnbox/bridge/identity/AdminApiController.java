package org.learnbox.bridge.identity;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Account administration for the box script, behind the shared secret. */
@RestController
@RequestMapping("/admin-api/users")
class AdminApiController {
    record NewAccount(String name, String role, String password) {}

    record AccountView(String name, String role, String createdAt) {
        static AccountView of(Account account) {
            return new AccountView(account.getName(), account.getRole().id(), account.getCreatedAt().toString());
        }
    }

    private final AccountService accounts;

    AdminApiController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<AccountView> list() {
        return accounts.list().stream().map(AccountView::of).toList();
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String table() {
        return String.format("%-32s %-8s %s%n", "NAME", "ROLE", "CREATED") + accounts.list().stream()
                .map(a -> String.format("%-32s %-8s %s", a.getName(), a.getRole().id(), a.getCreatedAt()))
                .collect(Collectors.joining("\n"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountView add(@RequestBody NewAccount request) {
        Role role = Role.parse(request.role() == null ? "student" : request.role());
        return AccountView.of(accounts.add(request.name(), role, request.password()));
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String name) {
        accounts.remove(name);
    }
}
