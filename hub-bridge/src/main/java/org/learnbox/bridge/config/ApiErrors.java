package org.learnbox.bridge.config;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** Every refusal of the APIs is {@code {"message": "..."}} in words a person can act on, with the refusal's own status. */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {
    private final Words words;

    ApiErrors(Words words) {
        this.words = words;
    }

    /** In the reader's language: a browser's page reads its own, the CLI (no language asked) English. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, String>> refused(Refusal e) {
        return message(e.status(), words.of(e));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, String>> status(ResponseStatusException e) {
        return message(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason());
    }

    private static ResponseEntity<Map<String, String>> message(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
