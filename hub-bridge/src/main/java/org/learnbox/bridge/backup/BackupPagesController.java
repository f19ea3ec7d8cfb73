package org.learnbox.bridge.backup;

import org.learnbox.bridge.config.Sizes;
import org.learnbox.bridge.config.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's backups page: how the last backup went, the kept ones, and "Back up now". */
@Controller
class BackupPagesController {
    private final KeptBackups kept;
    private final Words words;

    BackupPagesController(KeptBackups kept, Words words) {
        this.words = words;
        this.kept = kept;
    }

    /** Times as the server's clock shows them, for people. */
    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(java.time.ZoneId.systemDefault());

    record KeptView(String name, String size, String made) {}

    @GetMapping("/admin/backups")
    String page(Model model) {
        KeptBackups.Run last = kept.last();
        model.addAttribute("last", last);
        model.addAttribute("lastMessage", last == null ? "" : words.of(last.words()));
        model.addAttribute("lastStarted", last == null ? "" : SHOWN.format(last.started()));
        model.addAttribute("kept", kept.list().stream().map(k -> new KeptView(k.name(),
                Sizes.shown(k.bytes()), SHOWN.format(k.made()))).toList());
        model.addAttribute("settings", kept.settings());
        return "backups";
    }

    @PostMapping("/admin/backups")
    String backUpNow(RedirectAttributes flash) {
        flash.addFlashAttribute("notice", words.of(kept.startOne() ? "backup.notice.started" : "backup.notice.running"));
        return "redirect:/admin/backups";
    }
}
