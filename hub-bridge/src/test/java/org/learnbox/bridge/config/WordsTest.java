package org.learnbox.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The words Java code says: every key it names is in the bundles, and both languages fill in the same arguments. */
class WordsTest {
    /** A literal that names a key: a feature's prefix, then dotted words (file names such as app.py aside). */
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "\"((?:snippet|app|class|account|repo|token|release|build|backup|course|work|notice|sandbox|docker|login|password|size|words)"
                    + "\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)*)\"");
    private static final Set<String> NOT_KEYS = Set.of("app.py", "app.jar", "course.yaml");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @Test
    void everyKeyTheCodeNamesIsInTheBundles() throws IOException {
        Properties english = bundle("messages.properties");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher key = KEY_IN_CODE.matcher(Files.readString(source));
                while (key.find()) {
                    if (!NOT_KEYS.contains(key.group(1))) named.add(key.group(1));
                }
            }
        }
        assertThat(named).hasSizeGreaterThan(300);
        assertThat(english.stringPropertyNames()).containsAll(named);
    }

    @Test
    void bothLanguagesFillInTheSameArgumentsAndArePatterns() throws IOException {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh_CN.properties");
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String zh = chinese.getProperty(key);
            assertThat(arguments(zh)).as(key).isEqualTo(arguments(en));
            for (String words : List.of(en, zh)) {
                if (arguments(words).isEmpty()) {
                    assertThat(words).as(key + ": no arguments, so an apostrophe is written once").doesNotContain("''");
                } else {
                    assertThat(words.replace("''", "")).as(key + ": with arguments an apostrophe is written twice").doesNotContain("'");
                }
            }
            if (!arguments(en).isEmpty()) {
                assertThatCode(() -> new MessageFormat(en, Locale.ENGLISH)).as(key).doesNotThrowAnyException();
                assertThatCode(() -> new MessageFormat(zh, Locale.SIMPLIFIED_CHINESE)).as(key).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void aRefusalsWordsWithWordsInsideAreSaidInOneLanguage() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Words words = new Words(messages);
        Object[] arguments = {Words.list(List.of(Words.phrase("class.refused.names.admin", 2, "ana"), Words.phrase("class.refused.names.more", 3))),
                Words.phrase("account.name-rule")};
        assertThat(Words.english("class.refused.names", arguments)).isEqualTo("Nothing was changed: line 2, \"ana\", is an"
                + " admin's account; and 3 more. A name has 2 to 32 lowercase letters, digits or '-', starting with a letter or a digit.");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(words.of("class.refused.names", arguments))
                    .isEqualTo("没有做任何改动：第 2 行的“ana”是管理员的账号；另有 3 处。名字应有 2 到 32 个小写字母、数字或“-”，并以字母或数字开头。");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        assertThat(Words.english("app.refused.too-big", 20000L)).as("numbers without grouping").contains("(20000 KiB)");
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher argument = ARGUMENT.matcher(pattern);
        while (argument.find()) found.add(argument.group(1));
        return found;
    }

    private static Properties bundle(String name) throws IOException {
        Properties words = new Properties();
        try (InputStream in = WordsTest.class.getResourceAsStream("/" + name)) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }
}
