package org.learnbox.bridge.assignment;

import java.util.List;
import java.util.stream.Collectors;
import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

/**
 * An assignment refused, naming every problem found; nothing was released. Its own words are its
 * one problem, or, when there are several, how many and the first ({@link #problems()} has all).
 */
public class AssignmentException extends Refusal {
    private final List<AssignmentProblem> problems;

    public AssignmentException(List<AssignmentProblem> problems) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, key(problems), arguments(problems));
        this.problems = List.copyOf(problems);
    }

    public AssignmentException(AssignmentProblem problem) {
        this(List.of(problem));
    }

    /** One problem that is not the assignment's own: something not found, or not the asker's. */
    public AssignmentException(HttpStatus status, AssignmentProblem problem) {
        super(status, problem.key(), problem.getArguments());
        this.problems = List.of(problem);
    }

    private static String key(List<AssignmentProblem> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("a refusal needs a problem");
        return problems.size() == 1 ? problems.getFirst().key() : AssignmentProblem.PREFIX + "several";
    }

    // A problem given as an argument is resolved in the reader's language by Spring, and reads as English in getMessage().
    private static Object[] arguments(List<AssignmentProblem> problems) {
        return problems.size() == 1 ? problems.getFirst().getArguments() : new Object[] {problems.size(), problems.getFirst()};
    }

    public List<AssignmentProblem> problems() {
        return problems;
    }

    /** Every problem in English, for logs and the command line. */
    @Override
    public String getMessage() {
        if (problems.size() == 1) return super.getMessage();
        return problems.stream().map(AssignmentProblem::toString)
                .collect(Collectors.joining(" ", "The assignment has " + problems.size() + " problems: ", ""));
    }
}
