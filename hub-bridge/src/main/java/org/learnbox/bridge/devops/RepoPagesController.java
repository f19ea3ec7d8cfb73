package org.learnbox.bridge.devops;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.learnbox.bridge.config.PublicAddress;
import org.learnbox.bridge.config.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own repositories: their addresses and newest commits, a new one, who may clone each. */
@Controller
class RepoPagesController {
    private final RepoService repos;
    private final PublicAddress address;
    private final Words words;

    RepoPagesController(RepoService repos, PublicAddress address, Words words) {
        this.words = words;
        this.repos = repos;
        this.address = address;
    }

    @GetMapping("/repositories")
    String list(Principal principal, Model model, HttpServletRequest request) {
        model.addAttribute("name", principal.getName());
        model.addAttribute("repos", repos.reposOf(principal.getName()));
        model.addAttribute("boxUrl", address.of(request));
        return "repositories";
    }

    @PostMapping("/repositories")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "private") String visibility,
            Principal principal, RedirectAttributes flash, HttpServletRequest request) {
        try {
            RepoView made = repos.create(principal.getName(), name, RepoVisibility.parse(visibility));
            flash.addFlashAttribute("notice", words.of("repo.notice.ready", made.name(), address.of(request) + made.path()));
        } catch (RepoException refused) {
            flash.addFlashAttribute("error", words.of(refused));
            flash.addFlashAttribute("typedName", name);
        }
        return "redirect:/repositories";
    }

    @PostMapping("/repositories/{name}/delete")
    String delete(@PathVariable String name, @RequestParam(defaultValue = "") String confirmName, Principal principal,
            RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("notice", repos.delete(principal.getName(), name, confirmName));
        } catch (RepoException refused) {
            flash.addFlashAttribute("error", words.of(refused));
        }
        return "redirect:/repositories";
    }

    @PostMapping("/repositories/{name}/visibility")
    String changeVisibility(@PathVariable String name, @RequestParam(defaultValue = "") String visibility,
            Principal principal, RedirectAttributes flash) {
        try {
            RepoView changed = repos.changeVisibility(principal.getName(), name, RepoVisibility.parse(visibility));
            flash.addFlashAttribute("notice", words.of(changed.isPublic() ? "repo.notice.public" : "repo.notice.private",
                    changed.name()));
        } catch (RepoException refused) {
            flash.addFlashAttribute("error", words.of(refused));
        }
        return "redirect:/repositories";
    }
}
