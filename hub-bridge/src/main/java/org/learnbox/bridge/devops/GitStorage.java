package org.learnbox.bridge.devops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.learnbox.bridge.config.LearnboxProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The learners' bare repositories on the box's data volume: {@code ROOT/OWNER/NAME.git}. Names
 * are checked before they get here (account and repository names), so they are safe as folders.
 */
@Component
class GitStorage {
    static final String DEFAULT_BRANCH = "main";

    private final Path root;

    @Autowired
    GitStorage(LearnboxProperties properties) {
        this(Path.of(properties.git().repositories()));
    }

    GitStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path folder(String owner, String name) {
        return root.resolve(owner).resolve(name + ".git");
    }

    boolean exists(String owner, String name) {
        return Files.isDirectory(folder(owner, name).resolve("objects"));
    }

    /**
     * Makes the bare repository unless it is there: HEAD on {@code main}, and every change of a
     * branch kept in its log (a bare repository keeps none by default), so a force push can be undone.
     */
    synchronized void create(String owner, String name) {
        if (exists(owner, name)) return;
        try (Repository repo = builder(owner, name).build()) {
            repo.create(true);
            StoredConfig config = repo.getConfig();
            config.setBoolean(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_LOGALLREFUPDATES, true);
            config.save();
            repo.updateRef(Constants.HEAD).link(Constants.R_HEADS + DEFAULT_BRANCH);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the repository " + owner + "/" + name, e);
        }
    }

    /** The bare repository, made if its folder is missing; the caller closes it. */
    Repository open(String owner, String name) {
        create(owner, name);
        try {
            return builder(owner, name).build();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the repository " + owner + "/" + name, e);
        }
    }

    /** The branch HEAD names (a new repository's is main, before anything is pushed) and its newest commit. */
    Summary summary(String owner, String name) {
        if (!exists(owner, name)) return new Summary(DEFAULT_BRANCH, null);
        try (Repository repo = builder(owner, name).build(); RevWalk walk = new RevWalk(repo)) {
            Ref head = repo.exactRef(Constants.HEAD);
            String branch = head != null && head.isSymbolic() ? Repository.shortenRefName(head.getTarget().getName()) : "";
            ObjectId tip = head == null ? null : head.getObjectId();
            if (tip == null) return new Summary(branch, null);
            RevCommit commit = walk.parseCommit(tip);
            return new Summary(branch, new LastCommit(tip.abbreviate(7).name(), commit.getShortMessage(),
                    Instant.ofEpochSecond(commit.getCommitTime())));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the repository " + owner + "/" + name, e);
        }
    }

    record Summary(String defaultBranch, LastCommit lastCommit) {}

    /**
     * After a push: while HEAD names a branch that does not exist (nothing was pushed to main), it
     * moves to a pushed branch, so that a clone checks something out and the dashboard has a default.
     */
    static void pointHeadAtABranch(Repository repo, Collection<String> pushedBranches) throws IOException {
        Ref head = repo.exactRef(Constants.HEAD);
        if (head == null || !head.isSymbolic() || head.getObjectId() != null) return;
        Optional<String> branch = pushedBranches.stream().filter(b -> b.equals(Constants.R_HEADS + DEFAULT_BRANCH)).findFirst()
                .or(() -> pushedBranches.stream().findFirst());
        if (branch.isPresent() && repo.exactRef(branch.get()) != null) {
            RefUpdate.Result result = repo.updateRef(Constants.HEAD).link(branch.get());
            if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NEW && result != RefUpdate.Result.NO_CHANGE) {
                throw new IOException("HEAD could not move to " + branch.get() + ": " + result);
            }
        }
    }

    /** One repository's folder, for good. */
    synchronized void delete(String owner, String name) {
        try {
            FileSystemUtils.deleteRecursively(folder(owner, name));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the repository " + owner + "/" + name, e);
        }
    }

    /** Every repository of the person, with the folder that holds them. */
    void deleteAllOf(String owner) {
        try {
            FileSystemUtils.deleteRecursively(root.resolve(owner));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the repositories of " + owner, e);
        }
    }

    private FileRepositoryBuilder builder(String owner, String name) {
        return new FileRepositoryBuilder().setGitDir(folder(owner, name).toFile()).setBare();
    }
}
