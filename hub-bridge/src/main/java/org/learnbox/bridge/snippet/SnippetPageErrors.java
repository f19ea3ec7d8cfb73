package org.learnbox.bridge.snippet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Map;
import org.learnbox.bridge.config.Words;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refusals on the snippet pages, as a page in words: 404 for a snippet that is missing or not
 * shared with the person (the same answer for both), 403 for one they see but may not change.
 */
@ControllerAdvice(assignableTypes = {SnippetPagesController.class, SnippetEditorController.class,
        SnippetDownloadController.class})
class SnippetPageErrors {
    private final Words words;

    SnippetPageErrors(Words words) {
        this.words = words;
    }

    @ExceptionHandler(SnippetNotFoundException.class)
    String notFound(SnippetNotFoundException e, Principal principal, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return refused(HttpServletResponse.SC_NOT_FOUND, words.of(e), principal, model, request, response);
    }

    @ExceptionHandler(NotYourSnippetException.class)
    String notYours(NotYourSnippetException e, Principal principal, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return refused(HttpServletResponse.SC_FORBIDDEN, words.of(e), principal, model, request, response);
    }

    /** Any other refusal, e.g. a copy bigger than the box now allows, said in words too. */
    @ExceptionHandler(SnippetException.class)
    String refusedChange(SnippetException e, Principal principal, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return refused(422, words.of(e), principal, model, request, response);
    }

    private static String refused(int status, String message, Principal principal, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("message", message);
        model.addAttribute("loggedIn", principal != null);
        // A visitor is offered to log in and come back: the same offer for every id, so it tells nothing.
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path
                && path.get("id") instanceof String id && SnippetIds.isWellFormed(id)) {
            model.addAttribute("snippetId", id);
        }
        return "snippet-refused";
    }
}
