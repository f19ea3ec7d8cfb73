package org.learnbox.bridge.snippet;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.config.DataDisk;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.identity.AccountRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The snippet space: people make, change, copy, find and delete snippets here, and every
 * refusal is an exception whose message is meant for them. {@code actor} and {@code viewer}
 * are account names; a null viewer is someone not logged in.
 */
@Service
public class SnippetService {
    private static final Logger log = LoggerFactory.getLogger(SnippetService.class);
    static final int SEARCH_LIMIT = 100;

    private final SnippetRepository snippets;
    private final SnippetVersionRepository versions;
    private final SnippetFiles files;
    private final SnippetAccess access;
    private final ClassroomService classrooms;
    private final SnippetRules rules;
    private final DataDisk disk;

    SnippetService(SnippetRepository snippets, SnippetVersionRepository versions, SnippetFiles files,
            SnippetAccess access, ClassroomService classrooms, LearnboxProperties properties, DataDisk disk) {
        this.disk = disk;
        this.snippets = snippets;
        this.versions = versions;
        this.files = files;
        this.access = access;
        this.classrooms = classrooms;
        this.rules = new SnippetRules(properties.snippets().maxSize());
    }

    @Transactional
    public SnippetView create(String owner, SnippetDraft draft) {
        requireLoggedIn(owner, "snippet.refused.log-in-to-make");
        return store(owner, rules.check(draft), null);
    }

    /** Saves the draft over the snippet: new files make a new version; title, language and visibility make none. */
    @Transactional
    public SnippetView edit(String id, SnippetDraft draft, String actor) {
        Snippet snippet = editable(id, actor);
        SnippetDraft checked = rules.check(draft);
        snippet.describe(checked.title(), checked.language(), checked.visibility());
        SnippetVersion newest = version(snippet, snippet.getLatestVersion());
        if (checked.files().equals(filesOf(snippet, newest))) {
            return view(snippet, newest, checked.files(), actor);
        }
        return view(snippet, addVersion(snippet, checked.files()), checked.files(), actor);
    }

    @Transactional
    public SnippetView changeVisibility(String id, Visibility visibility, String actor) {
        if (visibility == null) throw Visibility.missing();
        Snippet snippet = editable(id, actor);
        snippet.show(visibility);
        return read(snippet, snippet.getLatestVersion(), actor);
    }

    /** The newest version, which is what a snippet's link shows. */
    @Transactional(readOnly = true)
    public SnippetView read(String id, String viewer) {
        Snippet snippet = readable(id, viewer);
        return read(snippet, snippet.getLatestVersion(), viewer);
    }

    @Transactional(readOnly = true)
    public SnippetView read(String id, int version, String viewer) {
        return read(readable(id, viewer), version, viewer);
    }

    /** Every version, newest first. */
    @Transactional(readOnly = true)
    public List<SnippetVersionInfo> history(String id, String viewer) {
        Snippet snippet = readable(id, viewer);
        return versions.findBySnippetIdOrderByNumberDesc(snippet.getId()).stream().map(SnippetVersionInfo::of).toList();
    }

    /** Copies the newest version into the forker's own snippets. */
    @Transactional
    public SnippetView fork(String id, String forker) {
        Snippet source = readable(id, forker);
        return fork(source, source.getLatestVersion(), forker);
    }

    /** Copies that version into the forker's own snippets, private at first, remembering where it came from. */
    @Transactional
    public SnippetView fork(String id, int version, String forker) {
        return fork(readable(id, forker), version, forker);
    }

    @Transactional
    public void delete(String id, String actor) {
        Snippet snippet = readable(id, actor);
        if (!access.mayDelete(snippet, actor)) {
            throw new NotYourSnippetException("snippet.refused.delete-not-yours", snippet.getOwner());
        }
        forget(snippet);
    }

    /** Lists or searches, newest change first, at most {@value #SEARCH_LIMIT}; finds only what the viewer may read. */
    @Transactional(readOnly = true)
    public List<SnippetSummary> search(SnippetQuery query, String viewer) {
        List<Snippet> candidates = switch (query.scope()) {
            case MINE -> viewer == null ? List.of() : snippets.findByOwnerOrderByUpdatedAtDesc(viewer);
            case MY_CLASSES -> viewer == null ? List.of() : snippets.findByOwnerInAndVisibilityInOrderByUpdatedAtDesc(
                    classrooms.classmatesOf(viewer), List.of(Visibility.CLASS, Visibility.PUBLIC));
            case PUBLIC -> snippets.findByVisibilityOrderByUpdatedAtDesc(Visibility.PUBLIC);
        };
        return candidates.stream()
                .filter(s -> query.wantsLanguage(s.getLanguage()))
                .filter(s -> query.matches(s.getTitle(), () -> filesOf(s, version(s, s.getLatestVersion()))))
                .limit(SEARCH_LIMIT)
                .map(SnippetSummary::of)
                .toList();
    }

    /** The owner's snippets that the viewer may read (all of them for the owner's teachers), newest change first. */
    @Transactional(readOnly = true)
    public List<SnippetSummary> ownedBy(String owner, String viewer) {
        return snippets.findByOwnerOrderByUpdatedAtDesc(owner).stream()
                .filter(s -> access.mayRead(s, viewer))
                .limit(SEARCH_LIMIT)
                .map(SnippetSummary::of)
                .toList();
    }

    /** A removed account's snippets go with it; forks others made of them stay theirs. */
    @EventListener
    @Transactional
    void onAccountRemoved(AccountRemoved removed) {
        snippets.findByOwnerOrderByUpdatedAtDesc(removed.name()).forEach(this::forget);
    }

    private SnippetView fork(Snippet source, int version, String forker) {
        requireLoggedIn(forker, "snippet.refused.log-in-to-copy");
        List<SnippetFile> content = filesOf(source, version(source, version));
        SnippetDraft copy = new SnippetDraft(source.getTitle(), source.getLanguage(), Visibility.PRIVATE, content);
        return store(forker, rules.check(copy), new SnippetSource(source.getId(), version));
    }

    private SnippetView store(String owner, SnippetDraft checked, SnippetSource forkedFrom) {
        Snippet snippet = snippets.save(new Snippet(freshId(), owner, checked, forkedFrom));
        return view(snippet, addVersion(snippet, checked.files()), checked.files(), owner);
    }

    /**
     * Files first, then the rows that name them: a version in the database always has its
     * files. Files of a version that fails to be recorded are taken away again.
     */
    private SnippetVersion addVersion(Snippet snippet, List<SnippetFile> content) {
        int number = snippet.getLatestVersion() + 1;
        disk.requireRoom();
        files.write(snippet.getId(), number, content);
        try {
            SnippetVersion version = versions.saveAndFlush(new SnippetVersion(snippet.getId(), number, content));
            snippet.newestIs(number);
            snippets.flush();
            return version;
        } catch (RuntimeException notRecorded) {
            files.discard(snippet.getId(), number);
            throw notRecorded;
        }
    }

    /** The rows go now; the files once the rows are gone for good. Files left behind are only unused disk. */
    private void forget(Snippet snippet) {
        snippets.delete(snippet);
        afterCommit(() -> {
            try {
                files.deleteAll(snippet.getId());
            } catch (UncheckedIOException e) {
                log.warn("the files of the deleted snippet {} stay on disk: {}", snippet.getId(), e.getMessage());
            }
        });
    }

    private SnippetView read(Snippet snippet, int number, String viewer) {
        SnippetVersion version = version(snippet, number);
        return view(snippet, version, filesOf(snippet, version), viewer);
    }

    private Snippet readable(String id, String viewer) {
        return find(id, snippets::findById).filter(s -> access.mayRead(s, viewer))
                .orElseThrow(() -> new SnippetNotFoundException(id));
    }

    /** The snippet, locked for this change, if the actor is its owner. */
    private Snippet editable(String id, String actor) {
        Snippet snippet = find(id, snippets::findForUpdate).filter(s -> access.mayRead(s, actor))
                .orElseThrow(() -> new SnippetNotFoundException(id));
        if (!access.mayEdit(snippet, actor)) {
            throw new NotYourSnippetException("snippet.refused.change-not-yours", snippet.getOwner());
        }
        return snippet;
    }

    /** Text that cannot be an id is never looked up. */
    private static Optional<Snippet> find(String id, Function<String, Optional<Snippet>> lookup) {
        return SnippetIds.isWellFormed(id) ? lookup.apply(id) : Optional.empty();
    }

    private SnippetVersion version(Snippet snippet, int number) {
        return versions.findBySnippetIdAndNumber(snippet.getId(), number)
                .orElseThrow(() -> new SnippetNotFoundException(snippet.getId(), number, snippet.getLatestVersion()));
    }

    private List<SnippetFile> filesOf(Snippet snippet, SnippetVersion version) {
        return files.read(snippet.getId(), version.getNumber(), version.fileNames());
    }

    private SnippetView view(Snippet snippet, SnippetVersion version, List<SnippetFile> content, String viewer) {
        return new SnippetView(snippet.getId(), snippet.getOwner(), snippet.getTitle(), snippet.getLanguage(),
                snippet.getVisibility(), version.getNumber(), snippet.getLatestVersion(), version.getCreatedAt(),
                content, snippet.forkedFrom(), access.mayEdit(snippet, viewer), access.mayDelete(snippet, viewer));
    }

    /** A new id; a clash is rare enough that trying again is the whole answer. */
    private String freshId() {
        String id;
        do {
            id = SnippetIds.next();
        } while (snippets.existsById(id) || files.exists(id));
        return id;
    }

    private static void requireLoggedIn(String person, String refusalKey) {
        if (person == null) throw new NotYourSnippetException(refusalKey);
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
