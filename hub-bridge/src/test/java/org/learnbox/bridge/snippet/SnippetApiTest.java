package org.learnbox.bridge.snippet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The snippet API as a script with a logged-in session calls it: JSON in, JSON out, refusals as {"message": ...}. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SnippetApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;

    private static int run;
    private String ada, bob;

    @BeforeEach
    void people() {
        run++;
        ada = account("sa-ada" + run);
        bob = account("sa-bob" + run);
    }

    private String account(String name) {
        accounts.add(name, Role.STUDENT, "a-long-password");
        return name;
    }

    private static RequestPostProcessor as(String name) {
        return user(name).roles("STUDENT");
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String snippet(String title, String visibility, String code) {
        return JSON.writeValueAsString(java.util.Map.of("title", title, "language", "python", "visibility", visibility,
                "files", java.util.List.of(java.util.Map.of("name", "main.py", "content", code))));
    }

    private JsonNode body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private String create(String who, String title, String visibility, String code) throws Exception {
        return body(mvc.perform(json(post("/api/snippets"), snippet(title, visibility, code)).with(as(who)))
                .andExpect(status().isCreated())).path("id").asString();
    }

    @Test
    void aSnippetIsMadeReadChangedIntoVersionTwoAndItsOldVersionKept() throws Exception {
        JsonNode made = body(mvc.perform(json(post("/api/snippets"), snippet("Squares", "private", "print(2 * 2)\n"))
                        .with(as(ada)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.language").value("python"))
                .andExpect(jsonPath("$.visibility").value("private"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.owner").value(ada))
                .andExpect(jsonPath("$.mayEdit").value(true)));
        String id = made.path("id").asString();
        assertThat(made.path("files").get(0).path("content").asString()).isEqualTo("print(2 * 2)\n");

        mvc.perform(json(put("/api/snippets/" + id), snippet("Squares", "public", "print(3 * 3)\n")).with(as(ada)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.visibility").value("public"));
        mvc.perform(get("/api/snippets/" + id).with(as(bob)))
                .andExpect(jsonPath("$.files[0].content").value("print(3 * 3)\n"))
                .andExpect(jsonPath("$.newestVersion").value(2))
                .andExpect(jsonPath("$.mayEdit").value(false));
        mvc.perform(get("/api/snippets/" + id + "?version=1").with(as(ada)))
                .andExpect(jsonPath("$.files[0].content").value("print(2 * 2)\n"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(get("/api/snippets/" + id + "/versions").with(as(ada)))
                .andExpect(jsonPath("$[0].number").value(2))
                .andExpect(jsonPath("$[1].fileNames[0]").value("main.py"));
        mvc.perform(get("/api/snippets/" + id + "?version=7").with(as(ada))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("The snippet \"" + id + "\" has no version 7; its versions are 1 to 2."));
    }

    @Test
    void changesNeedTheCsrfTokenOfTheSession() throws Exception {
        mvc.perform(post("/api/snippets").contentType(MediaType.APPLICATION_JSON)
                .content(snippet("No token", "private", "x = 1\n")).with(as(ada))).andExpect(status().isForbidden());
        String id = create(ada, "Mine", "private", "x = 1\n");
        mvc.perform(delete("/api/snippets/" + id).with(as(ada))).andExpect(status().isForbidden());
        mvc.perform(get("/api/snippets")).andExpect(status().isUnauthorized());
    }

    @Test
    void theListSearchesMineOrPublicByLanguageAndWords() throws Exception {
        String mine = create(ada, "Turtle square", "private", "import turtle\n");
        String open = create(bob, "Public greeting", "public", "print('hello there')\n");
        mvc.perform(get("/api/snippets").with(as(ada)))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(mine))
                .andExpect(jsonPath("$[0].language").value("python"));
        mvc.perform(get("/api/snippets?scope=public&language=python&q=HELLO").with(as(ada)))
                .andExpect(jsonPath("$[0].id").value(open))
                .andExpect(jsonPath("$[0].owner").value(bob));
        mvc.perform(get("/api/snippets?scope=public&q=turtle").with(as(ada))).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/snippets?scope=everything").with(as(ada))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value("Say whose snippets to list: mine, classes or public."));
    }

    @Test
    void aForkIsACopyOfItsOwnThatRemembersItsSource() throws Exception {
        String id = create(ada, "Shared", "public", "print('v1')\n");
        mvc.perform(json(put("/api/snippets/" + id), snippet("Shared", "public", "print('v2')\n")).with(as(ada)));
        JsonNode copy = body(mvc.perform(post("/api/snippets/" + id + "/fork?version=1").with(csrf()).with(as(bob)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/snippets/"))));
        assertThat(copy.path("owner").asString()).isEqualTo(bob);
        assertThat(copy.path("visibility").asString()).isEqualTo("private");
        assertThat(copy.path("forkedFrom").path("id").asString()).isEqualTo(id);
        assertThat(copy.path("forkedFrom").path("version").asInt()).isEqualTo(1);
        assertThat(copy.path("files").get(0).path("content").asString()).isEqualTo("print('v1')\n");
    }

    @Test
    void refusalsSayInWordsWhatIsWrongAndOthersSnippetsStayHidden() throws Exception {
        mvc.perform(json(post("/api/snippets"), "{\"title\":\"x\",\"visibility\":\"private\",\"files\":[]}").with(as(ada)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value("Choose the snippet's language: one of java, python, web, notebook."));
        mvc.perform(json(post("/api/snippets"), snippet("Bad name", "private", "x").replace("main.py", "a/b.py")).with(as(ada)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("The file name \"a/b.py\" has a '/'")));
        mvc.perform(json(post("/api/snippets"), "{not json").with(as(ada))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("The body is not a snippet as JSON")));

        String hidden = create(ada, "Private", "private", "secret = 1\n");
        String missingAnswer = body(mvc.perform(get("/api/snippets/ZZZZZZZZZZ").with(as(bob)))
                .andExpect(status().isNotFound())).path("message").asString();
        mvc.perform(get("/api/snippets/" + hidden).with(as(bob))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value(missingAnswer.replace("ZZZZZZZZZZ", hidden)));
        mvc.perform(json(put("/api/snippets/" + hidden), snippet("Mine now", "public", "x")).with(as(bob)))
                .andExpect(status().isNotFound());

        String open = create(ada, "Open", "public", "print(1)\n");
        mvc.perform(json(put("/api/snippets/" + open), snippet("Mine now", "public", "x")).with(as(bob)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("Only " + ada + ", who made this snippet, can change it."
                        + " Copy it into your own snippets to change the copy."));
        mvc.perform(delete("/api/snippets/" + open).with(csrf()).with(as(bob))).andExpect(status().isForbidden());
        mvc.perform(delete("/api/snippets/" + open).with(csrf()).with(as(ada))).andExpect(status().isNoContent());
        mvc.perform(get("/api/snippets/" + open).with(as(ada))).andExpect(status().isNotFound());
    }
}
