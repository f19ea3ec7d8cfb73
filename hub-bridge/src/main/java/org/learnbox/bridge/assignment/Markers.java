package org.learnbox.bridge.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nbgrader's markers: a line {@code ### BEGIN SOLUTION} ... {@code ### END SOLUTION} (a solution,
 * replaced by a stub), {@code ### BEGIN HIDDEN TESTS} ... {@code ### END HIDDEN TESTS} (tests the
 * student never sees) and, in markdown, {@code ### BEGIN MARK SCHEME} ... {@code ### END MARK SCHEME}
 * (notes for the teacher who grades). In Java cells the comment is {@code //}. A line alone
 * with its marker; any other line that mentions one is refused, so a misspelt marker never
 * hands a solution to students.
 */
final class Markers {
    /** What a pair of markers encloses. */
    enum Region {
        SOLUTION("SOLUTION"), HIDDEN_TESTS("HIDDEN TESTS"), MARK_SCHEME("MARK SCHEME");

        private final String words;

        Region(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }

        static Region of(String words) {
            for (Region region : values()) {
                if (region.words.equals(words)) return region;
            }
            throw new IllegalArgumentException(words);
        }
    }

    /** One region; lines count from 0, begin and end are the marker lines. */
    record Span(Region region, int begin, int end) {}

    /** A marker's words anywhere in a line, even misspelt around them ("SOLUTIONS"): the line must be a marker. */
    private static final Pattern MENTION = Pattern.compile("(BEGIN|END) (SOLUTION|HIDDEN TESTS|MARK SCHEME)");
    private static final String MARKDOWN_COMMENT = "#";

    private final List<String> lines;
    private final List<Span> spans;

    private Markers(List<String> lines, List<Span> spans) {
        this.lines = lines;
        this.spans = spans;
    }

    /**
     * Finds the regions of a cell's source, whose comment is {@code comment} ({@code #} in Python
     * and markdown, {@code //} in Java); adds a problem naming {@code notebook} and {@code cell}
     * for each line that is wrong, and then finds none.
     */
    static Markers scan(String source, String comment, String notebook, int cell, List<AssignmentProblem> problems) {
        List<String> lines = List.of(source.split("\n", -1));
        Pattern marker = Pattern.compile("\\s*(?:" + Pattern.quote(comment) + ")+\\s*(BEGIN|END) (SOLUTION|HIDDEN TESTS|MARK SCHEME)\\s*");
        List<Span> spans = new ArrayList<>();
        Region open = null;
        int openedAt = -1;
        int before = problems.size();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!MENTION.matcher(line).find()) continue;
            Matcher found = marker.matcher(line);
            if (!found.matches()) {
                problems.add(AssignmentProblem.of("marker-malformed", notebook, cell, i + 1, line.strip(), comment));
                continue;
            }
            Region region = Region.of(found.group(2));
            boolean begin = found.group(1).equals("BEGIN");
            if (begin && open != null) {
                problems.add(AssignmentProblem.of("marker-nested", notebook, cell, i + 1, region.words(), open.words()));
            } else if (begin) {
                open = region;
                openedAt = i;
            } else if (open != region) {
                problems.add(AssignmentProblem.of("marker-unopened", notebook, cell, i + 1, region.words()));
            } else {
                spans.add(new Span(region, openedAt, i));
                open = null;
            }
        }
        if (open != null) problems.add(AssignmentProblem.of("marker-unclosed", notebook, cell, openedAt + 1, open.words()));
        return new Markers(lines, problems.size() == before ? List.copyOf(spans) : List.of());
    }

    /** As {@link #scan} for a markdown cell, whose markers are written with {@code #}. */
    static Markers scanMarkdown(String source, String notebook, int cell, List<AssignmentProblem> problems) {
        return scan(source, MARKDOWN_COMMENT, notebook, cell, problems);
    }

    /** The regions of a cell already checked, whose language is known. */
    static Markers of(String source, String cellType, NotebookLanguage language) {
        List<AssignmentProblem> none = new ArrayList<>();
        Markers markers = scan(source, cellType.equals("code") ? language.comment() : MARKDOWN_COMMENT, "", 0, none);
        if (!none.isEmpty()) throw new IllegalStateException("a checked cell has problems: " + none);
        return markers;
    }

    boolean has(Region region) {
        return spans.stream().anyMatch(span -> span.region() == region);
    }

    /** The source with each region of {@code region} replaced by {@code stub}, indented as its BEGIN line. */
    String replace(Region region, List<String> stub) {
        List<String> kept = new ArrayList<>();
        int next = 0;
        for (Span span : spans) {
            if (span.region() != region) continue;
            kept.addAll(lines.subList(next, span.begin()));
            String indent = indentOf(lines.get(span.begin()));
            for (String line : stub) kept.add(indent + line);
            next = span.end() + 1;
        }
        kept.addAll(lines.subList(next, lines.size()));
        return String.join("\n", kept);
    }

    /** The source without the regions of {@code region}, markers and all. */
    String remove(Region region) {
        return replace(region, List.of());
    }

    /** The source with the marker lines of {@code region} taken out and what they enclose kept. */
    String unmark(Region region) {
        List<String> kept = new ArrayList<>(lines);
        for (Span span : spans.reversed()) {
            if (span.region() != region) continue;
            kept.remove(span.end());
            kept.remove(span.begin());
        }
        return String.join("\n", kept);
    }

    /** What the regions of {@code region} enclose, one after the other. */
    List<String> enclosed(Region region) {
        return spans.stream().filter(span -> span.region() == region)
                .map(span -> String.join("\n", lines.subList(span.begin() + 1, span.end()))).toList();
    }

    private static String indentOf(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
        return line.substring(0, i);
    }
}
