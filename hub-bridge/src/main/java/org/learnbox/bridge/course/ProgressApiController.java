package org.learnbox.bridge.course;

import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Where a lesson's self-check reports each answer, from the learner's own sandbox (their JupyterHub token). */
@RestController
class ProgressApiController {
    /** The notebook as Jupyter names the kernel's session ({@code JPY_SESSION_NAME}), the check's name, and whether it was right. */
    record CheckAnswer(String notebook, String check, boolean passed) {}

    private final CourseProgress progress;

    ProgressApiController(CourseProgress progress) {
        this.progress = progress;
    }

    @PostMapping("/api/progress")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void answered(@RequestBody CheckAnswer answer, Principal principal) {
        progress.record(principal.getName(), answer.notebook(), answer.check(), answer.passed());
    }
}
