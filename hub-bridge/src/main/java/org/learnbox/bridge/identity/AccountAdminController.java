package org.learnbox.bridge.identity;

import java.security.Principal;
import org.learnbox.bridge.config.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's accounts page: add, change roles, reset local passwords, remove. */
@Controller
class AccountAdminController {
    private final AccountService accounts;
    private final Words words;

    AccountAdminController(AccountService accounts, Words words) {
        this.accounts = accounts;
        this.words = words;
    }

    @GetMapping("/admin/accounts")
    String page(Model model) {
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("roles", Role.values());
        return "accounts";
    }

    @PostMapping("/admin/accounts")
    String add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "student") String role,
            RedirectAttributes flash) {
        return refusedOr(flash, () -> {
            String password = GeneratedPasswords.next();
            Role added = Role.parse(role);
            accounts.add(name.strip(), added, password);
            flash.addFlashAttribute("password", new ShownOnce(name.strip(), password));
            flash.addFlashAttribute("notice", words.of("account.notice.added", Words.phrase("role." + added.id()), name.strip()));
        });
    }

    @PostMapping("/admin/accounts/{name}/role")
    String role(@PathVariable String name, @RequestParam String role, Principal principal, RedirectAttributes flash) {
        return refusedOr(flash, () -> {
            notYourself(name, principal, "account.refused.yourself-role");
            Role changed = Role.parse(role);
            accounts.changeRole(name, changed);
            flash.addFlashAttribute("notice", words.of("account.notice.role", name, Words.phrase("role." + changed.id())));
        });
    }

    @PostMapping("/admin/accounts/{name}/password")
    String resetPassword(@PathVariable String name, RedirectAttributes flash) {
        return refusedOr(flash, () -> {
            flash.addFlashAttribute("password", new ShownOnce(name, accounts.resetPassword(name)));
            flash.addFlashAttribute("notice", words.of("account.notice.password", name));
        });
    }

    @PostMapping("/admin/accounts/{name}/remove")
    String remove(@PathVariable String name, Principal principal, RedirectAttributes flash) {
        return refusedOr(flash, () -> {
            notYourself(name, principal, "account.refused.yourself-remove");
            accounts.remove(name);
            flash.addFlashAttribute("notice", words.of("account.notice.removed", name));
        });
    }

    /** A new password, shown on the next page only. */
    record ShownOnce(String name, String password) {}

    private static void notYourself(String name, Principal principal, String refusalKey) {
        if (name.equals(principal.getName())) {
            throw new AccountException(refusalKey);
        }
    }

    private String refusedOr(RedirectAttributes flash, Runnable change) {
        try {
            change.run();
        } catch (AccountException refused) {
            flash.addFlashAttribute("error", words.of(refused));
        }
        return "redirect:/admin/accounts";
    }
}
