package org.learnbox.bridge.devops;

import java.time.Instant;

/**
 * A repository as its owner sees it on the dashboard. {@code path} is the git address after the
 * box's own (e.g. {@code /git/ada/my-game.git}); {@code lastCommit} is null while it has none.
 */
public record RepoView(String owner, String name, String visibility, String path, String defaultBranch,
        LastCommit lastCommit, String deployState, Instant createdAt, Instant pushedAt) {


    public boolean isPublic() {
        return RepoVisibility.PUBLIC.id().equals(visibility);
    }
}
