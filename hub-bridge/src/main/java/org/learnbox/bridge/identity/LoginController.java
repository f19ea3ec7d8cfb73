package org.learnbox.bridge.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {
    private final HandoffTokens handoffTokens;
    private final LoginThrottle throttle;

    LoginController(HandoffTokens handoffTokens, LoginThrottle throttle) {
        this.handoffTokens = handoffTokens;
        this.throttle = throttle;
    }

    @GetMapping("/login")
    String login(Principal principal, Model model) {
        model.addAttribute("lockMinutes", throttle.lockFor().toMinutes());
        return principal == null ? "login" : "redirect:/";
    }

    /**
     * JupyterHub's login page sends people here (auto_login); they go back to the hub
     * carrying a one-time token that the hub's authenticator redeems with the bridge.
     */
    @GetMapping("/handoff")
    String handoff(Principal principal, @RequestParam(defaultValue = "/hub/spawn") String next) {
        return "redirect:/hub/learnbox/callback?token=" + handoffTokens.mint(principal.getName())
                + "&next=" + URLEncoder.encode(safeNext(next), StandardCharsets.UTF_8);
    }

    /** Only paths of this box: never an open redirect. */
    static String safeNext(String next) {
        boolean local = next.startsWith("/hub/") || next.startsWith("/user/");
        return local && !next.startsWith("//") && !next.contains("\\") ? next : "/hub/spawn";
    }
}
