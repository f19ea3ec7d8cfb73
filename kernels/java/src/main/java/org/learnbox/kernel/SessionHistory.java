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
        return List.copyOf(entries.subList(Math.max(0, entries.size() - length), entries.size()));
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int sessionOffset, int startCell, int endCell,
                                                       Set<ResultFlag> flags) {
        if (sessionOffset != 0) {
            return List.of();
        }
        return entries.stream()
                .filter(e -> e.getCellNumber() >= startCell && (endCell <= 0 || e.getCellNumber() < endCell))
                .toList();
    }

    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern glob = globToRegex(pattern);
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
        return matches.subList(Math.max(0, matches.size() - length), matches.size());
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
