package org.learnbox.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** While the box's disk is full, what failed for want of room says so; what failed otherwise keeps its own answer. */
class DiskFullAnswersTest {
    @TempDir
    Path data;

    private DiskFullAnswers answersOnAFullDisk() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new DiskFullAnswers(new Words(messages), new DataDisk(data, DataSize.ofTerabytes(1000)));
    }

    @Test
    void aFailureOfTheDatabaseWhileTheDiskIsFullIsAnswered507InWords() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        answersOnAFullDisk().resolveException(new MockHttpServletRequest("POST", "/api/snippets"), response, null,
                new DataAccessResourceFailureException("The database has been closed"));
        assertThat(response.getStatus()).isEqualTo(507);
        assertThat(response.getContentAsString()).contains("The box's disk is full");
    }

    @Test
    void anotherFailureWhileTheDiskIsFullKeepsItsOwnAnswer() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(answersOnAFullDisk().resolveException(new MockHttpServletRequest("GET", "/api/snippets/x"), response, null,
                new IllegalArgumentException("not a snippet's name"))).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
