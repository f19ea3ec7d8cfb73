package org.learnbox.bridge.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.classroom.Classroom;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.devops.RepoService;
import org.learnbox.bridge.devops.RepoVisibility;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.learnbox.bridge.sandbox.HomeFile;
import org.learnbox.bridge.sandbox.HomeListing;
import org.learnbox.bridge.sandbox.HomeRead;
import org.learnbox.bridge.sandbox.SandboxException;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.learnbox.bridge.snippet.SnippetDraft;
import org.learnbox.bridge.snippet.SnippetFile;
import org.learnbox.bridge.snippet.SnippetService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A teacher reads a student's work from the class page: progress, the notebooks of their home
 * (read from the home by the box, as the sandbox runtime gives it), snippets, apps and
 * repositories. Nobody else does, and a notebook's own HTML never reaches the teacher's page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StudentWorkWebTest {
    private static final String LESSON = "courses/python-from-zero/03-conditions.ipynb";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ClassroomService classrooms;
    @Autowired SnippetService snippets;
    @Autowired RepoService repos;
    @MockitoBean JupyterHubClient hub;
    @MockitoBean SandboxRuntime sandboxes;

    private static int run;
    private String teacher, otherTeacher, admin, student, otherStudent;
    private Classroom chemistry;

    @BeforeEach
    void aStudentWithWork() {
        run++;
        teacher = account("work-t" + run, Role.TEACHER);
        otherTeacher = account("work-o" + run, Role.TEACHER);
        admin = account("work-a" + run, Role.ADMIN);
        student = account("work-s" + run, Role.STUDENT);
        otherStudent = account("work-x" + run, Role.STUDENT);
        chemistry = classrooms.create(teacher, "Chemistry " + run);
        classrooms.join(student, chemistry.getJoinCode());
        classrooms.join(otherStudent, classrooms.create(otherTeacher, "Art " + run).getJoinCode());
        classrooms.assign(chemistry.getId(), "python-from-zero", teacher);
        snippets.create(student, SnippetDraft.of("My secret loop", "python", "private",
                List.of(new SnippetFile("main.py", "for i in range(3): print(i)"))));
        repos.create(student, "lab-site", RepoVisibility.PRIVATE);

        Map<String, byte[]> home = new LinkedHashMap<>();
        home.put(LESSON, notebook("# Conditions\\n\\n<script>alert('teacher')</script>", "print('hi')", "hi\\n"));
        home.put("work/plan.ipynb", notebook("plan", "1 + 1", "2"));
        home.put(".ipynb_checkpoints/plan-checkpoint.ipynb", notebook("old", "", ""));
        home.put("notes.txt", "not a notebook".getBytes(StandardCharsets.UTF_8));
        home.put("broken.ipynb", "this is no JSON".getBytes(StandardCharsets.UTF_8));
        // As find lists a home: hidden folders left out, only the names asked for.
        when(sandboxes.findInHome(eq(student), eq(".ipynb"), anyInt())).thenReturn(new HomeListing(home.entrySet().stream()
                .filter(file -> file.getKey().endsWith(".ipynb") && !file.getKey().startsWith("."))
                .map(file -> new HomeFile(file.getKey(), file.getValue().length, Instant.parse("2026-12-01T10:00:00Z")))
                .sorted(java.util.Comparator.comparing(HomeFile::path)).toList(), false));
        when(sandboxes.readInHome(eq(student), anyString(), anyInt())).thenAnswer(ask -> {
            String path = ask.getArgument(1);
            if (!home.containsKey(path)) throw SandboxException.notFound("sandbox.refused.no-file", path, student);
            byte[] bytes = home.get(path);
            return new HomeRead(bytes.length, bytes.length > (int) ask.getArgument(2) ? null : bytes);
        });
    }

    private String account(String name, Role role) {
        accounts.add(name, role, "a-long-password");
        return name;
    }

    private static RequestPostProcessor as(String name, String role) {
        return user(name).roles(role);
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theClassTeacherAndAnAdminReadTheStudentsProgressNotebooksSnippetsAndRepositories() throws Exception {
        String workPage = "/classes/" + chemistry.getId() + "/students/" + student;
        for (RequestPostProcessor reader : List.of(as(teacher, "TEACHER"), as(admin, "ADMIN"))) {
            String html = page(workPage, reader);
            assertThat(html).contains("Progress: Python from zero", "Conditions", "0/3",
                    "notebook?path=courses/python-from-zero/03-conditions.ipynb", ">work/plan.ipynb<",
                    "My secret loop", "lab-site", "No live app yet.")
                    .doesNotContain("plan-checkpoint", "notes.txt");
        }
        assertThat(page("/classes/" + chemistry.getId(), as(teacher, "TEACHER"))).contains("href=\"" + workPage + "\"");
    }

    @Test
    void aNotebookIsShownAsTextAndPicturesAndItsOwnHtmlNeverRuns() throws Exception {
        String html = page("/classes/" + chemistry.getId() + "/students/" + student + "/notebook?path=" + LESSON,
                as(teacher, "TEACHER"));
        assertThat(html).contains("<h1>Conditions</h1>", "print(&#39;hi&#39;)", "&lt;script&gt;alert")
                .doesNotContain("<script>alert");
    }

    @Test
    void anyoneButTheClassTeacherOrAnAdminIsRefusedAndBadPathsAndFilesAreSaidInWords() throws Exception {
        String workPage = "/classes/" + chemistry.getId() + "/students/" + student;
        mvc.perform(get(workPage)).andExpect(status().is3xxRedirection());
        mvc.perform(get(workPage).with(as(student, "STUDENT"))).andExpect(status().isForbidden());
        mvc.perform(get(workPage).with(as(otherTeacher, "TEACHER"))).andExpect(status().isForbidden());
        mvc.perform(get(workPage + "/notebook?path=" + LESSON).with(as(otherTeacher, "TEACHER"))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/classes/" + chemistry.getId() + "/students/" + otherStudent).with(as(teacher, "TEACHER")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString())
                .contains("There is no student &#39;" + otherStudent + "&#39; in Chemistry " + run + ".");

        for (String bad : List.of("../etc/passwd.ipynb", ".ipynb_checkpoints/plan-checkpoint.ipynb", "notes.txt", "/etc/x.ipynb",
                "gone.ipynb")) {
            assertThat(mvc.perform(get(workPage + "/notebook").param("path", bad).with(as(teacher, "TEACHER")))
                    .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString())
                    .as(bad).contains("in the home of " + student + ".");
        }
        assertThat(mvc.perform(get(workPage + "/notebook").param("path", "broken.ipynb").with(as(teacher, "TEACHER")))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString())
                .contains("not a notebook");
    }

    @Test
    void aStudentWithoutASandboxYetHasAPageAllTheSame() throws Exception {
        String newcomer = account("work-n" + run, Role.STUDENT);
        classrooms.join(newcomer, chemistry.getJoinCode());
        when(sandboxes.findInHome(eq(newcomer), anyString(), anyInt()))
                .thenThrow(SandboxException.notFound("sandbox.refused.none-yet", newcomer));
        assertThat(page("/classes/" + chemistry.getId() + "/students/" + newcomer, as(teacher, "TEACHER")))
                .contains(newcomer + " has no sandbox yet", "No snippet yet.", "No repository yet.");
    }

    private static byte[] notebook(String markdown, String code, String output) {
        String json = """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "language": "python"}},
                 "cells": [
                  {"cell_type": "markdown", "metadata": {}, "source": "%s"},
                  {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": "%s",
                   "outputs": [{"output_type": "stream", "name": "stdout", "text": "%s"}]}
                 ]}""".formatted(markdown, code, output);
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
