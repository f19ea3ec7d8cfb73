package org.learnbox.bridge.app;

import java.security.Principal;
import org.learnbox.bridge.config.Words;
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
    private final Words words;

    AppModerationController(AppModeration moderation, Words words) {
        this.moderation = moderation;
        this.words = words;
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
            model.addAttribute("reported", words.of("app.reported", reported.name(), reported.user()));
        } catch (AppException refused) {
            model.addAttribute("reason", reason);
            model.addAttribute("error", words.of(refused));
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
            flash.addFlashAttribute("notice", words.of("app.notice.taken-down", app.name(), app.user()));
        } catch (AppException refused) {
            flash.addFlashAttribute("error", words.of(refused));
        }
        return "redirect:/apps/moderation";
    }

    @PostMapping("/apps/moderation/reports/{id}/dismiss")
    String dismiss(@PathVariable long id, Principal principal, RedirectAttributes flash) {
        try {
            moderation.dismiss(id, principal.getName());
            flash.addFlashAttribute("notice", words.of("app.notice.dismissed"));
        } catch (AppException refused) {
            flash.addFlashAttribute("error", words.of(refused));
        }
        return "redirect:/apps/moderation";
    }

    @PostMapping("/apps/takedowns/{name}/noted")
    String noted(@PathVariable String name, Principal principal) {
        moderation.noted(principal.getName(), name);
        return "redirect:/";
    }
}
