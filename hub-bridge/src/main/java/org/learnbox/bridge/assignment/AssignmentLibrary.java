package org.learnbox.bridge.assignment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.learnbox.bridge.config.GitServerAddress;
import org.learnbox.bridge.identity.Account;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A teacher's assignments: imported from a folder of their home or from git, checked whole (the
 * format, then every test run against the teacher's own solution in a grading container), kept in
 * the database, and opened again for releasing and grading.
 */
@Service
public class AssignmentLibrary {
    /** An assignment's folder may hold data files beside its notebooks, within reason. */
    static final long MAX_SOURCE_BYTES = 64L * 1024 * 1024;

    private final AssignmentRepository assignments;
    private final AccountService accounts;
    private final SandboxRuntime sandboxes;
    private final Grader grader;
    private final Cache<String, AssignmentSource> opened = Caffeine.newBuilder().maximumSize(32).build();

    AssignmentLibrary(AssignmentRepository assignments, AccountService accounts, SandboxRuntime sandboxes, Grader grader) {
        this.assignments = assignments;
        this.accounts = accounts;
        this.sandboxes = sandboxes;
        this.grader = grader;
    }

    /** Imports the assignment in a folder of the teacher's home ({@code ps1}, {@code work/ps1}). */
    public Assignment importFromHome(String teacher, String folder) {
        requireTeacher(teacher);
        String path = folder == null ? "" : folder.strip().replaceAll("^/+|/+$", "");
        if (path.isEmpty() || path.contains("..")) throw new AssignmentException(AssignmentProblem.of("folder-unreadable", folder));
        Map<String, byte[]> files;
        try (InputStream tar = sandboxes.copyFolder(teacher, path)) {
            String top = path.substring(path.lastIndexOf('/') + 1) + "/";
            files = FileBundle.read(tar, top, AssignmentSource.MAX_ENTRIES, MAX_SOURCE_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store(teacher, files);
    }

    /** Imports the assignment at the top of a git repository. */
    public Assignment importFromGit(String owner, String url) {
        requireTeacher(owner);
        if (url == null || url.isBlank()) throw new AssignmentException(AssignmentProblem.of("no-url"));
        if (!GitServerAddress.isServer(url)) throw new AssignmentException(AssignmentProblem.of("url-not-a-server", url.strip()));
        Path scratch = FileBundle.scratch(Map.of());
        try {
            try (Git ignored = Git.cloneRepository().setURI(url.strip()).setDirectory(scratch.toFile()).setDepth(1).setTimeout(30).call()) {
                // cloned
            } catch (GitAPIException | RuntimeException e) {
                throw new AssignmentException(AssignmentProblem.of("clone-failed", url, rootMessage(e)));
            }
            return store(owner, FileBundle.readFolder(scratch));
        } finally {
            FileBundle.delete(scratch);
        }
    }

    Assignment store(String owner, Map<String, byte[]> files) {
        AssignmentSource source = open(files);
        checkAgainstTheSolution(source, files);
        String id = source.manifest().id();
        Assignment assignment = assignments.findById(id).orElseGet(() -> new Assignment(id, owner));
        if (!assignment.getOwner().equals(owner) && !isAdmin(owner)) {
            throw new AssignmentException(AssignmentProblem.of("id-taken", id, assignment.getOwner()));
        }
        assignment.replaceSource(source.manifest().title(), source.totalPoints(), source.manifest().scoreAfterDue(), FileBundle.pack(files));
        Assignment saved = assignments.save(assignment);
        opened.invalidate(id);
        return saved;
    }

    /** Every test of every notebook passes against the teacher's own solution, or the assignment is refused naming each that fails. */
    private void checkAgainstTheSolution(AssignmentSource source, Map<String, byte[]> files) {
        List<AssignmentProblem> problems = new ArrayList<>();
        for (var notebook : source.grading().entrySet()) {
            GradedNotebook graded;
            try {
                graded = grader.grade(notebook.getValue(), files.get(notebook.getKey()));
            } catch (AssignmentException refused) {
                problems.addAll(refused.problems());
                continue;
            }
            for (CellGrade cell : graded.cells()) {
                if (cell.points() != null && cell.points() < cell.maxPoints()) {
                    problems.add(AssignmentProblem.of("solution-fails", notebook.getKey(), cell.gradeId(),
                            cell.error().isEmpty() ? cell.status().name().toLowerCase(java.util.Locale.ROOT) : cell.error()));
                }
            }
        }
        if (!problems.isEmpty()) throw new AssignmentException(problems);
    }

    public Assignment require(String id) {
        return assignments.findById(id == null ? "" : id).orElseThrow(() -> new AssignmentException(HttpStatus.NOT_FOUND, AssignmentProblem.of("no-assignment", id)));
    }

    /** Its teacher releases an assignment, and an admin; one an admin imported (the box script's) is every teacher's. */
    void requireUsableBy(Assignment assignment, String actor) {
        if (!usableBy(assignment, actor)) {
            throw new AssignmentException(HttpStatus.FORBIDDEN, AssignmentProblem.of("not-your-assignment", assignment.getId()));
        }
    }

    private boolean usableBy(Assignment assignment, String actor) {
        return assignment.getOwner().equals(actor) || isAdmin(actor) || isAdmin(assignment.getOwner());
    }

    /** The assignments a teacher may release: their own and the school's. */
    public List<Assignment> usableBy(String actor) {
        return assignments.findAll(org.springframework.data.domain.Sort.by("id")).stream().filter(a -> usableBy(a, actor)).toList();
    }

    /** The assignment's source, opened once and kept while it is used. */
    AssignmentSource source(Assignment assignment) {
        return opened.get(assignment.getId(), id -> open(FileBundle.unpack(assignment.getSource())));
    }

    private static AssignmentSource open(Map<String, byte[]> files) {
        Path scratch = FileBundle.scratch(files);
        try {
            return AssignmentSource.open(scratch);
        } finally {
            FileBundle.delete(scratch);
        }
    }

    void requireTeacher(String actor) {
        if (accounts.find(actor).map(Account::getRole).filter(r -> r != Role.STUDENT).isEmpty()) {
            throw new AssignmentException(HttpStatus.FORBIDDEN, AssignmentProblem.of("teachers-only", actor));
        }
    }

    /** The account the box script acts as: the first administrator. */
    String boxAdmin() {
        return accounts.list().stream().filter(a -> a.getRole() == Role.ADMIN).map(Account::getName).sorted().findFirst()
                .orElseThrow(() -> new AssignmentException(HttpStatus.CONFLICT, AssignmentProblem.of("no-admin")));
    }

    boolean isAdmin(String actor) {
        return accounts.find(actor).map(Account::getRole).filter(r -> r == Role.ADMIN).isPresent();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
    }
}
