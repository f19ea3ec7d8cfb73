package org.learnbox.bridge.snippet;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.learnbox.bridge.app.AppService;
import org.learnbox.bridge.app.AppView;
import org.springframework.stereotype.Component;

/**
 * "Publish": the newest version of a snippet becomes a live app, named after its title (or its
 * learnbox.yaml). Only its owner publishes it; others copy it first and publish their copy.
 */
@Component
class SnippetPublisher {
    private static final int MAX_NAME = 32;

    private final SnippetService snippets;
    private final AppService apps;

    SnippetPublisher(SnippetService snippets, AppService apps) {
        this.snippets = snippets;
        this.apps = apps;
    }

    AppView publish(String id, String actor) {
        SnippetView snippet = snippets.read(id, actor);
        if (!snippet.mayEdit()) {
            throw new NotYourSnippetException("Only " + snippet.owner() + ", who made this snippet, can publish it."
                    + " Copy it into your snippets, then publish your copy.");
        }
        Map<String, String> files = new LinkedHashMap<>();
        snippet.files().forEach(file -> files.put(file.name(), file.content()));
        return apps.publishFiles(actor, files, appName(snippet));
    }

    /** The title as a host name's label: "My Flask app!" is my-flask-app; a title with no letters, snippet-ID. */
    static String appName(SnippetView snippet) {
        String name = snippet.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (name.length() > MAX_NAME) name = name.substring(0, MAX_NAME).replaceAll("-+$", "");
        return name.length() >= 2 ? name : "snippet-" + snippet.id().toLowerCase(Locale.ROOT);
    }
}
