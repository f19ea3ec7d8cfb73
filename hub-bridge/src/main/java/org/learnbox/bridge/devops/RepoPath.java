package org.learnbox.bridge.devops;

import java.util.Optional;
import org.learnbox.bridge.identity.AccountNames;

/**
 * A repository as a git URL names it: {@code OWNER/PROJECT.git} after {@code /git/}. The project part
 * is kept as typed, so that a push can say what is wrong with it.
 */
record RepoPath(String owner, String project) {
    /** Where the git server leaves the path it resolved, for the receive side of the same request. */
    static final String ATTRIBUTE = RepoPath.class.getName();

    static Optional<RepoPath> parse(String name) {
        String[] parts = name.split("/", -1);
        if (parts.length != 2 || !AccountNames.isValid(parts[0])) return Optional.empty();
        String project = RepoNames.withoutGitSuffix(parts[1]);
        if (project.isEmpty() || project.length() > 100) return Optional.empty();
        return Optional.of(new RepoPath(parts[0], project));
    }

    @Override
    public String toString() {
        return owner + "/" + project;
    }
}
