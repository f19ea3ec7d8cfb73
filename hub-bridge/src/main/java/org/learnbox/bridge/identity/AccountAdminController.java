package org.learnbox.bridge.identity;

import java.security.Principal;
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

    AccountAdminController(AccountService accounts) {
        this.accounts = accounts;
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
            accounts.add(name.strip(), Role.parse(role), password);
            flash.addFlashAttribute("password", new ShownOnce(name.strip(), password));
            flash.addFlashAttribute("notice", "Added " + role + " '" + name.strip() + "'.");
        });
    }

    @PostMapping("/admin/accounts/{name}/role")
    String role(@PathVariable String name, @RequestParam String role, Principal principal, RedirectAttributes flash) {
        return refusedOr(flash, () -> {
            notYourself(name, principal, "change your own role");
            accounts.changeRole(name, Role.parse(role));
            flash.addFlashAttribute("notice", "'" + name + "' is now a " + role + ". It counts from their next login.");
        });
    }

    @PostMapping("/admin/accounts/{name}/password")
    String resetPassword(@PathVariable String name, RedirectAttributes flash) {
        return refusedOr(flash, () -> {
            flash.addFlashAttribute("password", new ShownOnce(name, accounts.resetPassword(name)));
            flash.addFlashAttribute("notice", "'" + name + "' has a new password.");
        });
    }

    @PostMapping("/admin/accounts/{name}/remove")
    String remove(@PathVariable String name, Principal principal, RedirectAttributes flash) {
        return refusedOr(flash, () -> {
            notYourself(name, principal, "remove your own account");
            accounts.remove(name);
            flash.addFlashAttribute("notice", "Removed '" + name + "'. Their home folder is kept on the box.");
        });
    }

    /** A new password, shown on the next page only. */
    record ShownOnce(String name, String password) {}

    private static void notYourself(String name, Principal principal, String what) {
        if (name.equals(principal.getName())) {
            throw new AccountException("You cannot " + what + "; another admin can.");
        }
    }

    private static String refusedOr(RedirectAttributes flash, Runnable change) {
        try {
            change.run();
        } catch (AccountException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/accounts";
    }
}
