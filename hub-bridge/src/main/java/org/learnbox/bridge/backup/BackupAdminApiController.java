package org.learnbox.bridge.backup;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the admin command line, behind the shared secret: the box's backup, streamed as it is made,
 * and the versions a backup records.
 */
@RestController
class BackupAdminApiController {
    record Versions(String version, String schema) {}

    private final BackupService backups;

    BackupAdminApiController(BackupService backups) {
        this.backups = backups;
    }

    @GetMapping("/admin-api/version")
    Versions version() {
        return new Versions(backups.version(), backups.schemaVersion());
    }

    /** Written on the request's own (virtual) thread, however long it takes: no async time limit cuts it. */
    @GetMapping(path = "/admin-api/backup", produces = "application/gzip")
    void backup(HttpServletResponse response) throws IOException {
        response.setContentType("application/gzip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"learnbox-backup.tar.gz\"");
        backups.write(response.getOutputStream());
    }
}
