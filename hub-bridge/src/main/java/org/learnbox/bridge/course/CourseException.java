package org.learnbox.bridge.course;

import org.learnbox.bridge.config.Refusal;
import org.springframework.http.HttpStatus;

import java.util.List;

/** A course refused, with every reason in words; nothing was changed. */
public class CourseException extends Refusal {
    private final List<String> problems;

    public CourseException(String summary, List<String> problems) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problems.isEmpty() ? summary : summary + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public CourseException(String message) {
        this(message, List.of());
    }

    public List<String> problems() {
        return problems;
    }
}
