package org.learnbox.bridge.app;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reporting an app (anyone), and the teachers' page of apps and reports, where they take apps down. */
@Controller
class AppModerationController {
    private final AppModeration moderation;

    AppModerationController(AppModeration moderation) {
        this.moderation = moderation;
    }

    @GetMapping("/report")
    String reportForm(@RequestParam(name = "app", defaultValue = "") String app, Model model) {
        model.addAttribute("address", app);
        return "app-report";
    }

    @PostMapping("/report")
    String report(@RequestParam String address, @RequestParam String reason, Principal principal, Model model) {
        model.addAttribute("address", address);
        try {
            AppAddress reported = moderation.report(address, principal == null ? null : principal.getName(), reason);
            model.addAttribute("reported", "'" + reported.name() + "' of " + reported.user());
        } catch (AppException refused) {
            model.addAttribute("reason", reason);
            model.addAttribute("error", refused.getMessage());
        }
        return "app-report";
    }

    @GetMapping("/apps/moderation")
    String watched(Principal principal, Model model) {
        model.addAttribute("watched", moderation.watchedBy(principal.getName()));
        return "app-moderation";
    }

    @PostMapping("/apps/moderation/take-down")
    String takeDown(@RequestParam String address, @RequestParam String reason, Principal principal,
            RedirectAttributes flash) {
        try {
            AppAddress app = moderation.takeDown(address, principal.getName(), reason);
            flash.addFlashAttribute("notice", "'" + app.name() + "' of " + app.user() + " is taken down; " + app.user()
                    + " reads your reason on their dashboard.");
        } catch (AppException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/apps/moderation";
    }

    @PostMapping("/apps/moderation/reports/{id}/dismiss")
    String dismiss(@PathVariable long id, Principal principal, RedirectAttributes flash) {
        try {
            moderation.dismiss(id, principal.getName());
            flash.addFlashAttribute("notice", "The report is dismissed; the app stays up.");
        } catch (AppException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/apps/moderation";
    }

    @PostMapping("/apps/takedowns/{name}/noted")
    String noted(@PathVariable String name, Principal principal) {
        moderation.noted(principal.getName(), name);
        return "redirect:/";
    }
}
