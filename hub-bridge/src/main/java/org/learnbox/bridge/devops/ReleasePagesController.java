package org.learnbox.bridge.devops;

import java.security.Principal;
import org.learnbox.bridge.app.AppException;
import org.learnbox.bridge.config.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A project's releases: each push to its deploy branch, how it went, its build's log; back to an earlier one. */
@Controller
class ReleasePagesController {
    private final Deployments deployments;
    private final Words words;

    ReleasePagesController(Deployments deployments, Words words) {
        this.words = words;
        this.deployments = deployments;
    }

    @GetMapping("/repositories/{name}/releases")
    String releases(@PathVariable String name, Principal principal, Model model) {
        model.addAttribute("project", name);
        model.addAttribute("releases", deployments.releasesOf(principal.getName(), name));
        return "releases";
    }

    @PostMapping("/repositories/{name}/releases/{number}/rollback")
    String rollBack(@PathVariable String name, @PathVariable int number, Principal principal, RedirectAttributes flash) {
        try {
            Release release = deployments.releasesOf(principal.getName(), name).stream()
                    .filter(r -> r.getNumber() == number).findFirst()
                    .orElseThrow(() -> new ReleaseNotFoundException(name, number));
            deployments.rollBack(principal.getName(), release.getApp(), number, step -> {});
            flash.addFlashAttribute("notice", words.of("release.notice.live-again", number));
        } catch (RepoException | AppException refused) {
            flash.addFlashAttribute("error", words.of(refused));
        }
        return "redirect:/repositories/" + name + "/releases";
    }
}
