package org.learnbox.bridge.config;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.learnbox.bridge.snippet.NotYourSnippetException;
import org.learnbox.bridge.snippet.SnippetException;
import org.learnbox.bridge.snippet.SnippetNotFoundException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Snippet refusals through the APIs: the status says what kind, the message says what to do. */
class SnippetApiErrorsTest {
    @RestController
    static class Refusing {
        @GetMapping("/refused")
        String refused() {
            throw new SnippetException("snippet.refused.title", 120, 0);
        }

        @GetMapping("/missing")
        String missing() {
            throw new SnippetNotFoundException("abcDEF2345");
        }

        @GetMapping("/not-yours")
        String notYours() {
            throw new NotYourSnippetException("snippet.refused.change-not-yours", "ann");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Refusing()).setControllerAdvice(new ApiErrors(words())).build();

    private static Words words() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Words(messages);
    }

    @Test
    void refusalsAre422MissingOnes404AndOthersSnippets403() throws Exception {
        mvc.perform(get("/refused")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value("A snippet's title has 1 to 120 characters; this one has 0."));
        mvc.perform(get("/missing")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("There is no snippet \"abcDEF2345\", or it is not shared with you."));
        mvc.perform(get("/not-yours")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("Only ann, who made this snippet, can change it. Copy it into your own snippets"
                        + " to change the copy."));
    }
}
