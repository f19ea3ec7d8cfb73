package org.learnbox.bridge.devops;

import org.learnbox.bridge.identity.AccountNames;

/**
 * The rule for repository names. A pushed project becomes an app, and its name part of the app's
 * host name (APP--USER.apps...), so it is the app names' rule: the account names' one, without "--".
 */
final class RepoNames {
    /** /git/courses/ is the course server's: an account of that name cannot have repositories under it. */
    static final String RESERVED_OWNER = "courses";

    private RepoNames() {}

    static boolean isValid(String name) {
        return AccountNames.isValid(name) && !name.contains("--");
    }

    static String requireValid(String name) {
        if (!isValid(name)) {
            throw new RepoException("repo.refused.name", name);
        }
        return name;
    }

    static void requireOwnerMayHaveRepositories(String owner) {
        if (RESERVED_OWNER.equals(owner)) {
            throw new RepoException("repo.refused.courses-owner");
        }
    }

    /** The name as typed, e.g. in a URL: "my-game.git" and "my-game" are the same repository. */
    static String withoutGitSuffix(String name) {
        return name.endsWith(".git") ? name.substring(0, name.length() - ".git".length()) : name;
    }
}
