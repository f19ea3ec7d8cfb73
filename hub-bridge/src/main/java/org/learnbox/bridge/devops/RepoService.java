package org.learnbox.bridge.devops;

import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.learnbox.bridge.config.Words;
import org.learnbox.bridge.identity.AccountRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The learners' git repositories: made from the dashboard or by their owner's first push, listed
 * with their newest commit, shown to whom their owner chooses. Every refusal is a
 * {@link RepoException} whose message is meant for the person.
 */
@Service
public class RepoService {
    private static final Logger log = LoggerFactory.getLogger(RepoService.class);

    private final GitRepoRepository repos;
    private final GitPushRepository pushes;
    private final GitStorage storage;
    private final RepoAccess access;
    private final ReleaseRepository releases;
    private final Deployments deployments;
    private final Words words;

    RepoService(GitRepoRepository repos, GitPushRepository pushes, GitStorage storage, RepoAccess access,
            ReleaseRepository releases, Deployments deployments, Words words) {
        this.words = words;
        this.releases = releases;
        this.deployments = deployments;
        this.repos = repos;
        this.pushes = pushes;
        this.storage = storage;
        this.access = access;
    }

    /** The person's repositories, by name, each with its newest commit. */
    public List<RepoView> reposOf(String owner) {
        return repos.findByOwnerOrderByNameAsc(owner).stream().map(this::view).toList();
    }

    /**
     * The "New repository" form. Not transactional: the row is committed before the folder is made, and
     * one at a time, so two makes of one name cannot both pass the check.
     */
    public synchronized RepoView create(String owner, String name, RepoVisibility visibility) {
        RepoNames.requireOwnerMayHaveRepositories(owner);
        String typed = name == null ? "" : RepoNames.withoutGitSuffix(name.strip());
        RepoNames.requireValid(typed);
        if (repos.findByOwnerAndName(owner, typed).isPresent()) {
            throw new RepoException("repo.refused.exists", typed);
        }
        GitRepo made = repos.saveAndFlush(new GitRepo(owner, typed, visibility));
        storage.create(owner, typed);
        return view(made);
    }

    @Transactional
    public RepoView changeVisibility(String owner, String name, RepoVisibility visibility) {
        GitRepo repo = repos.findByOwnerAndName(owner, name)
                .orElseThrow(() -> new RepoException("repo.refused.none-named", name));
        repo.show(visibility);
        return view(repo);
    }

    /**
     * Deletes the repository with everything deployed from it (its live app, its releases), once its
     * owner typed its name: nothing of it can come back. Answers what went, in words.
     */
    public synchronized String delete(String owner, String name, String typedName) {
        GitRepo repo = find(owner, name)
                .orElseThrow(() -> new RepoException("repo.refused.none-named", name));
        String typed = typedName == null ? "" : typedName.strip();
        if (!typed.equals(name)) {
            throw typed.isEmpty() ? new RepoException("repo.refused.not-confirmed", name)
                    : new RepoException("repo.refused.not-confirmed-typed", name, typed);
        }
        List<String> takenDown = deployments.forget(owner, name);
        repos.delete(repo);
        storage.delete(owner, name);
        log.info("{} deleted the repository {}{}", owner, name, takenDown.isEmpty() ? "" : " and its app " + takenDown);
        return takenDown.isEmpty() ? words.of("repo.notice.deleted", name)
                : words.of("repo.notice.deleted-app", name, String.join(", ", takenDown));
    }

    /** The repository if the person may read it; a missing one and one not theirs to read get the same answer. */
    RepoView readable(String owner, String name, String person) {
        return find(owner, name).filter(repo -> mayRead(repo, person)).map(this::view)
                .orElseThrow(() -> new RepoException(HttpStatus.NOT_FOUND, "repo.refused.not-readable", owner, name));
    }

    Optional<GitRepo> find(String owner, String name) {
        return RepoNames.isValid(name) ? repos.findByOwnerAndName(owner, name) : Optional.empty();
    }

    boolean mayRead(GitRepo repo, String person) {
        return access.mayRead(repo, person);
    }

    boolean mayPush(String owner, String person) {
        return access.mayPush(owner, person);
    }

    /** The repository an owner's push goes to: made, private, on the first push. */
    synchronized GitRepo forPush(String owner, String name) {
        RepoNames.requireOwnerMayHaveRepositories(owner);
        RepoNames.requireValid(name);
        GitRepo repo = repos.findByOwnerAndName(owner, name).orElseGet(() -> {
            log.info("{} made the repository {} with a first push", owner, name);
            return repos.saveAndFlush(new GitRepo(owner, name, RepoVisibility.PRIVATE));
        });
        storage.create(owner, name);
        return repo;
    }

    /** What a push changed, one row per branch or tag; a force push or a deletion keeps the commit it replaced. */
    @Transactional
    public void recordPush(String owner, String name, String pusher, List<ReceiveCommand> applied) {
        GitRepo repo = repos.findByOwnerAndName(owner, name).orElseThrow();
        for (ReceiveCommand command : applied) {
            GitPush.Kind kind = kindOf(command);
            pushes.save(new GitPush(repo.getId(), pusher, command.getRefName(), kind,
                    command.getOldId().name(), command.getNewId().name()));
            if (kind == GitPush.Kind.FORCE || kind == GitPush.Kind.DELETE) {
                log.info("{} {} {} of {}/{}; it was at {}", pusher, kind == GitPush.Kind.FORCE ? "force-pushed" : "deleted",
                        command.getRefName(), owner, name, command.getOldId().name());
            }
        }
        repo.pushedNow();
    }

    /** What happened to one repository, newest first. */
    List<GitPush> history(String owner, String name) {
        return repos.findByOwnerAndName(owner, name).map(r -> pushes.findByRepositoryIdOrderByIdDesc(r.getId()))
                .orElse(List.of());
    }

    static GitPush.Kind kindOf(ReceiveCommand command) {
        return switch (command.getType()) {
            case CREATE -> GitPush.Kind.CREATE;
            case UPDATE -> GitPush.Kind.UPDATE;
            case UPDATE_NONFASTFORWARD -> GitPush.Kind.FORCE;
            case DELETE -> GitPush.Kind.DELETE;
        };
    }

    /** A removed account's repositories go with it: the rows now, the folders once the rows are gone for good. */
    @EventListener
    @Transactional
    void onAccountRemoved(AccountRemoved removed) {
        repos.deleteAll(repos.findByOwnerOrderByNameAsc(removed.name()));
        Runnable deleteFolders = () -> {
            try {
                storage.deleteAllOf(removed.name());
            } catch (RuntimeException e) {
                log.warn("the repositories of the removed account {} stay on disk: {}", removed.name(), e.getMessage());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteFolders.run();
                }
            });
        } else {
            deleteFolders.run();
        }
    }

    private RepoView view(GitRepo repo) {
        GitStorage.Summary summary = storage.summary(repo.getOwner(), repo.getName());
        return new RepoView(repo.getOwner(), repo.getName(), repo.getVisibility().id(),
                GitServerPaths.repository(repo.getOwner(), repo.getName()), summary.defaultBranch(), summary.lastCommit(),
                deployState(repo.getOwner(), repo.getName()), repo.getCreatedAt(), repo.getPushedAt());
    }

    /** The newest release in the reader's words: live, building, failed (and what serves instead), or not deployed. */
    private String deployState(String owner, String project) {
        List<Release> history = releases.findByOwnerAndProjectOrderByNumberDesc(owner, project);
        if (history.isEmpty()) return words.of("repo.deploy.none");
        Release newest = history.getFirst();
        MessageSourceResolvable live = history.stream().filter(r -> r.getState() == Release.State.LIVE).findFirst()
                .map(r -> Words.phrase("repo.deploy.live", r.getNumber())).orElse(null);
        MessageSourceResolvable state = switch (newest.getState()) {
            case BUILDING -> Words.phrase("repo.deploy.building", newest.getNumber());
            case FAILED -> Words.phrase("repo.deploy.failed", newest.getNumber());
            default -> live == null ? Words.phrase("repo.deploy.none") : live;
        };
        return state == live || live == null ? words.of(state) : words.of("repo.deploy.and", state, live);
    }

    static String branchOf(String refName) {
        return refName.startsWith(Constants.R_HEADS) ? refName.substring(Constants.R_HEADS.length()) : null;
    }
}
