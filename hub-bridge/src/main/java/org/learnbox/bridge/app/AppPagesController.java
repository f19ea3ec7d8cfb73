package org.learnbox.bridge.app;

import java.security.Principal;
import org.learnbox.bridge.config.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An owner's view of one live app: its state, address and last lines; stop or unpublish it. */
@Controller
class AppPagesController {
    private final AppService apps;
    private final Words words;

    AppPagesController(AppService apps, Words words) {
        this.apps = apps;
        this.words = words;
    }

    @GetMapping("/apps/{name}")
    String page(@PathVariable String name, Principal principal, Model model, RedirectAttributes flash) {
        try {
            model.addAttribute("app", apps.details(principal.getName(), name));
            return "app";
        } catch (AppException refused) {
            flash.addFlashAttribute("appError", words.of(refused));
            return "redirect:/";
        }
    }

    @PostMapping("/apps/{name}/restart")
    String restart(@PathVariable String name, Principal principal, RedirectAttributes flash) {
        return change(flash, () -> apps.restart(principal.getName(), name), words.of("app.notice.restarted", name));
    }

    @PostMapping("/apps/{name}/stop")
    String stop(@PathVariable String name, Principal principal, RedirectAttributes flash) {
        return change(flash, () -> apps.stop(principal.getName(), name),
                words.of("app.notice.asleep", name));
    }

    @PostMapping("/apps/{name}/unpublish")
    String unpublish(@PathVariable String name, Principal principal, RedirectAttributes flash) {
        return change(flash, () -> apps.unpublish(principal.getName(), name),
                words.of("app.notice.unpublished", name));
    }

    private String change(RedirectAttributes flash, Runnable change, String done) {
        try {
            change.run();
            flash.addFlashAttribute("appNotice", done);
        } catch (AppException refused) {
            flash.addFlashAttribute("appError", words.of(refused));
        }
        return "redirect:/";
    }
}
