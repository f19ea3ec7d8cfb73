package org.learnbox.bridge.assignment;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.context.support.ResourceBundleMessageSource;

/** The refusals' words: every key the package uses is in both bundles, and reads right in each language. */
class AssignmentWordsTest {
    private static final Pattern USED_KEY = Pattern.compile("AssignmentProblem\\.of\\(\"([a-z0-9-]+)\"");

    @Test
    void everyKeyThePackageUsesHasWordsInBothLanguages() throws Exception {
        Set<String> used = new TreeSet<>(Set.of("several"));
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/org/learnbox/bridge/assignment"))) {
            for (Path source : sources.toList()) {
                Matcher key = USED_KEY.matcher(Files.readString(source));
                while (key.find()) used.add(key.group(1));
            }
        }
        assertThat(used).hasSizeGreaterThan(30);
        for (String bundle : List.of("messages.properties", "messages_zh_CN.properties")) {
            Set<String> keys = new TreeSet<>();
            for (String key : bundle(bundle).stringPropertyNames()) {
                if (key.startsWith(AssignmentProblem.PREFIX)) keys.add(key.substring(AssignmentProblem.PREFIX.length()));
            }
            assertThat(keys).as(bundle).isEqualTo(used);
        }
    }

    @Test
    void everyMessageFormatsWithItsApostrophesAndNoPlaceholderLeft() throws Exception {
        for (String bundle : List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties words = bundle(bundle);
            for (String key : words.stringPropertyNames()) {
                if (!key.startsWith(AssignmentProblem.PREFIX)) continue;
                String pattern = words.getProperty(key);
                boolean hasArguments = pattern.matches("(?s).*\\{\\d.*");
                String said = hasArguments ? new MessageFormat(pattern, Locale.ENGLISH).format(new Object[] {"A", "B", "C", "D", "E"}) : pattern;
                assertThat(said).as(key).doesNotContainPattern("\\{\\d").doesNotContain("''");
                if (hasArguments) {
                    assertThat(pattern.replace("''", "").replace("'{'", "").replace("'}'", "")).as(key + ": a lone apostrophe").doesNotContain("'");
                }
            }
        }
    }

    @Test
    void aRefusalReadsInTheReadersLanguageTheProblemsInsideItToo() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        AssignmentException refused = new AssignmentException(List.of(
                AssignmentProblem.of("points-missing", "nb.ipynb", 3), AssignmentProblem.of("no-notebooks")));
        assertThat(messages.getMessage(refused, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("这个作业有 2 个问题；第一个：nb.ipynb，第 3 个单元：评分单元需要分数。");
        assertThat(messages.getMessage(refused, Locale.ENGLISH))
                .isEqualTo("The assignment has 2 problems; the first: nb.ipynb, cell 3: a graded cell needs points.");
        assertThat(messages.getMessage(refused.problems().get(1), Locale.SIMPLIFIED_CHINESE)).isEqualTo("这个作业没有笔记本。");
        // Numbers without thousands separators: a cell number reads as a cell number.
        assertThat(AssignmentProblem.of("points-missing", "nb.ipynb", 1200)).hasToString("nb.ipynb, cell 1200: a graded cell needs points.");
    }

    private static Properties bundle(String name) throws Exception {
        Properties words = new Properties();
        try (InputStream in = AssignmentWordsTest.class.getResourceAsStream("/" + name)) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }
}
