package org.learnbox.bridge.devops;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A person's releases as JSON, and rollback, for scripts and the sandbox (its owner's token). */
@RestController
@RequestMapping("/api/repositories/{project}/releases")
class ReleaseApiController {
    /** One release without its log. */
    record ReleaseJson(int number, String commit, String state, String app, Instant createdAt) {
        static ReleaseJson of(Release release) {
            return new ReleaseJson(release.getNumber(), release.getCommitId(), release.getState().name().toLowerCase(),
                    release.getApp(), release.getCreatedAt());
        }
    }

    private final Deployments deployments;

    ReleaseApiController(Deployments deployments) {
        this.deployments = deployments;
    }

    @GetMapping
    List<ReleaseJson> releases(@PathVariable String project, Principal principal) {
        return deployments.releasesOf(principal.getName(), project).stream().map(ReleaseJson::of).toList();
    }

    @PostMapping("/{number}/rollback")
    ReleaseJson rollBack(@PathVariable String project, @PathVariable int number, Principal principal) {
        Release release = deployments.releasesOf(principal.getName(), project).stream()
                .filter(r -> r.getNumber() == number).findFirst()
                .orElseThrow(() -> new ReleaseNotFoundException(project, number));
        return ReleaseJson.of(deployments.rollBack(principal.getName(), release.getApp(), number, step -> {}));
    }
}
