package org.learnbox.bridge.notice;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.learnbox.bridge.config.Words;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notices as JupyterLab asks for them (the LearnBox lab extension, from the box's own origin,
 * with or without a session: a lab stays open longer than a login), and as the admin's command
 * line posts them, behind the shared secret. A person logged in also gets their own, in their language.
 */
@RestController
class NoticeController {
    record Posted(String message) {}

    private final Notices notices;
    private final PersonalNotices personal;
    private final Words words;

    NoticeController(Notices notices, PersonalNotices personal, Words words) {
        this.notices = notices;
        this.personal = personal;
        this.words = words;
    }

    @GetMapping("/notices")
    List<Notices.Notice> current(Principal principal) {
        List<Notices.Notice> current = new ArrayList<>();
        if (principal != null) {
            personal.of(principal.getName()).ifPresent(own -> current.add(new Notices.Notice(own.id(), words.of(own.wordsKey()), own.at())));
        }
        current.addAll(notices.current());
        return current;
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
