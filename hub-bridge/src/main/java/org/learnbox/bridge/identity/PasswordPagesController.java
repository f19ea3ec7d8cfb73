package org.learnbox.bridge.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.Words;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Change my password", for everyone with a local account: the current password first; once
 * changed, every other session of that person on the box ends (a stolen password stops working
 * where it was used), and this one goes on.
 */
@Controller
class PasswordPagesController {
    private final AccountService accounts;
    private final SessionRegistry sessions;
    private final boolean singleSignOn;
    private final Words words;
    private final org.springframework.context.ApplicationEventPublisher events;

    PasswordPagesController(AccountService accounts, SessionRegistry sessions, LearnboxProperties properties,
            Words words, org.springframework.context.ApplicationEventPublisher events) {
        this.words = words;
        this.events = events;
        this.accounts = accounts;
        this.sessions = sessions;
        this.singleSignOn = properties.sso().enabled();
    }

    @GetMapping("/account/password")
    String page(Principal principal, Model model) {
        model.addAttribute("name", principal.getName());
        model.addAttribute("singleSignOn", singleSignOn);
        return "password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String again, Authentication who, HttpServletRequest request, RedirectAttributes flash) {
        try {
            if (!password.equals(again)) throw new AccountException("account.refused.passwords-differ");
            accounts.changeOwnPassword(who.getName(), current, password);
        } catch (AccountException refused) {
            flash.addFlashAttribute("error", words.of(refused));
            return "redirect:/account/password";
        }
        String here = request.getSession().getId();
        int ended = 0;
        for (var session : sessions.getAllSessions(who.getPrincipal(), false)) {
            if (!session.getSessionId().equals(here)) {
                session.expireNow();
                ended++;
            }
        }
        events.publishEvent(new PasswordChanged(who.getName(), HandoffTokens.loginOf(here)));
        flash.addFlashAttribute("notice", ended == 0 ? words.of("password.notice.changed")
                : ended == 1 ? words.of("password.notice.changed-elsewhere-one")
                : words.of("password.notice.changed-elsewhere", ended));
        return "redirect:/account/password";
    }
}
