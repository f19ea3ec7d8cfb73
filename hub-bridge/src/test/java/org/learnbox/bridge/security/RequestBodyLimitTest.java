package org.learnbox.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.config.Words;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

/** A body past 4 MB is refused in words before it is read, stated or not; pushes have their own bound. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RequestBodyLimitTest {
    private static final byte[] FIVE_MB = "x".repeat(5 << 20).getBytes(StandardCharsets.UTF_8);

    @Autowired MockMvc mvc;
    @Autowired Words words;

    @Test
    void aBodyPastTheBoundIsRefusedInTheReadersWordsAndASmallOneGoesOn() throws Exception {
        MockHttpServletResponse api = mvc.perform(post("/api/snippets").with(user("limit-student").roles("STUDENT")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(FIVE_MB)).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(413);
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(
                "{\"message\":\"This request is larger than the box takes (4 MB at most). Nothing was changed; send less at once.\"}");

        MockHttpServletResponse page = mvc.perform(post("/snippets").with(user("limit-student").roles("STUDENT")).with(csrf())
                .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_FORM_URLENCODED).content(FIVE_MB))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(413);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).startsWith("这个请求超过了本系统接受的大小（最多 4 MB）");

        MockHttpServletResponse small = mvc.perform(post("/api/snippets").with(user("limit-student").roles("STUDENT")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Small\",\"language\":\"java\",\"visibility\":\"private\","
                        + "\"files\":[{\"name\":\"Main.java\",\"content\":\"class Main {}\"}]}")).andReturn().getResponse();
        assertThat(small.getStatus()).as(small.getContentAsString()).isBetween(200, 299);
    }

    @Test
    void aBodyWithoutAStatedLengthEndsPastTheBound() {
        RequestBodyLimit limit = new RequestBodyLimit(DataSize.ofMegabytes(4), words);
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/snippets") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContent(FIVE_MB);
        MockFilterChain reader = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
                    throws IOException {
                request.getInputStream().readAllBytes();
            }
        });
        assertThatThrownBy(() -> limit.doFilter(chunked, new MockHttpServletResponse(), reader))
                .isInstanceOf(IOException.class).hasMessage("the request's body is larger than 4194304 bytes");
    }
}
