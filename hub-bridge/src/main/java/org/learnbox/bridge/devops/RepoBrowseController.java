package org.learnbox.bridge.devops;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.learnbox.bridge.app.AppService;
import org.learnbox.bridge.app.AppView;
import org.learnbox.bridge.config.PublicAddress;
import org.learnbox.bridge.config.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A repository's files, one folder or file at a time, and its history, for whoever may clone it:
 * its owner, the owner's teachers, the admins, everyone signed in for a public one. Read-only.
 */
@Controller
class RepoBrowseController {
    private final RepoService repos;
    private final RepoFiles files;
    private final Deployments deployments;
    private final AppService apps;
    private final PublicAddress address;
    private final Words words;

    RepoBrowseController(RepoService repos, RepoFiles files, Deployments deployments, AppService apps, PublicAddress address,
            Words words) {
        this.words = words;
        this.repos = repos;
        this.files = files;
        this.deployments = deployments;
        this.apps = apps;
        this.address = address;
    }

    /** A folder or a file in one part of the path ({@code ?path=src/Main.java}), at a branch, tag or commit. */
    @GetMapping("/repositories/{owner}/{name}/files")
    String files(@PathVariable String owner, @PathVariable String name, @RequestParam(required = false) String ref,
            @RequestParam(required = false) String path, Principal principal, Model model, HttpServletRequest request) {
        RepoView repo = repos.readable(owner, name, principal.getName());
        RepoFiles.Shown shown = files.show(owner, name, ref, path);
        describe(repo, principal, model, request);
        model.addAttribute("shown", shown);
        model.addAttribute("crumbs", crumbs(shown.path()));
        return "repository";
    }

    @GetMapping("/repositories/{owner}/{name}/commits")
    String commits(@PathVariable String owner, @PathVariable String name, @RequestParam(required = false) String ref,
            Principal principal, Model model, HttpServletRequest request) {
        RepoView repo = repos.readable(owner, name, principal.getName());
        describe(repo, principal, model, request);
        model.addAttribute("ref", ref == null || ref.isBlank() ? repo.defaultBranch() : ref.strip());
        model.addAttribute("commits", files.history(owner, name, ref));
        model.addAttribute("mostCommits", RepoFiles.MOST_COMMITS);
        return "repository-commits";
    }

    @ExceptionHandler(RepoException.class)
    String refused(RepoException refusal, Model model, HttpServletResponse response) {
        response.setStatus(refusal.status().value());
        model.addAttribute("message", words.of(refusal));
        return "refused";
    }

    private void describe(RepoView repo, Principal principal, Model model, HttpServletRequest request) {
        model.addAttribute("repo", repo);
        model.addAttribute("mine", repo.owner().equals(principal.getName()));
        model.addAttribute("cloneUrl", address.of(request) + repo.path());
        model.addAttribute("liveUrl", liveUrl(repo.owner(), repo.name()));
    }

    /** The address of the app the repository's live release serves, or null. */
    private String liveUrl(String owner, String project) {
        return deployments.releasesOf(owner, project).stream().filter(r -> r.getState() == Release.State.LIVE).findFirst()
                .flatMap(live -> apps.appsOf(owner).stream().filter(app -> app.name().equals(live.getApp())).findFirst())
                .map(AppView::url).orElse(null);
    }

    /** Each folder on the way to a path, for the links above the listing. */
    record Crumb(String name, String path) {}

    private static List<Crumb> crumbs(String path) {
        List<Crumb> crumbs = new ArrayList<>();
        if (path.isEmpty()) return crumbs;
        StringBuilder sofar = new StringBuilder();
        for (String part : path.split("/")) {
            if (!sofar.isEmpty()) sofar.append('/');
            sofar.append(part);
            crumbs.add(new Crumb(part, sofar.toString()));
        }
        return crumbs;
    }
}
