package org.learnbox.bridge.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every form of the box's pages that ends, removes or replaces something asks first: a click alone loses nothing. */
class DestructiveFormsTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern FORM = Pattern.compile("<form\\b(.*?)>(.*?)</form>", Pattern.DOTALL);
    /** Actions that end or remove a person's work, server, app, access or release. */
    private static final Pattern DESTRUCTIVE = Pattern.compile(
            "th:action=\"@\\{[^\"]*(/remove|/delete|/students/\\{n}/stop|/builds/[^\"]*/stop|/take-down|/rollback|/accounts/\\{n}/password|/unpublish|/revoke)");

    @Test
    void everyFormThatEndsOrRemovesSomethingIsConfirmedFirst() throws IOException {
        List<String> destructive = new ArrayList<>();
        List<String> unconfirmed = new ArrayList<>();
        try (Stream<Path> pages = Files.walk(TEMPLATES)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                Matcher form = FORM.matcher(Files.readString(page));
                while (form.find()) {
                    Matcher action = DESTRUCTIVE.matcher(form.group(1));
                    if (!action.find()) continue;
                    String where = TEMPLATES.relativize(page) + " " + action.group(1);
                    destructive.add(where);
                    boolean asks = form.group(1).contains("return confirm('#{") || form.group(2).contains("name=\"confirmName\"");
                    if (!asks) unconfirmed.add(where);
                }
            }
        }
        assertThat(destructive).as("the walk finds the forms it checks").hasSizeGreaterThanOrEqualTo(11);
        assertThat(unconfirmed).as("forms that end or remove something without asking").isEmpty();
    }
}
