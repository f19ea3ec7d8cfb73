package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.webjars.WebJarVersionLocator;

/**
 * axe-core, the accessibility engine, run in Chromium on every page of the box as the person who
 * uses it sees it (a visitor, a student, a teacher, an admin): no serious or critical violation.
 */
@ExtendWith(RunningBox.class)
class AccessibilityE2EIT {
    private static final Pattern SNIPPET = Pattern.compile("/s/([A-Za-z0-9_-]+)$");

    private final RunningBox box = RunningBox.get();
    private final List<String> found = new ArrayList<>();
    private final String axe = axeSource();

    @Test
    void everyPageOfTheBoxHasNoSeriousOrCriticalAccessibilityViolation() throws Exception {
        String studentPassword = box.addUser("axe-student");
        String teacherPassword = box.addUser("axe-teacher", "teacher");
        String adminPassword = box.addUser("axe-admin", "admin");
        String code = Classes.make(box, new Learner(box, "axe-teacher"), teacherPassword, "Accessible class", "java-from-zero");
        Learner student = new Learner(box, "axe-student");
        student.logIn(studentPassword);
        Classes.join(student, code);
        String snippet = snippetOf(Classes.submit(student, "/snippets/new", "/snippets", "title=Accessible+page&language=web"
                + "&visibility=public&files%5B0%5D.name=index.html&files%5B0%5D.content=%3Ch1%3EHi%3C%2Fh1%3E"));
        Classes.submit(student, "/s/" + snippet, "/s/" + snippet + "/publish", "");
        Classes.submit(student, "/repositories", "/repositories", "name=axe-repo&visibility=private");

        inChromium(visitor -> {
            check(visitor, "/login", By.id("username"));
            check(visitor, "/s/" + snippet, By.id("box-nav"));
            check(visitor, "/report", By.id("box-nav"));
        });
        inChromium(browser -> {
            Chromium.logInToLab(browser, box, "axe-student", studentPassword);
            check(browser, "/hub/home", By.id("to-dashboard"));
            List<String> pages = List.of("/", "/snippets", "/snippets/new", "/s/" + snippet, "/s/" + snippet + "/edit",
                    "/repositories", "/repositories/axe-student/axe-repo/files", "/repositories/axe-student/axe-repo/commits",
                    "/repositories/axe-repo/releases", "/tokens", "/account/password", "/join/" + code, "/assignments");
            for (String page : pages) check(browser, page, By.id("box-nav"));
            browser.get(box.url("/"));
            String app = browser.findElement(By.cssSelector("#apps a.app-link")).getText();
            check(browser, "/apps/" + app, By.id("app-url"));
            // Every page of the student's again in Chinese, JupyterHub's own included.
            check(browser, "/?lang=zh-CN", By.id("box-nav"));
            for (String page : pages) check(browser, page, By.id("box-nav"));
            check(browser, "/apps/" + app, By.id("app-url"));
            check(browser, "/hub/home", By.id("to-dashboard"));
        });
        // A notebook in the student's home, for their teacher to read: text, code, a printed line and an error.
        student.awaitLab();
        student.writeFile("axe-notes.ipynb", """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "language": "python"}},
                 "cells": [{"cell_type": "markdown", "metadata": {}, "source": "# My notes\\n\\nA *first* try."},
                  {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": "print('hi')\\nx",
                   "outputs": [{"output_type": "stream", "name": "stdout", "text": "hi\\n"},
                    {"output_type": "error", "ename": "NameError", "evalue": "name 'x' is not defined", "traceback": []}]}]}""");
        inChromium(teacher -> {
            Chromium.logInToDashboard(teacher, box, "axe-teacher", teacherPassword);
            check(teacher, "/", By.id("box-nav"));
            check(teacher, "/classes", By.id("box-nav"));
            String classPage = teacher.findElement(By.cssSelector("main a[href^='/classes/']")).getAttribute("href");
            check(teacher, classPage.substring(classPage.indexOf("/classes/")), By.id("enrol-form"));
            teacher.findElement(By.id("student-names")).sendKeys("axe-pupil-one\naxe-pupil-two");
            teacher.findElement(By.id("add-students")).click();
            new WebDriverWait(teacher, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.className("slip")));
            audit(teacher, "the login slips");
            for (String page : List.of("/apps/moderation", "/students/repositories", "/repositories/axe-student/axe-repo/files")) {
                check(teacher, page, By.id("box-nav"));
            }
            check(teacher, classPage.substring(classPage.indexOf("/classes/")) + "/assignments", By.id("folder"));
            String work = classPage.substring(classPage.indexOf("/classes/")) + "/students/axe-student";
            check(teacher, work, By.id("notebooks"));
            check(teacher, work + "/notebook?path=axe-notes.ipynb", By.cssSelector(".cells"));
            // The same pages in Chinese: words of another length and script, the same structure.
            for (String page : List.of("/?lang=zh-CN", classPage.substring(classPage.indexOf("/classes/")), work,
                    work + "/notebook?path=axe-notes.ipynb", "/students/repositories")) {
                check(teacher, page, By.id("box-nav"));
            }
        });
        inChromium(admin -> {
            Chromium.logInToDashboard(admin, box, "axe-admin", adminPassword);
            for (String page : List.of("/", "/admin/accounts", "/admin/backups", "/admin/health", "/?lang=zh-CN", "/admin/accounts",
                    "/admin/backups", "/admin/health")) {
                check(admin, page, By.id("box-nav"));
            }
        });

        assertThat(found).as("serious or critical accessibility violations").isEmpty();
    }

    /** One person's browser, of their own, closed after the visit. */
    private static void inChromium(java.util.function.Consumer<WebDriver> visit) throws Exception {
        WebDriver browser = Chromium.open();
        try {
            visit.accept(browser);
        } finally {
            browser.quit();
        }
    }

    private void check(WebDriver browser, String path, By ready) {
        Chromium.openUntil(browser, box.url(path), ready);
        audit(browser, path);
    }

    /** Runs axe on the page as it is and keeps what it finds serious or critical, with where. */
    private void audit(WebDriver browser, String page) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        script.executeScript(axe);
        Object violations = script.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(function (result) {
                  done(result.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                    .map(function (v) {
                      return v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 4).map(function (n) {
                        return n.target.join(' ') + (n.failureSummary ? ' (' + n.failureSummary.replace(/\\s+/g, ' ') + ')' : '');
                      }).join('; ');
                    }));
                }, function (error) { done(['axe failed: ' + error]); });
                """);
        for (Object violation : (List<?>) violations) found.add(page + ": " + violation);
    }

    private static String snippetOf(java.net.http.HttpResponse<String> made) {
        Matcher id = SNIPPET.matcher(made.uri().getPath());
        if (!id.find()) throw new AssertionError("the snippet was not made: " + made.uri() + "\n" + made.body());
        return id.group(1);
    }

    private static String axeSource() {
        String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
        try (InputStream in = AccessibilityE2EIT.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("axe-core is not on the test classpath (" + path + ")", e);
        }
    }
}
