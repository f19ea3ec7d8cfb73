package org.learnbox.bridge.app;

import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A person's own live apps: publish a folder of their home, see them, stop or unpublish them. */
@RestController
@RequestMapping("/api/apps")
class AppApiController {
    record PublishRequest(String folder) {}

    private final AppService apps;

    AppApiController(AppService apps) {
        this.apps = apps;
    }

    @GetMapping
    List<AppView> mine(Principal principal) {
        return apps.appsOf(principal.getName());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AppView publish(@RequestBody PublishRequest request, Principal principal) {
        return apps.publishFolder(principal.getName(), request.folder());
    }

    @PostMapping("/{name}/stop")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void stop(@PathVariable String name, Principal principal) {
        apps.stop(principal.getName(), name);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unpublish(@PathVariable String name, Principal principal) {
        apps.unpublish(principal.getName(), name);
    }
}
