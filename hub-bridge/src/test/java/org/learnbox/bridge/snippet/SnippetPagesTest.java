package org.learnbox.bridge.snippet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.classroom.Classroom;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * The snippet pages as people use them: the editor's form (with CSRF, as the browser sends it),
 * a snippet's page and its older versions, copies, downloads, and what a visitor who is not
 * logged in sees. Refusals keep what was typed and say why in words.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SnippetPagesTest {
    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ClassroomService classrooms;
    @Autowired SnippetService snippets;

    private static int run;
    private String ada, bob, stranger, admin;

    @BeforeEach
    void people() {
        run++;
        ada = account("sp-ada" + run, Role.STUDENT);
        bob = account("sp-bob" + run, Role.STUDENT);
        stranger = account("sp-away" + run, Role.STUDENT);
        admin = account("sp-head" + run, Role.ADMIN);
        Classroom math = classrooms.create(account("sp-teach" + run, Role.TEACHER), "Snippet math");
        classrooms.join(ada, math.getJoinCode());
        classrooms.join(bob, math.getJoinCode());
    }

    private String account(String name, Role role) {
        accounts.add(name, role, "a-long-password");
        return name;
    }

    private static RequestPostProcessor as(String name) {
        return user(name).roles("STUDENT");
    }

    /** The editor's form as a browser sends it: textareas with CR LF line ends. */
    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String title, String language,
            String visibility, Map<String, String> files) {
        request.with(csrf()).param("title", title).param("language", language).param("visibility", visibility);
        int i = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            request.param("files[" + i + "].name", file.getKey())
                    .param("files[" + i + "].content", file.getValue().replace("\n", "\r\n"));
            i++;
        }
        return request;
    }

    private static final String HELLO = "class Main {\n    public static void main(String[] args) {\n"
            + "        System.out.println(\"Hi <there> & you\");\n    }\n}\n";

    /** Makes a snippet through the form and answers its id. */
    private String create(String who, String title, String visibility, Map<String, String> files) throws Exception {
        String location = mvc.perform(form(post("/snippets"), title, "java", visibility, files).with(as(who)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Saved. This is version 1 of \"" + title + "\"."))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/s/[1-9A-HJ-NP-Za-km-z]{10}");
        return location.substring(3);
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static RequestPostProcessor anonymous() {
        return request -> request;
    }

    @Test
    void aSnippetMadeInTheEditorShowsItsCodeForHighlightingWithItsOwner() throws Exception {
        String editor = page("/snippets/new", as(ada));
        assertThat(editor).contains("name=\"_csrf\"", "id=\"file-name-0\"", "value=\"Main.java\"", "class=\"code-editor\"",
                "data-mode=\"text/x-java\"", "/webjars/codemirror/mode/clike/clike.js", "/js/snippet-editor.js");
        assertThat(page("/snippets/new?language=python", as(ada))).contains("value=\"main.py\"", "data-mode=\"text/x-python\"");

        mvc.perform(post("/snippets").with(as(ada)).param("title", "No token").param("language", "java")
                .param("visibility", "private").param("files[0].name", "A.java").param("files[0].content", "x"))
                .andExpect(status().isForbidden());

        String id = create(ada, "Hello Java", "private", Map.of("Main.java", HELLO));
        String shown = page("/s/" + id, as(ada));
        assertThat(shown).contains("<h1 id=\"snippet-title\">Hello Java</h1>", ada, "version 1 of 1",
                "class=\"code-view cm-s-default\" data-mode=\"text/x-java\"", HtmlUtils.htmlEscape(HELLO),
                "id=\"edit\"", "id=\"fork\"", "id=\"delete\"", "/s/" + id + "/download?version=1", "Download Main.java",
                "CodeMirror.runMode");
        assertThat(snippets.read(id, ada).files()).containsExactly(new SnippetFile("Main.java", HELLO));
    }

    @Test
    void anEditMakesVersionTwoAndTheOldVersionStaysReadable() throws Exception {
        String id = create(ada, "Counting", "private", Map.of("count.py", "for i in range(3):\n    print(i)\n"));
        mvc.perform(form(post("/s/" + id + "/edit"), "Counting to 5", "python", "private",
                        Map.of("count.py", "for i in range(5):\n    print(i)\n")).with(as(ada)))
                .andExpect(redirectedUrl("/s/" + id))
                .andExpect(flash().attribute("notice", "Saved as version 2. The earlier versions are kept below."));

        assertThat(page("/s/" + id, as(ada))).contains("Counting to 5", "version 2 of 2", "range(5)",
                "data-mode=\"text/x-python\"", "href=\"/s/" + id + "/v/1\"", "href=\"/s/" + id + "/v/2\"")
                .doesNotContain("This is an older version");
        assertThat(page("/s/" + id + "/v/1", as(ada))).contains("version 1 of 2", "range(3)", "This is an older version",
                "/s/" + id + "/download?version=1").doesNotContain("range(5)");

        // The browser sends the same text with CR LF: nothing changed, so no new version.
        mvc.perform(form(post("/s/" + id + "/edit"), "Counting to 5", "python", "public",
                        Map.of("count.py", "for i in range(5):\n    print(i)\n")).with(as(ada)))
                .andExpect(flash().attribute("notice", "Saved. The files did not change, so this is still version 2."));
        assertThat(snippets.read(id, null).visibility()).isEqualTo(Visibility.PUBLIC);

        String editor = page("/s/" + id + "/edit", as(ada));
        assertThat(editor).contains("value=\"Counting to 5\"", "for i in range(5):", "action=\"/s/" + id + "/edit\"");
        mvc.perform(get("/s/" + id + "/v/9").with(as(ada))).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("has no version 9; its versions are 1 to 2.")));
    }

    @Test
    void aCopyIsTheCopiersOwnAndLinksToItsSource() throws Exception {
        String id = create(ada, "Shared loop", "class", Map.of("Loop.java", "class Loop {}\n"));
        String location = mvc.perform(post("/s/" + id + "/fork").param("version", "1").with(csrf()).with(as(bob)))
                .andExpect(flash().attribute("notice", startsWith("This is your own copy of \"Shared loop\".")))
                .andReturn().getResponse().getRedirectedUrl();
        String copy = location.substring(3);
        assertThat(copy).isNotEqualTo(id);
        assertThat(page("/s/" + copy, as(bob))).contains("Copied from", "href=\"/s/" + id + "/v/1\"", bob, "private",
                "id=\"edit\"");
        assertThat(page("/s/" + id, as(bob))).doesNotContain("id=\"edit\"", "id=\"delete\"").contains("id=\"fork\"");
        mvc.perform(get("/s/" + id + "/edit").with(as(bob))).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Copy it into your own snippets to change the copy.")));
        mvc.perform(post("/s/" + id + "/fork").with(csrf()).with(as(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void theDownloadIsTheFileItselfOrAZipOfThemAll() throws Exception {
        String one = create(ada, "One file", "private", Map.of("Main.java", HELLO));
        MockHttpServletResponse single = mvc.perform(get("/s/" + one + "/download").with(as(ada)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("Main.java")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse();
        assertThat(single.getContentType()).isEqualTo("application/octet-stream");
        assertThat(new String(single.getContentAsByteArray(), StandardCharsets.UTF_8)).isEqualTo(HELLO);

        Map<String, String> files = new LinkedHashMap<>();
        files.put("index.html", "<h1>Hi</h1>\n<script src=\"app.js\"></script>\n");
        files.put("app.js", "console.log('hi');\n");
        String web = create(ada, "Two files", "private", files);
        MockHttpServletResponse zip = mvc.perform(get("/s/" + web + "/download?version=1").with(as(ada)))
                .andExpect(header().string("Content-Disposition", containsString(web + "-v1.zip")))
                .andReturn().getResponse();
        assertThat(zip.getContentType()).isEqualTo("application/zip");
        assertThat(unzip(zip.getContentAsByteArray())).isEqualTo(files);
    }

    private static Map<String, String> unzip(byte[] bytes) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void aVisitorSeesAPublicSnippetAndNotAPrivateOneWhoseExistenceStaysHidden() throws Exception {
        String open = create(ada, "Open code", "public", Map.of("Main.java", HELLO));
        String hidden = create(ada, "Hidden code", "private", Map.of("Main.java", "class Secret {}\n"));

        String shown = page("/s/" + open, anonymous());
        assertThat(shown).contains("Open code", HtmlUtils.htmlEscape(HELLO), "href=\"/s/" + open + "/login\"",
                "/s/" + open + "/download").doesNotContain("id=\"fork\"", "id=\"edit\"", "id=\"delete\"", "My snippets");
        assertThat(page("/s/" + open + "/v/1", anonymous())).contains("Open code");
        mvc.perform(get("/s/" + open + "/download")).andExpect(status().isOk());
        mvc.perform(get("/webjars/codemirror/lib/codemirror.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/codemirror/mode/clike/clike.js")).andExpect(status().isOk());

        String missing = "/s/ZZZZZZZZZZ";
        for (String door : List.of("/s/" + hidden, "/s/" + hidden + "/v/1", "/s/" + hidden + "/download", missing)) {
            String body = mvc.perform(get(door)).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
            assertThat(body).as(door).contains("or it is not shared with you.", "/login\">Log in</a>")
                    .doesNotContain("Hidden code", "Secret");
        }
        mvc.perform(get("/s/" + hidden + "/login")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/s/" + hidden + "/login").with(as(ada))).andExpect(redirectedUrl("/s/" + hidden));
        mvc.perform(post("/s/" + open + "/fork").with(csrf())).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/s/" + open + "/edit")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/snippets")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aRefusedSaveShowsTheEditorAgainWithEverythingTypedAndTheReasonInWords() throws Exception {
        String typed = "class Keep {\n    // every word of this stays <b>\n}\n";
        String page = mvc.perform(form(post("/snippets"), "My work", "java", "class", Map.of("../Keep.java", typed)).with(as(ada)))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("class=\"error\"", "has a &#39;/&#39;", "value=\"My work\"", "value=\"../Keep.java\"",
                HtmlUtils.htmlEscape(typed).replace("&#39;", "'"), "<option value=\"class\" selected=\"selected\">",
                "action=\"/snippets\"");
        assertThat(snippets.search(SnippetQuery.of(SnippetQuery.Scope.MINE), ada)).isEmpty();

        String id = create(ada, "Small", "private", Map.of("Main.java", HELLO));
        String big = "x".repeat(1024 * 1024 + 10);
        String refused = mvc.perform(form(post("/s/" + id + "/edit"), "Small, then big", "java", "private",
                        Map.of("Main.java", "class Big {}\n", "data.txt", big)).with(as(ada)))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("a snippet may hold at most 1 MB", "value=\"Small, then big\"", "value=\"data.txt\"",
                "class Big {}", big, "action=\"/s/" + id + "/edit\"");
        assertThat(snippets.read(id, ada).newestVersion()).isEqualTo(1);

        mvc.perform(form(post("/snippets"), "   ", "java", "private", Map.of("Main.java", HELLO)).with(as(ada)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("A snippet&#39;s title has 1 to 120 characters; this one has 0.")));
    }

    @Test
    void filesAreAddedAndRemovedWithoutJavaScriptAndNothingIsSavedMeanwhile() throws Exception {
        String two = mvc.perform(form(post("/snippets"), "Web page", "web", "private", Map.of("index.html", "<p>hi</p>"))
                        .param("addFile", "1").with(as(ada)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(two).contains("id=\"file-name-1\"", "id=\"remove-file-0\"", "&lt;p&gt;hi&lt;/p&gt;", "value=\"Web page\"");

        Map<String, String> files = new LinkedHashMap<>();
        files.put("index.html", "<p>hi</p>");
        files.put("style.css", "p { color: red; }");
        String one = mvc.perform(form(post("/snippets"), "Web page", "web", "private", files)
                        .param("removeFile", "0").with(as(ada)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(one).contains("value=\"style.css\"", "data-mode=\"text/css\"").doesNotContain("value=\"index.html\"", "&lt;p&gt;hi", "id=\"file-name-1\"");
        assertThat(snippets.search(SnippetQuery.of(SnippetQuery.Scope.MINE), ada)).isEmpty();
    }

    @Test
    void aFilesFirstEmptyLineSurvivesTheEditor() throws Exception {
        String text = "\n\nprint('after two empty lines')\n";
        String id = snippets.create(ada, new SnippetDraft("Spaced", Language.PYTHON, Visibility.PRIVATE,
                List.of(new SnippetFile("main.py", text)))).id();
        String editor = page("/s/" + id + "/edit", as(ada));
        // The browser drops the one newline right after <textarea>; the file's own lines follow it.
        assertThat(editor).contains("data-mode=\"text/x-python\">\n" + "\n\nprint(&#39;after two empty lines&#39;)\n</textarea>");
    }

    @Test
    void theListFindsMineMyClassesAndPublicSnippetsByLanguageAndWords() throws Exception {
        create(ada, "Fizz buzz loop", "class", Map.of("Fizz.java", "class Fizz {}\n"));
        create(bob, "Bob's secret", "private", Map.of("Main.java", "class Hidden {}\n"));
        snippets.create(stranger, new SnippetDraft("Open python greeting", Language.PYTHON, Visibility.PUBLIC,
                List.of(new SnippetFile("hi.py", "print('greeting')\n"))));

        assertThat(page("/snippets", as(ada))).contains("Fizz buzz loop", "id=\"new-snippet\"", "href=\"/snippets/new\"")
                .doesNotContain("Bob&#39;s secret");
        assertThat(page("/snippets?scope=classes", as(bob))).contains("Fizz buzz loop").doesNotContain("Bob&#39;s secret");
        assertThat(page("/snippets?scope=classes", as(stranger))).doesNotContain("Fizz buzz loop");
        assertThat(page("/snippets?scope=public&language=python&q=GREETING", as(ada))).contains("Open python greeting");
        assertThat(page("/snippets?scope=public&language=java&q=greeting", as(ada))).doesNotContain("Open python greeting")
                .contains("No snippet matches.");
        assertThat(page("/snippets", user(admin).roles("ADMIN"))).contains("You have no snippets yet.");
        assertThat(page("/snippets?language=cobol", as(ada))).contains("&#39;cobol&#39; is not a snippet language");
        assertThat(page("/", as(ada))).contains("id=\"nav-snippets\"", "href=\"/snippets\"");
    }

    @Test
    void theOwnerOrAnAdminDeletesASnippetAndNoOneElse() throws Exception {
        String first = create(ada, "Short lived", "public", Map.of("Main.java", HELLO));
        mvc.perform(post("/s/" + first + "/delete").with(csrf()).with(as(bob))).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("or an admin can delete it.")));
        mvc.perform(post("/s/" + first + "/delete").with(csrf()).with(as(ada)))
                .andExpect(redirectedUrl("/snippets"))
                .andExpect(flash().attribute("notice", startsWith("The snippet \"Short lived\" is deleted")));
        mvc.perform(get("/s/" + first).with(as(ada))).andExpect(status().isNotFound());

        String second = create(ada, "Also short lived", "private", Map.of("Main.java", HELLO));
        mvc.perform(post("/s/" + second + "/delete").with(csrf()).with(user(admin).roles("ADMIN")))
                .andExpect(redirectedUrl("/snippets"));
        mvc.perform(get("/s/" + second).with(as(ada))).andExpect(status().isNotFound());
    }

    @Test
    void eachStarterOnTheListOpensTheEditorWithItsFilesAndOnceSavedOffersPublishing() throws Exception {
        String list = page("/snippets", as(ada));
        for (SnippetStarters starter : SnippetStarters.values()) {
            assertThat(list).contains("href=\"/snippets/new?starter=" + starter.id() + "\"");
            String editor = page("/snippets/new?starter=" + starter.id(), as(ada));
            Map<String, String> files = new java.util.LinkedHashMap<>();
            for (SnippetFile file : starter.files()) {
                assertThat(editor).contains("value=\"" + file.name() + "\"", HtmlUtils.htmlEscape(file.content()));
                files.put(file.name(), file.content());
            }
            String saved = mvc.perform(form(post("/snippets"), "Starter " + starter.id(), starter.language().id(), "private", files)
                    .with(as(ada))).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            assertThat(page(saved, as(ada))).as(starter.id()).contains("id=\"publish\"").doesNotContain("not-publishable");
        }
        assertThat(page("/snippets/new?starter=nonsense", as(ada))).as("an unknown starter: a blank snippet").contains("value=\"Main.java\"");
    }

    @Test
    void publishingIsOfferedToTheOwnerOnlyOfASnippetThatCanServe() throws Exception {
        String script = mvc.perform(form(post("/snippets"), "Counting", "python", "class", Map.of("count.py", "print(1, 2, 3)\n"))
                .with(as(ada))).andReturn().getResponse().getRedirectedUrl();
        assertThat(page(script, as(ada))).doesNotContain("id=\"publish\"").contains("id=\"not-publishable\"", "index.html");
        String server = "/s/" + create(ada, "Hello server", "class", Map.of("Main.java", HELLO));
        assertThat(page(server, as(ada))).contains("id=\"publish\"", "Publish as a live app").doesNotContain("not-publishable");
        assertThat(page(server, as(bob))).as("a class-mate copies it first").doesNotContain("id=\"publish\"").doesNotContain("not-publishable");
    }
}
