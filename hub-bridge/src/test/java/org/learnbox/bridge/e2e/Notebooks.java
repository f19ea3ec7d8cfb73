package org.learnbox.bridge.e2e;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Small nbformat-4 notebooks for the tests; each cell's source is JSON string content (escaped already). */
final class Notebooks {
    private Notebooks() {}

    static String of(String kernel, String language, String... cells) {
        String codeCells = Arrays.stream(cells)
                .map(source -> "{\"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {}, \"outputs\": [],"
                        + " \"source\": \"" + source + "\"}")
                .collect(Collectors.joining(",\n"));
        return "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"kernelspec\": {\"name\": \"" + kernel
                + "\", \"display_name\": \"" + language + "\", \"language\": \"" + language + "\"}},\n"
                + "\"cells\": [\n{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"# A server\"},\n"
                + codeCells + "]}\n";
    }
}
