package org.learnbox.bridge.devops;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.PublicAddress;
import org.learnbox.bridge.config.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's git tokens: make one (its secret is shown on the next page only, from the flash, and
 * never again), see theirs with when each was last used, revoke one.
 */
@Controller
class TokenPagesController {
    private final GitTokenService tokens;
    private final boolean singleSignOn;
    private final PublicAddress address;
    private final Words words;

    TokenPagesController(GitTokenService tokens, LearnboxProperties properties, PublicAddress address, Words words) {
        this.words = words;
        this.address = address;
        this.tokens = tokens;
        this.singleSignOn = properties.sso().enabled();
    }

    @GetMapping("/tokens")
    String list(Principal principal, Model model, HttpServletRequest request) {
        model.addAttribute("name", principal.getName());
        model.addAttribute("tokens", tokens.list(principal.getName()));
        model.addAttribute("boxUrl", address.of(request));
        model.addAttribute("singleSignOn", singleSignOn);
        return "tokens";
    }

    @PostMapping("/tokens")
    String make(@RequestParam(defaultValue = "") String name, Principal principal, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("made", tokens.make(principal.getName(), name));
        } catch (RepoException refused) {
            flash.addFlashAttribute("error", words.of(refused));
            flash.addFlashAttribute("typedName", name);
        }
        return "redirect:/tokens";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Principal principal, RedirectAttributes flash) {
        try {
            String name = tokens.revoke(principal.getName(), id);
            flash.addFlashAttribute("notice", words.of("token.notice.revoked", name));
        } catch (RepoException refused) {
            flash.addFlashAttribute("error", words.of(refused));
        }
        return "redirect:/tokens";
    }
}
