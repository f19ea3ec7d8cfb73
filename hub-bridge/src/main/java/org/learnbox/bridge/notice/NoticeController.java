package org.learnbox.bridge.notice;

import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notices as JupyterLab asks for them (the LearnBox lab extension, from the box's own origin,
 * with or without a session: a lab stays open longer than a login), and as the admin's command
 * line posts them, behind the shared secret.
 */
@RestController
class NoticeController {
    record Posted(String message) {}

    private final Notices notices;

    NoticeController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/notices")
    List<Notices.Notice> current() {
        return notices.current();
    }

    @PostMapping("/admin-api/notices")
    Notices.Notice post(@RequestBody Posted posted) {
        return notices.post(posted.message());
    }

    @DeleteMapping("/admin-api/notices")
    void clear() {
        notices.clear();
    }
}
