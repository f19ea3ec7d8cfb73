package org.learnbox.bridge.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The box in English and Simplified Chinese: chosen by the browser, switched by a link and kept, the same words in both. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BoxLanguagesTest {
    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([a-z][a-z0-9.-]+)");

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @MockitoBean JupyterHubClient hub;

    @Test
    void theBrowsersLanguageChoosesAndAnythingElseIsEnglish() throws Exception {
        assertThat(login("zh-CN,zh;q=0.9,en;q=0.5").getContentAsString())
                .contains("<html lang=\"zh-CN\"", "登录后即可打开你自己的 JupyterLab。", ">用户名<", "还没有账号？");
        assertThat(login("zh-TW,zh;q=0.8").getContentAsString()).as("any Chinese reads the simplified").contains("登录后即可打开");
        assertThat(login("fr-FR,fr;q=0.9").getContentAsString()).contains("<html lang=\"en\"", "Log in to open your own JupyterLab.");
        assertThat(login(null).getContentAsString()).contains("Log in to open your own JupyterLab.");
    }

    @Test
    void aLanguageChosenOnAPageIsKeptOverTheBrowsers() throws Exception {
        MockHttpServletResponse chosen = mvc.perform(get("/login").param("lang", "zh-CN").header("Accept-Language", "en"))
                .andReturn().getResponse();
        assertThat(chosen.getContentAsString()).contains("登录后即可打开", "id=\"lang-zh-CN\"", "aria-current=\"true\"");
        Cookie kept = chosen.getCookie("learnbox-language");
        assertThat(kept).isNotNull();
        assertThat(mvc.perform(get("/login").cookie(kept).header("Accept-Language", "en")).andReturn().getResponse()
                .getContentAsString()).contains("登录后即可打开");
        assertThat(mvc.perform(get("/login").param("lang", "en").cookie(kept).header("Accept-Language", "zh-CN"))
                .andReturn().getResponse().getContentAsString()).contains("Log in to open your own JupyterLab.");
    }

    @Test
    void theBoxRemembersTheLanguageOfEachPersonsBrowserForWhatItWritesWhileTheyAreAway() throws Exception {
        accounts.add("lang-remembered", Role.STUDENT, "a-long-password");
        assertThat(accounts.languageOf("lang-remembered")).as("before the box has seen them").isEqualTo(Locale.ENGLISH);
        mvc.perform(get("/").with(user("lang-remembered").roles("STUDENT")).header("Accept-Language", "zh-CN,zh;q=0.9"));
        assertThat(accounts.languageOf("lang-remembered")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        mvc.perform(get("/api/me").with(user("lang-remembered").roles("STUDENT")));
        assertThat(accounts.languageOf("lang-remembered")).as("a script states no language").isEqualTo(Locale.SIMPLIFIED_CHINESE);
        mvc.perform(get("/").param("lang", "en").with(user("lang-remembered").roles("STUDENT")).header("Accept-Language", "zh-CN"));
        assertThat(accounts.languageOf("lang-remembered")).as("chosen on a page").isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theBarAndTheDashboardSpeakChineseAndLinkThisPageInEachLanguage() throws Exception {
        accounts.add("lang-teacher", Role.TEACHER, "a-long-password");
        String page = mvc.perform(get("/").with(user("lang-teacher").roles("TEACHER")).header("Accept-Language", "zh-CN"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(">班级<", ">学生的仓库<", ">修改密码<", ">退出登录<", "你好，<strong>lang-teacher</strong>。",
                "打开我的 JupyterLab", "href=\"/?lang=en\"", "href=\"/?lang=zh-CN\"");
        String repositories = mvc.perform(get("/repositories?x=1").with(user("lang-teacher").roles("TEACHER")))
                .andReturn().getResponse().getContentAsString();
        assertThat(repositories).as("the page's own query is kept").contains("href=\"/repositories?x=1&amp;lang=zh-CN\"");
    }

    @Test
    void aRefusalOnAPageReadsInThePagesLanguage() throws Exception {
        accounts.add("lang-student", Role.STUDENT, "a-long-password");
        MockHttpServletRequestBuilder join = get("/join/NOSUCH").with(user("lang-student").roles("STUDENT"));
        assertThat(mvc.perform(join.header("Accept-Language", "zh-CN")).andReturn().getResponse().getContentAsString())
                .contains("没有班级码为“NOSUCH”的班级。请向老师核对班级码。");
        assertThat(mvc.perform(get("/join/NOSUCH").with(user("lang-student").roles("STUDENT"))).andReturn().getResponse()
                .getContentAsString()).contains("There is no class with the code &quot;NOSUCH&quot;. Check the code with your teacher.");
    }

    @Test
    void everyWordHasBothLanguagesAndEveryKeyATemplateUsesIsThere() throws IOException {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher key = KEY_IN_TEMPLATE.matcher(Files.readString(template));
                while (key.find()) used.add(key.group(1));
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(english.stringPropertyNames()).containsAll(used);
    }

    private MockHttpServletResponse login(String languages) throws Exception {
        MockHttpServletRequestBuilder request = get("/login");
        if (languages != null) request.header("Accept-Language", languages);
        return mvc.perform(request).andReturn().getResponse();
    }

    private static Properties bundle(String name) throws IOException {
        Properties words = new Properties();
        try (InputStream in = BoxLanguagesTest.class.getResourceAsStream("/" + name)) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }
}
