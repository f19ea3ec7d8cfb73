package org.learnbox.bridge.devops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A repository's files and commits as its pages show them, read with JGit from the bare
 * repository, never checked out. What a page holds is bounded whatever was pushed: a folder
 * shows its first {@value #MOST_ENTRIES} entries, a file its first {@value #MOST_TEXT_BYTES}
 * bytes, the history its newest {@value #MOST_COMMITS} commits.
 */
@Component
class RepoFiles {
    static final int MOST_ENTRIES = 1000;
    static final int MOST_TEXT_BYTES = 256 * 1024;
    static final int MOST_COMMITS = 50;
    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{7,40}");

    private final GitStorage storage;

    RepoFiles(GitStorage storage) {
        this.storage = storage;
    }

    /** One entry of a folder; {@code path} is from the repository's top. */
    record Entry(String name, String path, boolean folder, long size) {}

    /** A commit as a history line. */
    record CommitLine(String id, String shortId, String firstLine, String author, Instant when) {}

    /**
     * What a path is at a branch, tag or commit: a folder's entries, or a file's text (null when it
     * is not text or too big to show, with {@code whyNoText} saying which: the end of a message key,
     * {@code repository.not-text} and the like). Null {@code commit}: nothing pushed yet.
     */
    record Shown(String ref, CommitLine commit, String path, List<Entry> entries, int entriesLeftOut, String text,
            String whyNoText, long size, List<String> branches) {
        public boolean isFolder() {
            return entries != null;
        }
    }

    Shown show(String owner, String name, String ref, String path) {
        String wanted = normalPath(path);
        try (Repository repo = storage.open(owner, name); RevWalk walk = new RevWalk(repo)) {
            List<String> branches = branches(repo);
            String at = ref == null || ref.isBlank() ? defaultBranch(repo, branches) : ref.strip();
            ObjectId tip = resolve(repo, at);
            if (tip == null) {
                if (branches.isEmpty() && wanted.isEmpty()) {
                    return new Shown(at, null, "", List.of(), 0, null, null, 0, branches);
                }
                throw missing("repo.refused.no-ref", name, at);
            }
            RevCommit commit = walk.parseCommit(tip);
            CommitLine line = line(commit);
            if (wanted.isEmpty()) return folder(repo, at, line, "", commit.getTree(), branches);
            try (TreeWalk found = TreeWalk.forPath(repo, wanted, commit.getTree())) {
                if (found == null) throw missing("repo.refused.no-path", name, wanted, at);
                ObjectId object = found.getObjectId(0);
                if (found.getFileMode(0) == FileMode.TREE) return folder(repo, at, line, wanted, object, branches);
                if (found.getFileMode(0) == FileMode.GITLINK) {
                    return new Shown(at, line, wanted, null, 0, null, "submodule", 0, branches);
                }
                return file(repo, at, line, wanted, object, branches);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the repository " + owner + "/" + name, e);
        }
    }

    /** The newest commits reachable from a branch, tag or commit, newest first. */
    List<CommitLine> history(String owner, String name, String ref) {
        try (Repository repo = storage.open(owner, name); RevWalk walk = new RevWalk(repo)) {
            String at = ref == null || ref.isBlank() ? defaultBranch(repo, branches(repo)) : ref.strip();
            ObjectId tip = resolve(repo, at);
            if (tip == null) {
                if (branches(repo).isEmpty()) return List.of();
                throw missing("repo.refused.no-ref", name, at);
            }
            walk.markStart(walk.parseCommit(tip));
            List<CommitLine> lines = new ArrayList<>();
            for (RevCommit commit : walk) {
                lines.add(line(commit));
                if (lines.size() == MOST_COMMITS) break;
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the repository " + owner + "/" + name, e);
        }
    }

    private Shown folder(Repository repo, String at, CommitLine line, String path, ObjectId tree, List<String> branches)
            throws IOException {
        List<Entry> entries = new ArrayList<>();
        int leftOut = 0;
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(tree);
            walk.setRecursive(false);
            while (walk.next()) {
                if (entries.size() == MOST_ENTRIES) {
                    leftOut++;
                    continue;
                }
                boolean folder = walk.getFileMode(0) == FileMode.TREE;
                long size = folder || walk.getFileMode(0) == FileMode.GITLINK ? 0
                        : walk.getObjectReader().getObjectSize(walk.getObjectId(0), Constants.OBJ_BLOB);
                String name = walk.getNameString();
                entries.add(new Entry(name, path.isEmpty() ? name : path + "/" + name, folder, size));
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> !e.folder()).thenComparing(Entry::name, String.CASE_INSENSITIVE_ORDER));
        return new Shown(at, line, path, entries, leftOut, null, null, 0, branches);
    }

    private Shown file(Repository repo, String at, CommitLine line, String path, ObjectId blob, List<String> branches)
            throws IOException {
        ObjectLoader loader = repo.open(blob, Constants.OBJ_BLOB);
        long size = loader.getSize();
        if (size > MOST_TEXT_BYTES) {
            return new Shown(at, line, path, null, 0, null, "too-big",
                    size, branches);
        }
        byte[] bytes = loader.getCachedBytes(MOST_TEXT_BYTES);
        if (RawText.isBinary(bytes)) {
            return new Shown(at, line, path, null, 0, null, "not-text", size, branches);
        }
        return new Shown(at, line, path, null, 0, new String(bytes, StandardCharsets.UTF_8), null, size, branches);
    }

    private static CommitLine line(RevCommit commit) {
        return new CommitLine(commit.name(), commit.abbreviate(7).name(), commit.getShortMessage(),
                commit.getAuthorIdent().getName(), Instant.ofEpochSecond(commit.getCommitTime()));
    }

    /** The branch HEAD names, or the first branch there is while HEAD names none that exists. */
    private static String defaultBranch(Repository repo, List<String> branches) throws IOException {
        Ref head = repo.exactRef(Constants.HEAD);
        String named = head != null && head.isSymbolic() ? Repository.shortenRefName(head.getTarget().getName()) : GitStorage.DEFAULT_BRANCH;
        return branches.contains(named) || branches.isEmpty() ? named : branches.getFirst();
    }

    private static List<String> branches(Repository repo) throws IOException {
        return repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).stream()
                .map(r -> Repository.shortenRefName(r.getName())).sorted().toList();
    }

    /** A branch, then a tag, then a commit id of this repository; nothing else (no revision expressions). */
    private static ObjectId resolve(Repository repo, String ref) throws IOException {
        for (String prefix : List.of(Constants.R_HEADS, Constants.R_TAGS)) {
            Ref found = repo.exactRef(prefix + ref);
            if (found != null) {
                Ref peeled = repo.getRefDatabase().peel(found);
                return peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : found.getObjectId();
            }
        }
        if (!COMMIT_ID.matcher(ref).matches()) return null;
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId id = repo.resolve(ref);
            return id == null ? null : walk.parseCommit(id);
        } catch (AmbiguousObjectException | IncorrectObjectTypeException | MissingObjectException notOneCommit) {
            return null;
        }
    }

    private static String normalPath(String path) {
        if (path == null) return "";
        String trimmed = path.strip().replaceAll("^/+|/+$", "");
        return trimmed.replaceAll("/{2,}", "/");
    }

    private static RepoException missing(String key, Object... arguments) {
        return new RepoException(HttpStatus.NOT_FOUND, key, arguments);
    }
}
