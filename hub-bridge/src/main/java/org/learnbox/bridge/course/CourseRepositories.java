package org.learnbox.bridge.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The courses as students receive them: one bare git repository per course, on the box's
 * data volume. Each publish is a new commit on {@code main} on top of the last one, so a
 * student's copy can always move forward.
 */
public class CourseRepositories {
    static final String BRANCH = Constants.R_HEADS + "main";
    private static final PersonIdent AUTHOR = new PersonIdent("LearnBox", "courses@learnbox.invalid");

    private final Path root;

    public CourseRepositories(Path root) {
        this.root = root;
    }

    /** A published course: what its course.yaml says, where it came from, and its commit. */
    public record Published(CourseManifest manifest, String source, String commit) {}

    /** Publishes the folder as the course's newest version; returns whether anything changed. */
    public synchronized boolean publish(CourseFolder course, String source) {
        String id = course.manifest().id();
        try (Repository repo = openOrCreate(id)) {
            String owner = repo.getConfig().getString("learnbox", null, "source");
            if (owner != null && !owner.equals(source)) {
                throw new CourseException("course.refused.id-taken", id, owner);
            }
            ObjectId parent = repo.resolve(BRANCH);
            ObjectId tree;
            try (ObjectInserter inserter = repo.newObjectInserter()) {
                tree = writeTree(course, inserter);
                if (parent != null && tree.equals(parentTree(repo, parent))) {
                    return false;
                }
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(tree);
                if (parent != null) commit.setParentId(parent);
                commit.setAuthor(AUTHOR);
                commit.setCommitter(AUTHOR);
                commit.setMessage(course.manifest().title() + ", version " + course.manifest().version() + "\n");
                ObjectId created = inserter.insert(commit);
                inserter.flush();
                RefUpdate update = repo.updateRef(BRANCH);
                update.setNewObjectId(created);
                update.setExpectedOldObjectId(parent == null ? ObjectId.zeroId() : parent);
                RefUpdate.Result result = update.update();
                if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                    throw new CourseException("course.refused.publish", id, String.valueOf(result));
                }
            }
            if (owner == null) {
                StoredConfig config = repo.getConfig();
                config.setString("learnbox", null, "source", source);
                config.save();
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Published> list() {
        if (!Files.isDirectory(root)) return List.of();
        List<Published> published = new ArrayList<>();
        try (Stream<Path> repos = Files.list(root)) {
            for (Path dir : repos.filter(p -> p.getFileName().toString().endsWith(".git")).sorted().toList()) {
                String id = dir.getFileName().toString().replaceFirst("\\.git$", "");
                find(id).ifPresent(published::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return published;
    }

    public Optional<Published> find(String id) {
        Path dir = root.resolve(id + ".git");
        if (!Files.isDirectory(dir)) return Optional.empty();
        try (Repository repo = open(dir)) {
            ObjectId head = repo.resolve(BRANCH);
            if (head == null) return Optional.empty();
            return Optional.of(new Published(manifestAt(repo, head),
                    repo.getConfig().getString("learnbox", null, "source"), head.name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of a course as of one of its commits; empty when the course, the commit or the file is not there. */
    public Optional<byte[]> fileAt(String id, String commit, String path) {
        try (Repository repo = openRepository(id).orElse(null)) {
            if (repo == null) return Optional.empty();
            ObjectId at = ObjectId.fromString(commit);
            try (RevWalk walk = new RevWalk(repo);
                    TreeWalk tree = TreeWalk.forPath(repo, path, walk.parseCommit(at).getTree())) {
                return tree == null ? Optional.empty() : Optional.of(repo.open(tree.getObjectId(0)).getBytes());
            }
        } catch (org.eclipse.jgit.errors.MissingObjectException | IllegalArgumentException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bare repository of a published course, for the git server; the caller closes it. */
    public Optional<Repository> openRepository(String id) {
        if (!id.matches("[a-z0-9][a-z0-9-]{1,63}")) return Optional.empty();
        Path dir = root.resolve(id + ".git");
        if (!Files.isDirectory(dir)) return Optional.empty();
        try {
            return Optional.of(open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Repository openOrCreate(String id) throws IOException {
        Path dir = root.resolve(id + ".git");
        Repository repo = open(dir);
        if (!Files.isDirectory(dir.resolve("objects"))) {
            repo.create(true);
            RefUpdate head = repo.updateRef(Constants.HEAD);
            head.link(BRANCH);
        }
        return repo;
    }

    private static Repository open(Path dir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
    }

    private static ObjectId writeTree(CourseFolder course, ObjectInserter inserter) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        for (Path file : course.deliveredFiles()) {
            Path absolute = course.root().resolve(file);
            DirCacheEntry entry = new DirCacheEntry(slashed(file));
            entry.setFileMode(Files.isExecutable(absolute) ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE);
            entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, Files.readAllBytes(absolute)));
            builder.add(entry);
        }
        builder.finish();
        return index.writeTree(inserter);
    }

    private static String slashed(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private static ObjectId parentTree(Repository repo, ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(commit).getTree().getId();
        }
    }

    private static CourseManifest manifestAt(Repository repo, ObjectId head) throws IOException {
        try (RevWalk walk = new RevWalk(repo);
                TreeWalk tree = TreeWalk.forPath(repo, CourseManifest.FILE, walk.parseCommit(head).getTree())) {
            byte[] yaml = repo.open(tree.getObjectId(0)).getBytes();
            return CourseManifest.parse(yaml, new ArrayList<>());
        }
    }
}
