package org.learnbox.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The cells run since the kernel started, for history_request (one session: the kernel keeps no files). */
final class SessionHistory implements HistoryManager {

    private static final int SESSION = 1;

    private final List<HistoryEntry> entries = new ArrayList<>();

    synchronized void add(int cellNumber, String input) {
        entries.add(new HistoryEntry(SESSION, cellNumber, input, null));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        return withOutput(entries.subList(Math.max(0, entries.size() - length), entries.size()), flags);
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int sessionOffset, int startCell, int endCell,
                                                       Set<ResultFlag> flags) {
        if (sessionOffset != 0 && sessionOffset != SESSION) {
            return List.of(); // 0 is this session, and so is its own number
        }
        return withOutput(entries.stream()
                .filter(e -> e.getCellNumber() >= startCell && (endCell <= 0 || e.getCellNumber() < endCell))
                .toList(), flags);
    }

    /** A search without {@code n} (which reaches us as 0) returns every match, as IPython's does; without a pattern, all. */
    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern glob = globToRegex(pattern == null ? "*" : pattern);
        List<HistoryEntry> matches = entries.stream().filter(e -> glob.matcher(e.getInput()).matches()).toList();
        if (flags.contains(ResultFlag.UNIQUE)) {
            Set<String> seen = new LinkedHashSet<>();
            List<HistoryEntry> unique = new ArrayList<>();
            for (HistoryEntry entry : matches.reversed()) {
                if (seen.add(entry.getInput())) {
                    unique.addFirst(entry);
                }
            }
            matches = unique;
        }
        int from = length > 0 ? Math.max(0, matches.size() - length) : 0;
        return withOutput(matches.subList(from, matches.size()), flags);
    }

    /** Outputs are not kept; asked for them, a frontend gets (input, "") pairs, the shape the protocol promises. */
    private static List<HistoryEntry> withOutput(List<HistoryEntry> found, Set<ResultFlag> flags) {
        if (!flags.contains(ResultFlag.INCLUDE_OUTPUT)) {
            return List.copyOf(found);
        }
        return found.stream()
                .map(e -> new HistoryEntry(e.getSession(), e.getCellNumber(), e.getInput(), ""))
                .toList();
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
