package org.learnbox.bridge.devops;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The teacher's `./box app rollback USER/APP [RELEASE]`, behind the box's shared secret. */
@RestController
class ReleaseAdminApiController {
    private final Deployments deployments;

    ReleaseAdminApiController(Deployments deployments) {
        this.deployments = deployments;
    }

    @PostMapping(path = "/admin-api/apps/{user}/{app}/rollback", produces = MediaType.TEXT_PLAIN_VALUE)
    String rollBack(@PathVariable String user, @PathVariable String app, @RequestParam(required = false) Integer release) {
        Release live = deployments.rollBack(user, app, release, step -> {});
        return user + "/" + app + ": release " + live.getNumber() + " (commit " + live.getShortCommit() + ") is live again";
    }
}
