package org.learnbox.bridge.assignment;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.learnbox.bridge.config.Words;
import org.springframework.context.MessageSourceResolvable;

/**
 * One thing wrong with an assignment, as a key of the message bundles and its arguments, so a
 * page says it in the reader's language; {@link #toString()} says it in English.
 */
public record AssignmentProblem(String key, List<Object> arguments) implements MessageSourceResolvable {
    static final String PREFIX = "assignment.refused.";

    public AssignmentProblem {
        arguments = List.copyOf(arguments);
    }

    /** Numbers are given as text, so that MessageFormat writes cell 1200 and 2048 KiB without a thousands separator. */
    static AssignmentProblem of(String name, Object... arguments) {
        return new AssignmentProblem(PREFIX + name, Arrays.stream(arguments).map(AssignmentProblem::asText).toList());
    }

    private static Object asText(Object argument) {
        if (argument == null) return "";
        return argument instanceof Number || argument instanceof Path ? String.valueOf(argument) : argument;
    }

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return arguments.toArray();
    }

    /** The words in English, as logs and the command line show them. */
    @Override
    public String toString() {
        return Words.english(key, getArguments());
    }
}
