package org.learnbox.bridge.work;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.learnbox.bridge.sandbox.HomeListing;
import org.learnbox.bridge.sandbox.HomeRead;
import org.learnbox.bridge.sandbox.SandboxException;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.springframework.stereotype.Component;

/**
 * A learner's notebooks read from their home by the box, never through their live server: a
 * teacher's look leaves no trace in the learner's lab and works while the sandbox is stopped.
 */
@Component
class StudentNotebooks {
    /** Bounds on what one look reads, whatever the home holds. */
    static final int MOST_LISTED = 200;
    static final int LARGEST_NOTEBOOK = 10 * 1024 * 1024;
    /** A path in the home as the list gives it: no hidden folder, no way up or out. */
    private static final Pattern NOTEBOOK_PATH = Pattern.compile("(?:[^/.][^/]*/)*[^/.][^/]*\\.ipynb");

    record Listed(String path, long size, Instant modified) {}

    record Found(List<Listed> notebooks, boolean cut) {}

    private final SandboxRuntime sandboxes;

    StudentNotebooks(SandboxRuntime sandboxes) {
        this.sandboxes = sandboxes;
    }

    /** The notebooks of the learner's home, hidden folders left out, in path order. */
    Found list(String learner) {
        HomeListing home = sandboxes.findInHome(learner, ".ipynb", MOST_LISTED);
        List<Listed> found = home.files().stream().filter(file -> NOTEBOOK_PATH.matcher(file.path()).matches())
                .map(file -> new Listed(file.path(), file.size(), file.modified())).toList();
        return new Found(found, home.cut());
    }

    /** The notebook's bytes; a path that is no notebook of the home, or one too big to show, is refused in words. */
    byte[] read(String learner, String path) {
        if (path == null || !NOTEBOOK_PATH.matcher(path).matches()) {
            throw new WorkException("work.refused.not-a-notebook", path, learner);
        }
        HomeRead notebook;
        try {
            notebook = sandboxes.readInHome(learner, path, LARGEST_NOTEBOOK);
        } catch (SandboxException gone) {
            if (!gone.isNotFound()) throw gone;
            throw new WorkException("work.refused.no-notebook", path, learner);
        }
        if (notebook.tooBig()) {
            throw new WorkException("work.refused.too-big", path, notebook.size() / (1024 * 1024), LARGEST_NOTEBOOK / (1024 * 1024));
        }
        return notebook.bytes();
    }
}
