package org.learnbox.bridge.config;

import java.util.Map;
import org.learnbox.bridge.app.AppException;
import org.learnbox.bridge.app.AppNotFoundException;
import org.learnbox.bridge.classroom.ClassroomException;
import org.learnbox.bridge.course.CourseException;
import org.learnbox.bridge.devops.ReleaseNotFoundException;
import org.learnbox.bridge.devops.RepoException;
import org.learnbox.bridge.identity.AccountException;
import org.learnbox.bridge.identity.AccountNotFoundException;
import org.learnbox.bridge.sandbox.SandboxException;
import org.learnbox.bridge.snippet.NotYourSnippetException;
import org.learnbox.bridge.snippet.SnippetException;
import org.learnbox.bridge.snippet.SnippetNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** Every refusal of the APIs is {@code {"message": "..."}} in words a person can act on. */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {
    @ExceptionHandler(AccountNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(AccountNotFoundException e) {
        return message(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccountException.class)
    ResponseEntity<Map<String, String>> refused(AccountException e) {
        return message(e.getMessage().startsWith("There is already") ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                e.getMessage());
    }

    @ExceptionHandler(CourseException.class)
    ResponseEntity<Map<String, String>> course(CourseException e) {
        return message(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(ClassroomException.class)
    ResponseEntity<Map<String, String>> classroom(ClassroomException e) {
        return message(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(SnippetException.class)
    ResponseEntity<Map<String, String>> snippet(SnippetException e) {
        return message(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(SnippetNotFoundException.class)
    ResponseEntity<Map<String, String>> snippetNotFound(SnippetNotFoundException e) {
        return message(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(NotYourSnippetException.class)
    ResponseEntity<Map<String, String>> notYourSnippet(NotYourSnippetException e) {
        return message(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(AppNotFoundException.class)
    ResponseEntity<Map<String, String>> appNotFound(AppNotFoundException e) {
        return message(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ReleaseNotFoundException.class)
    ResponseEntity<Map<String, String>> noRelease(ReleaseNotFoundException e) {
        return message(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(RepoException.class)
    ResponseEntity<Map<String, String>> repo(RepoException e) {
        return message(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(AppException.class)
    ResponseEntity<Map<String, String>> app(AppException e) {
        return message(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(SandboxException.class)
    ResponseEntity<Map<String, String>> sandbox(SandboxException e) {
        return message(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, String>> status(ResponseStatusException e) {
        return message(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason());
    }

    private static ResponseEntity<Map<String, String>> message(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
