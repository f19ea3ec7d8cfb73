package org.learnbox.bridge.app;

import java.security.Principal;
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

    AppPagesController(AppService apps) {
        this.apps = apps;
    }

    @GetMapping("/apps/{name}")
    String page(@PathVariable String name, Principal principal, Model model, RedirectAttributes flash) {
        try {
            model.addAttribute("app", apps.details(principal.getName(), name));
            return "app";
        } catch (AppException refused) {
            flash.addFlashAttribute("appError", refused.getMessage());
            return "redirect:/";
        }
    }

    @PostMapping("/apps/{name}/restart")
    String restart(@PathVariable String name, Principal principal, RedirectAttributes flash) {
        return change(flash, () -> apps.restart(principal.getName(), name), "'" + name + "' started again and answers.");
    }

    @PostMapping("/apps/{name}/stop")
    String stop(@PathVariable String name, Principal principal, RedirectAttributes flash) {
        return change(flash, () -> apps.stop(principal.getName(), name),
                "'" + name + "' is asleep now; its next visitor wakes it.");
    }

    @PostMapping("/apps/{name}/unpublish")
    String unpublish(@PathVariable String name, Principal principal, RedirectAttributes flash) {
        return change(flash, () -> apps.unpublish(principal.getName(), name),
                "'" + name + "' is unpublished; its address answers nothing now. Your folder is as it was.");
    }

    private static String change(RedirectAttributes flash, Runnable change, String done) {
        try {
            change.run();
            flash.addFlashAttribute("appNotice", done);
        } catch (AppException refused) {
            flash.addFlashAttribute("appError", refused.getMessage());
        }
        return "redirect:/";
    }
}
