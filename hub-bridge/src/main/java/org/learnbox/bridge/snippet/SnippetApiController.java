package org.learnbox.bridge.snippet;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.learnbox.bridge.app.AppView;
import org.learnbox.bridge.config.Words;

/**
 * Snippets as JSON, for scripts and the sandbox's helpers. Callers are the logged-in person of a
 * browser session, whose changes (POST, PUT, DELETE) carry the CSRF token (header X-CSRF-TOKEN),
 * or a sandbox with its owner's JupyterHub token ({@code Authorization: token ...}).
 * Refusals are {"message": ...} (config.ApiErrors).
 */
@RestController
@RequestMapping("/api/snippets")
class SnippetApiController {
    private final SnippetService snippets;
    private final SnippetPublisher publisher;
    private final Words words;

    SnippetApiController(SnippetService snippets, SnippetPublisher publisher, Words words) {
        this.snippets = snippets;
        this.publisher = publisher;
        this.words = words;
    }

    /** scope: mine (default), classes or public; language: any when left out; q: words that must all appear. */
    @GetMapping
    List<SnippetJson.Summary> search(@RequestParam(defaultValue = "mine") String scope,
            @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String q,
            Principal principal) {
        SnippetQuery query = SnippetQuery.of(SnippetPagesController.scopeOf(scope), language, q);
        return snippets.search(query, principal.getName()).stream().map(SnippetJson.Summary::of).toList();
    }

    @PostMapping
    ResponseEntity<SnippetJson.Details> create(@RequestBody SnippetJson.Draft draft, Principal principal) {
        SnippetView made = snippets.create(principal.getName(), draft.toDraft());
        return ResponseEntity.created(URI.create("/api/snippets/" + made.id())).body(SnippetJson.Details.of(made));
    }

    /** The newest version, or the one asked for. */
    @GetMapping("/{id}")
    SnippetJson.Details read(@PathVariable String id, @RequestParam(required = false) Integer version,
            Principal principal) {
        return SnippetJson.Details.of(version == null ? snippets.read(id, principal.getName())
                : snippets.read(id, version, principal.getName()));
    }

    @GetMapping("/{id}/versions")
    List<SnippetVersionInfo> versions(@PathVariable String id, Principal principal) {
        return snippets.history(id, principal.getName());
    }

    /** Saves the whole snippet: changed files make a new version. */
    @PutMapping("/{id}")
    SnippetJson.Details edit(@PathVariable String id, @RequestBody SnippetJson.Draft draft, Principal principal) {
        return SnippetJson.Details.of(snippets.edit(id, draft.toDraft(), principal.getName()));
    }

    /** A private copy for the caller of the newest version, or of the one asked for. */
    @PostMapping("/{id}/fork")
    ResponseEntity<SnippetJson.Details> fork(@PathVariable String id, @RequestParam(required = false) Integer version,
            Principal principal) {
        SnippetView copy = version == null ? snippets.fork(id, principal.getName())
                : snippets.fork(id, version, principal.getName());
        return ResponseEntity.created(URI.create("/api/snippets/" + copy.id())).body(SnippetJson.Details.of(copy));
    }

    /** The newest version as a live app of its owner, answered once the app answers. */
    @PostMapping("/{id}/publish")
    @ResponseStatus(HttpStatus.CREATED)
    AppView publish(@PathVariable String id, Principal principal) {
        return publisher.publish(id, principal.getName());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, Principal principal) {
        snippets.delete(id, principal.getName());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable() {
        return ResponseEntity.badRequest().body(Map.of("message", words.of("snippet.refused.not-json")));
    }
}
