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
            throw new NotYourSnippetException("snippet.refused.publish-not-yours", snippet.owner());
        }
        return apps.publishFiles(actor, texts(snippet), appName(snippet));
    }

    /** The name the snippet would be published under, or empty when its files do not say how they serve. */
    java.util.Optional<String> nameToPublish(SnippetView snippet) {
        return apps.nameToPublish(texts(snippet), appName(snippet));
    }

    /** The owner's live app this snippet was published as, if it is there (and Docker answers: the page shows without it). */
    java.util.Optional<AppView> liveApp(SnippetView snippet) {
        try {
            return nameToPublish(snippet).flatMap(name -> apps.appsOf(snippet.owner()).stream()
                    .filter(app -> app.name().equals(name)).findFirst());
        } catch (org.learnbox.bridge.app.AppException engineDown) {
            return java.util.Optional.empty();
        }
    }

    private static Map<String, String> texts(SnippetView snippet) {
        Map<String, String> files = new LinkedHashMap<>();
        snippet.files().forEach(file -> files.put(file.name(), file.content()));
        return files;
    }

    /** The title as a host name's label: "My Flask app!" is my-flask-app; a title with no letters, snippet-ID. */
    static String appName(SnippetView snippet) {
        String name = snippet.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (name.length() > MAX_NAME) name = name.substring(0, MAX_NAME).replaceAll("-+$", "");
        return name.length() >= 2 ? name : "snippet-" + snippet.id().toLowerCase(Locale.ROOT);
    }
}
