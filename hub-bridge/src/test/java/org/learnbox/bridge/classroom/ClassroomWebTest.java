package org.learnbox.bridge.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.course.CourseDelivery;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Classes through the bridge's doors, as each kind of person: anonymous, a student of the
 * class, a student of another class, the class's teacher, another teacher, an admin.
 * JupyterHub is replaced by a mock here; the end-to-end tests use the real one.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ClassroomWebTest {
    private static final String SECRET = "test-secret-test-secret-test-secret-0123";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ClassroomService classrooms;
    @Autowired CourseDelivery delivery;
    @Autowired org.springframework.security.crypto.password.PasswordEncoder encoder;
    @MockitoBean JupyterHubClient hub;

    private static int run;
    private String teacher, otherTeacher, admin, student, otherStudent;
    private Classroom math, art;

    @BeforeEach
    void aSchool() {
        run++;
        teacher = account("teach" + run, Role.TEACHER);
        otherTeacher = account("other" + run, Role.TEACHER);
        admin = account("head" + run, Role.ADMIN);
        student = account("pupil" + run, Role.STUDENT);
        otherStudent = account("stranger" + run, Role.STUDENT);
        math = classrooms.create(teacher, "Math 1A");
        art = classrooms.create(otherTeacher, "Art");
        classrooms.join(student, math.getJoinCode());
        classrooms.join(otherStudent, art.getJoinCode());
        when(hub.users()).thenReturn(List.of(new JupyterHubClient.HubUser(student,
                Map.of("", new JupyterHubClient.HubServer(true, null, Instant.parse("2026-11-26T08:15:00Z"))))));
    }

    private String account(String name, Role role) {
        accounts.add(name, role, "a-long-password");
        return name;
    }

    private static RequestPostProcessor as(String name, String role) {
        return user(name).roles(role);
    }

    @Test
    void onlyTheClassesTeacherAndAdminsSeeItsPageRosterAndCode() throws Exception {
        String page = "/classes/" + math.getId();
        mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get(page).with(as(student, "STUDENT"))).andExpect(status().isForbidden());
        mvc.perform(get(page).with(as(otherStudent, "STUDENT"))).andExpect(status().isForbidden());
        mvc.perform(get(page).with(as(otherTeacher, "TEACHER"))).andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("This class is not one of yours.")));
        mvc.perform(get("/classes/999999").with(as(otherTeacher, "TEACHER"))).andExpect(status().isForbidden());

        for (RequestPostProcessor allowed : List.of(as(teacher, "TEACHER"), as(admin, "ADMIN"))) {
            String html = mvc.perform(get(page).with(allowed)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).contains("Math 1A", math.getJoinCode(), "/join/" + math.getJoinCode(), student, "running",
                    "2026-11-26 08:15 UTC").doesNotContain(otherStudent);
        }
    }

    @Test
    void theClassListShowsATeachersOwnClassesAndAnAdminEveryClass() throws Exception {
        assertThat(mvc.perform(get("/classes").with(as(teacher, "TEACHER"))).andReturn().getResponse().getContentAsString())
                .contains("Math 1A").doesNotContain("Art");
        assertThat(mvc.perform(get("/classes").with(as(admin, "ADMIN"))).andReturn().getResponse().getContentAsString())
                .contains("Math 1A", "Art");
        mvc.perform(get("/classes").with(as(student, "STUDENT"))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/").with(as(teacher, "TEACHER"))).andReturn().getResponse().getContentAsString())
                .as("a teacher's dashboard: the classes they teach, with their codes; nothing to join")
                .contains("id=\"nav-classes\"", "id=\"teaching\"", "href=\"/classes/" + math.getId() + "\"", "Math 1A",
                        "join code " + math.getJoinCode())
                .doesNotContain("id=\"join-code\"", "id=\"courses\"");
        assertThat(mvc.perform(get("/").with(as(student, "STUDENT"))).andReturn().getResponse().getContentAsString())
                .doesNotContain("id=\"nav-classes\"", "id=\"teaching\"").contains("id=\"join-code\"", "id=\"courses\"");
    }

    @Test
    void aTeacherMakesAClassAndBadOrTakenNamesAreRefusedInWords() throws Exception {
        mvc.perform(post("/classes").with(csrf()).with(as(teacher, "TEACHER")).param("name", "  Physics   2B "))
                .andExpect(redirectedUrlPattern("/classes/*"));
        assertThat(classrooms.taughtBy(teacher)).extracting(Classroom::getName).contains("Physics 2B");
        mvc.perform(post("/classes").with(csrf()).with(as(teacher, "TEACHER")).param("name", "math 1a"))
                .andExpect(redirectedUrl("/classes"))
                .andExpect(flash().attribute("error", "You already have a class named \"math 1a\"."));
        mvc.perform(post("/classes").with(csrf()).with(as(teacher, "TEACHER")).param("name", "<script>"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.startsWith("A class name has 2 to 48 letters")));
        mvc.perform(post("/classes").with(as(teacher, "TEACHER")).param("name", "No CSRF")).andExpect(status().isForbidden());
        mvc.perform(post("/classes").with(csrf()).with(as(student, "STUDENT")).param("name", "Mine")).andExpect(status().isForbidden());
    }

    @Test
    void aStudentJoinsWithTheCodeHoweverTypedAndAnUnknownCodeIsSaidInWords() throws Exception {
        String newcomer = account("new" + run, Role.STUDENT);
        String typed = math.getJoinCode().toLowerCase().replace("-", " ");
        mvc.perform(post("/join").with(csrf()).with(as(newcomer, "STUDENT")).param("code", typed))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("joined", "You are in the class \"Math 1A\" of " + teacher
                        + ". Its courses arrive in your JupyterLab."));
        assertThat(classrooms.joinedBy(newcomer)).extracting(Classroom::getName).containsExactly("Math 1A");

        mvc.perform(post("/join").with(csrf()).with(as(newcomer, "STUDENT")).param("code", "ZZZZ-ZZZZ"))
                .andExpect(flash().attribute("joinError", "There is no class with the code \"ZZZZ-ZZZZ\". Check the code with your teacher."));
        assertThat(classrooms.joinedBy(newcomer)).hasSize(1);
        mvc.perform(get("/join/ZZZZ-ZZZZ").with(as(newcomer, "STUDENT"))).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("There is no class with the code")));
        mvc.perform(get("/join/" + art.getJoinCode()).with(as(newcomer, "STUDENT"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Art")));
        mvc.perform(get("/join/" + art.getJoinCode())).andExpect(status().is3xxRedirection());
    }

    @Test
    void assignedCoursesGoToTheClassesStudentsOnlyAndTeachersSeeEveryCourse() throws Exception {
        mvc.perform(post("/classes/" + math.getId() + "/courses").with(csrf()).with(as(otherTeacher, "TEACHER"))
                .param("course", "java-from-zero")).andExpect(status().isForbidden());
        mvc.perform(post("/classes/" + math.getId() + "/courses").with(csrf()).with(as(teacher, "TEACHER"))
                        .param("course", "no-such-course"))
                .andExpect(flash().attribute("error", "There is no course 'no-such-course' on this box."));
        assertThat(classrooms.coursesFor(student)).isEmpty();

        mvc.perform(post("/classes/" + math.getId() + "/courses").with(csrf()).with(as(teacher, "TEACHER"))
                .param("course", "java-from-zero")).andExpect(redirectedUrl("/classes/" + math.getId()));
        assertThat(classrooms.coursesFor(student)).containsExactly("java-from-zero");
        assertThat(mvc.perform(get("/classes/" + math.getId()).with(as(teacher, "TEACHER"))).andReturn().getResponse()
                .getContentAsString()).contains("Java from zero (14 lessons)");
        assertThat(classrooms.coursesFor(otherStudent)).isEmpty();
        assertThat(classrooms.coursesFor(teacher)).contains("java-from-zero", "python-from-zero");
        assertThat(delivery.coursesOf(student)).extracting(c -> c.manifest().id()).containsExactly("java-from-zero");

        String dashboard = mvc.perform(get("/").with(as(student, "STUDENT"))).andReturn().getResponse().getContentAsString();
        assertThat(dashboard).contains("Java from zero", "Math 1A").doesNotContain("Python from zero");
    }

    @Test
    void theTeacherStartsAndStopsTheirStudentsServersAndNoOneElses() throws Exception {
        String base = "/classes/" + math.getId() + "/students/";
        mvc.perform(post(base + student + "/start").with(csrf()).with(as(teacher, "TEACHER")))
                .andExpect(flash().attribute("notice", "The server of " + student + " is starting."));
        verify(hub).startServer(student);
        mvc.perform(post(base + student + "/stop").with(csrf()).with(as(admin, "ADMIN")))
                .andExpect(flash().attribute("notice", "The server of " + student + " is stopping; their files stay."));
        verify(hub).stopServer(student);

        mvc.perform(post(base + otherStudent + "/stop").with(csrf()).with(as(teacher, "TEACHER")))
                .andExpect(flash().attribute("error", "'" + otherStudent + "' is not in the class \"Math 1A\"."));
        mvc.perform(post(base + student + "/stop").with(csrf()).with(as(otherTeacher, "TEACHER"))).andExpect(status().isForbidden());
        mvc.perform(post(base + student + "/stop").with(csrf()).with(as(student, "STUDENT"))).andExpect(status().isForbidden());
        verify(hub, never()).stopServer(otherStudent);
        verify(hub, never()).startServer(otherStudent);
    }

    @Test
    void theTeacherOpensTheClassAndOnlyTheStoppedServersStart() throws Exception {
        String second = account("pupil-b" + run, Role.STUDENT);
        classrooms.join(second, math.getJoinCode());
        String open = "/classes/" + math.getId() + "/open";
        mvc.perform(post(open).with(csrf()).with(as(otherTeacher, "TEACHER"))).andExpect(status().isForbidden());
        mvc.perform(post(open).with(csrf()).with(as(student, "STUDENT"))).andExpect(status().isForbidden());
        verify(hub, never()).startServer(second);

        mvc.perform(post(open).with(csrf()).with(as(teacher, "TEACHER")))
                .andExpect(flash().attribute("notice", "Opening the class: the server of one student is starting, two at a time."
                        + " Those no one uses go back to sleep after 30 minutes."));
        verify(hub, org.mockito.Mockito.timeout(10_000)).startServer(second);
        verify(hub, never()).startServer(student); // running already

        when(hub.users()).thenReturn(List.of(
                new JupyterHubClient.HubUser(student, Map.of("", new JupyterHubClient.HubServer(true, null, Instant.now()))),
                new JupyterHubClient.HubUser(second, Map.of("", new JupyterHubClient.HubServer(false, "spawn", Instant.now())))));
        mvc.perform(post(open).with(csrf()).with(as(admin, "ADMIN")))
                .andExpect(flash().attribute("notice", "Every student's server is running or starting already."));
        mvc.perform(get("/classes/" + math.getId()).with(as(teacher, "TEACHER")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"open-class\"")));
    }

    @Test
    void theHubMirrorsClassesAsGroupsAndTheBoxScriptAssignsByJoinCode() throws Exception {
        mvc.perform(get("/hub-api/users/" + student).header("Authorization", "Bearer " + SECRET))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups[0]").value(teacher + "-math-1a"))
                .andExpect(jsonPath("$.admin").value(false));
        mvc.perform(get("/hub-api/users/" + student)).andExpect(status().isUnauthorized());

        mvc.perform(post("/admin-api/classes/" + math.getJoinCode() + "/courses").header("Authorization", "Bearer " + SECRET)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"course\":\"python-from-zero\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.classroom").value("Math 1A"));
        assertThat(classrooms.coursesFor(student)).contains("python-from-zero");
        mvc.perform(post("/admin-api/classes/ABCD-EFGH/courses").header("Authorization", "Bearer " + SECRET)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"course\":\"python-from-zero\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value("There is no class with the code \"ABCD-EFGH\"."));
        assertThat(mvc.perform(get("/admin-api/classes").header("Authorization", "Bearer " + SECRET).accept(MediaType.TEXT_PLAIN))
                .andReturn().getResponse().getContentAsString()).contains(math.getJoinCode(), "Math 1A", teacher);
    }

    @Test
    void aTeacherPastesAListAndGetsLoginSlipsForTheNewAccountsOnly() throws Exception {
        String list = "Nia-" + run + "\n\n# from the register\n  owen-" + run + "  \n" + student + "\nnia-" + run + "\n";
        String slips = mvc.perform(post("/classes/" + math.getId() + "/students").with(csrf()).with(as(teacher, "TEACHER")).param("names", list))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();
        assertThat(slips).contains("2 new accounts, 1 who had one joined the class.", "slip-nia-" + run, "slip-owen-" + run, student)
                .doesNotContain("slip-" + student);
        java.util.regex.Matcher password = java.util.regex.Pattern.compile("id=\"slip-nia-" + run + "\"[\\s\\S]*?slip-password\">([^<]+)<")
                .matcher(slips);
        assertThat(password.find()).isTrue();
        assertThat(encoder.matches(password.group(1), accounts.find("nia-" + run).orElseThrow().getPasswordHash()))
                .as("the slip's password is the account's").isTrue();
        assertThat(accounts.find("owen-" + run)).hasValueSatisfying(a -> assertThat(a.getRole()).isEqualTo(Role.STUDENT));
        assertThat(encoder.matches("a-long-password", accounts.find(student).orElseThrow().getPasswordHash()))
                .as("a student who had an account keeps their password").isTrue();
        assertThat(classrooms.students(math)).contains("nia-" + run, "owen-" + run, student);
    }

    @Test
    void aListWithABadLineChangesNothingAndSaysWhichLines() throws Exception {
        String list = "pia-" + run + "\nAnna Li\n" + otherTeacher + "\nrex-" + run + "\n";
        mvc.perform(post("/classes/" + math.getId() + "/students").with(csrf()).with(as(teacher, "TEACHER")).param("names", list))
                .andExpect(redirectedUrl("/classes/" + math.getId()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("Nothing was changed: line 2, \"Anna Li\", is not a name the box takes; line 3, \""
                                + otherTeacher + "\", is a teacher's account."),
                        org.hamcrest.Matchers.containsString("lowercase letters"))))
                .andExpect(flash().attribute("typedNames", list));
        assertThat(accounts.exists("pia-" + run)).isFalse();
        assertThat(accounts.exists("rex-" + run)).isFalse();
        assertThat(classrooms.students(math)).containsExactly(student);

        mvc.perform(post("/classes/" + math.getId() + "/students").with(csrf()).with(as(teacher, "TEACHER")).param("names", " \n# none\n"))
                .andExpect(flash().attribute("error", "Paste the students' names, one per line."));
        String tooMany = java.util.stream.IntStream.range(0, ClassroomService.MOST_NAMES_AT_ONCE + 1).mapToObj(i -> "kid-" + run + "-" + i)
                .collect(java.util.stream.Collectors.joining("\n"));
        mvc.perform(post("/classes/" + math.getId() + "/students").with(csrf()).with(as(teacher, "TEACHER")).param("names", tooMany))
                .andExpect(flash().attribute("error", "That list is too long: at most 200 names at once. Nothing was changed."));
        assertThat(accounts.exists("kid-" + run + "-0")).isFalse();
        mvc.perform(post("/classes/" + art.getId() + "/students").with(csrf()).with(as(teacher, "TEACHER")).param("names", "sly-" + run))
                .andExpect(status().isForbidden());
        assertThat(accounts.exists("sly-" + run)).as("another teacher's class takes no one from this teacher").isFalse();
    }

    @Test
    void aStudentsLastActivityIsKeptAfterTheirServerStops() throws Exception {
        when(hub.users()).thenReturn(List.of(new JupyterHubClient.HubUser(student, Map.of(), Instant.parse("2026-11-20T10:05:00Z"))));
        String html = mvc.perform(get("/classes/" + math.getId()).with(as(teacher, "TEACHER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("stopped", "2026-11-20 10:05 UTC");
    }
}
