package org.learnbox.bridge.course;

import java.util.List;
import org.learnbox.bridge.config.Refusal;
import org.learnbox.bridge.config.Words;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

/** A course refused, with every reason in words; nothing was changed. */
public class CourseException extends Refusal {
    private final List<MessageSourceResolvable> problems;

    public CourseException(String key, Object... arguments) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, key, arguments);
        this.problems = List.of();
    }

    private CourseException(MessageSourceResolvable summary, List<MessageSourceResolvable> problems) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "course.refused.problems", summary, Words.list(problems));
        this.problems = List.copyOf(problems);
    }

    /** The summary, then every problem ("The course 'x' is not valid: a; b"). */
    static CourseException withProblems(MessageSourceResolvable summary, List<MessageSourceResolvable> problems) {
        return problems.isEmpty() ? new CourseException(summary.getCodes()[0], summary.getArguments())
                : new CourseException(summary, problems);
    }

    /** Every problem in English. */
    public List<String> problems() {
        return problems.stream().map(Words::english).toList();
    }
}
