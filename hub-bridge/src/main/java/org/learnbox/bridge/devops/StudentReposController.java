package org.learnbox.bridge.devops;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.config.PublicAddress;
import org.learnbox.bridge.config.Words;
import org.learnbox.bridge.identity.AccountService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What teachers see of pushes: the repositories of their classes' students with each deploy
 * state, and the builds under way; an admin sees everyone's and may stop any build.
 */
@Controller
class StudentReposController {
    private final RepoService repos;
    private final Deployments deployments;
    private final ClassroomService classrooms;
    private final AccountService accounts;
    private final PublicAddress address;
    private final Words words;

    StudentReposController(RepoService repos, Deployments deployments, ClassroomService classrooms, AccountService accounts,
            PublicAddress address, Words words) {
        this.words = words;
        this.address = address;
        this.repos = repos;
        this.deployments = deployments;
        this.classrooms = classrooms;
        this.accounts = accounts;
    }

    @GetMapping("/students/repositories")
    String list(Principal principal, Model model, jakarta.servlet.http.HttpServletRequest request) {
        boolean admin = request.isUserInRole("ADMIN");
        Set<String> owners = new TreeSet<>();
        if (admin) {
            accounts.list().forEach(account -> owners.add(account.getName()));
        } else {
            classrooms.taughtBy(principal.getName()).forEach(c -> owners.addAll(classrooms.students(c)));
        }
        List<RepoView> all = owners.stream().flatMap(owner -> repos.reposOf(owner).stream())
                .sorted(Comparator.comparing(RepoView::owner).thenComparing(RepoView::name)).toList();
        model.addAttribute("repos", all);
        model.addAttribute("building", deployments.building(admin ? null : owners));
        model.addAttribute("admin", admin);
        model.addAttribute("boxUrl", address.of(request));
        return "student-repositories";
    }

    @PostMapping("/builds/{owner}/{project}/stop")
    String stop(@PathVariable String owner, @PathVariable String project, RedirectAttributes flash) {
        try {
            deployments.stopBuild(owner, project);
            flash.addFlashAttribute("notice", words.of("build.notice.stopped", owner, project));
        } catch (BuildRuntime.BuildFailed refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/students/repositories";
    }
}
