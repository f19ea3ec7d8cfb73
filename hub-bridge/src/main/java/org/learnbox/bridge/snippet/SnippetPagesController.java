package org.learnbox.bridge.snippet;

import java.security.Principal;
import org.learnbox.bridge.sandbox.SandboxException;
import java.util.List;
import org.learnbox.bridge.snippet.SnippetQuery.Scope;
import org.learnbox.bridge.app.AppException;
import org.learnbox.bridge.app.AppView;
import org.learnbox.bridge.config.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The snippet pages to find and read snippets: the list and search, a snippet's page (newest or
 * an older version), and its buttons to copy and delete. Anyone may open a public snippet's
 * page; for everything else the service decides, and a snippet someone may not see answers
 * 404 exactly as a missing one does, so its existence is not revealed.
 */
@Controller
class SnippetPagesController {
    private final SnippetService snippets;
    private final SnippetRunner runner;
    private final SnippetPublisher publisher;
    private final SnippetWords choices;
    private final Words words;

    SnippetPagesController(SnippetService snippets, SnippetRunner runner, SnippetPublisher publisher, SnippetWords choices,
            Words words) {
        this.snippets = snippets;
        this.runner = runner;
        this.publisher = publisher;
        this.choices = choices;
        this.words = words;
    }

    @GetMapping("/snippets")
    String list(@RequestParam(defaultValue = "mine") String scope, @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String q, Principal principal, Model model) {
        model.addAttribute("scope", scope);
        model.addAttribute("language", language);
        model.addAttribute("q", q);
        model.addAttribute("languages", choices.languages());
        model.addAttribute("starters", java.util.Arrays.stream(SnippetStarters.values()).map(SnippetStarters::id).toList());
        try {
            model.addAttribute("found", snippets.search(SnippetQuery.of(scopeOf(scope), language, q), principal.getName()));
        } catch (SnippetException refused) {
            model.addAttribute("found", List.of());
            model.addAttribute("error", words.of(refused));
        }
        return "snippet-list";
    }

    @GetMapping("/s/{id}")
    String newest(@PathVariable String id, Principal principal, Model model) {
        return show(snippets.read(id, viewer(principal)), principal, model);
    }

    @GetMapping("/s/{id}/v/{version}")
    String version(@PathVariable String id, @PathVariable int version, Principal principal, Model model) {
        return show(snippets.read(id, version, viewer(principal)), principal, model);
    }

    /**
     * The "log in" link of a snippet's page: only logged-in people get here, so the login
     * form comes first and then brings the person back to the snippet.
     */
    @GetMapping("/s/{id}/login")
    String backAfterLogin(@PathVariable String id) {
        return "redirect:/s/" + (SnippetIds.isWellFormed(id) ? id : "");
    }

    @PostMapping("/s/{id}/fork")
    String fork(@PathVariable String id, @RequestParam(required = false) Integer version, Principal principal,
            RedirectAttributes flash) {
        SnippetView copy = version == null ? snippets.fork(id, principal.getName())
                : snippets.fork(id, version, principal.getName());
        flash.addFlashAttribute("notice", words.of("snippet.notice.forked", copy.title()));
        return "redirect:/s/" + copy.id();
    }

    /** Runs the snippet (the version shown) in the visitor's own sandbox; the page shows what it printed. */
    @PostMapping("/s/{id}/run")
    String run(@PathVariable String id, @RequestParam(required = false) Integer version, Principal principal,
            RedirectAttributes flash) {
        SnippetView snippet = version == null ? snippets.read(id, principal.getName())
                : snippets.read(id, version, principal.getName());
        try {
            flash.addFlashAttribute("run", runner.run(snippet, principal.getName()));
        } catch (SnippetException | SandboxException refused) {
            flash.addFlashAttribute("error", words.of(refused));
        }
        return "redirect:/s/" + id + (version == null ? "" : "/v/" + version);
    }

    /** Publishes the newest version as the owner's live app; the page then shows its address. */
    @PostMapping("/s/{id}/publish")
    String publish(@PathVariable String id, Principal principal, RedirectAttributes flash) {
        try {
            AppView app = publisher.publish(id, principal.getName());
            flash.addFlashAttribute("published", app);
        } catch (AppException refused) {
            flash.addFlashAttribute("error", words.of(refused));
        }
        return "redirect:/s/" + id;
    }

    @PostMapping("/s/{id}/delete")
    String delete(@PathVariable String id, Principal principal, RedirectAttributes flash) {
        String title = snippets.read(id, principal.getName()).title();
        snippets.delete(id, principal.getName());
        flash.addFlashAttribute("notice", words.of("snippet.notice.deleted", title));
        return "redirect:/snippets";
    }

    private String show(SnippetView snippet, Principal principal, Model model) {
        model.addAttribute("snippet", snippet);
        // Publishing is offered, and its live link shown, to the owner only: others copy it first.
        boolean publishable = snippet.mayEdit() && publisher.nameToPublish(snippet).isPresent();
        model.addAttribute("publishable", publishable);
        if (publishable && !model.containsAttribute("published")) publisher.liveApp(snippet).ifPresent(app -> model.addAttribute("published", app));
        model.addAttribute("shown", ShownFile.of(snippet));
        model.addAttribute("history", snippets.history(snippet.id(), viewer(principal)));
        model.addAttribute("loggedIn", principal != null);
        model.addAttribute("languages", choices.languages());
        model.addAttribute("visibilities", choices.visibilities());
        return "snippet-show";
    }

    /** The scope as the search form names it. */
    static Scope scopeOf(String scope) {
        return switch (scope) {
            case "classes" -> Scope.MY_CLASSES;
            case "public" -> Scope.PUBLIC;
            case "mine" -> Scope.MINE;
            default -> throw new SnippetException("snippet.refused.no-scope-named");
        };
    }

    static String viewer(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
