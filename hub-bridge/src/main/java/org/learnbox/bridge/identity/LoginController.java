package org.learnbox.bridge.identity;

import java.security.Principal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {
    private final HandoffTokens handoffTokens;
    private final LoginThrottle throttle;
    private final boolean sso;
    private final Words words;

    LoginController(HandoffTokens handoffTokens, LoginThrottle throttle, LearnboxProperties properties, Words words) {
        this.handoffTokens = handoffTokens;
        this.words = words;
        this.throttle = throttle;
        this.sso = properties.sso().enabled();
    }

    /**
     * The box's login form; with single sign-on, straight on to Keycloak's, except after a
     * logout or a refused login, which are said here first.
     */
    @GetMapping("/login")
    String login(Principal principal, Model model, HttpServletRequest request, HttpServletResponse response,
            @RequestParam(required = false) String error, @RequestParam(required = false) String logout) {
        if (principal != null) return "redirect:/";
        if (sso && error == null && logout == null) return "redirect:" + KEYCLOAK_LOGIN;
        model.addAttribute("sso", sso);
        model.addAttribute("keycloakLogin", KEYCLOAK_LOGIN);
        model.addAttribute("lockMinutes", throttle.lockFor().toMinutes());
        if (sso && error != null) model.addAttribute("ssoError", words.of(KeycloakRefusals.takeWords(request, response)));
        return "login";
    }

    private static final String KEYCLOAK_LOGIN = "/oauth2/authorization/" + KeycloakLogin.REGISTRATION;

    /**
     * JupyterHub's login page sends people here (auto_login); they go back to the hub
     * carrying a one-time token that the hub's authenticator redeems with the bridge.
     */
    @GetMapping("/handoff")
    String handoff(Principal principal, @RequestParam(defaultValue = "/hub/spawn") String next, HttpServletRequest request) {
        return "redirect:" + handoffTokens.callback(principal.getName(), request.getSession().getId(), next);
    }
}
