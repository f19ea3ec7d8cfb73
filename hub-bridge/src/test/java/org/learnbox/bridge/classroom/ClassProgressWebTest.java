package org.learnbox.bridge.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A lesson's self-check tells the box each answer; the class page counts each student's right
 * checks per lesson. Only the checks a lesson holds, of a course the student was given, are kept.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ClassProgressWebTest {
    private static final String LESSON = "courses/python-from-zero/03-conditions.ipynb";
    private static final String FIRST = "someone aged 70 pays 6";
    private static final String SECOND = "a 9-year-old who is 150 cm tall cannot ride";
    private static final String THIRD = "14 is \"even\"";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ClassroomService classrooms;
    @Autowired JdbcTemplate database;
    @MockitoBean JupyterHubClient hub;

    private static int run;
    private String teacher, student, classmate, stranger;
    private Classroom physics;

    @BeforeEach
    void aClassWithACourse() {
        run++;
        teacher = account("prog-t" + run, Role.TEACHER);
        student = account("prog-s" + run, Role.STUDENT);
        classmate = account("prog-c" + run, Role.STUDENT);
        stranger = account("prog-x" + run, Role.STUDENT);
        physics = classrooms.create(teacher, "Physics " + run);
        classrooms.join(student, physics.getJoinCode());
        classrooms.join(classmate, physics.getJoinCode());
        classrooms.assign(physics.getId(), "python-from-zero", teacher);
    }

    private String account(String name, Role role) {
        accounts.add(name, role, "a-long-password");
        return name;
    }

    private ResultActions answer(String who, String notebook, String check, boolean passed) throws Exception {
        String body = tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(java.util.Map.of("notebook", notebook, "check", check, "passed", passed));
        return mvc.perform(post("/api/progress").with(user(who).roles("STUDENT")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** The cells of a student's row in the course's progress table: one per lesson, then the total. */
    private List<String> row(String who) throws Exception {
        String page = mvc.perform(get("/classes/" + physics.getId()).with(user(teacher).roles("TEACHER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher row = Pattern.compile("id=\"progress-python-from-zero-" + who + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(row.find()).as("a progress row for " + who).isTrue();
        return Pattern.compile("<td[^>]*class=\"number[^\"]*\"[^>]*>([^<]*)</td>").matcher(row.group(1)).results()
                .map(m -> m.group(1)).toList();
    }

    @Test
    void eachRightCheckCountsInItsLessonAndTheLatestAnswerStands() throws Exception {
        List<String> before = row(student);
        assertThat(before).startsWith("0/4", "0/5", "0/3").hasSize(8 + 1).endsWith("0/" + checksIn(before));

        answer(student, LESSON, FIRST, true).andExpect(status().isNoContent());
        answer(student, "/home/learner/" + LESSON, SECOND, true).andExpect(status().isNoContent());
        answer(student, LESSON, THIRD, true).andExpect(status().isNoContent());
        answer(student, LESSON, FIRST, true).andExpect(status().isNoContent());
        assertThat(row(student).get(2)).isEqualTo("3/3");
        assertThat(row(student).getLast()).isEqualTo("3/" + checksIn(before));
        assertThat(row(classmate).get(2)).isEqualTo("0/3");

        answer(student, LESSON, FIRST, false).andExpect(status().isNoContent());
        assertThat(row(student).get(2)).as("a check answered wrong again no longer counts").isEqualTo("2/3");
    }

    @Test
    void theWeekShowsEachStudentsHoursAtWork() throws Exception {
        java.time.Instant hour = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        database.update("INSERT INTO work_hour (user_name, hour_start) VALUES (?, ?)", student, java.sql.Timestamp.from(hour));
        database.update("INSERT INTO work_hour (user_name, hour_start) VALUES (?, ?)", student,
                java.sql.Timestamp.from(hour.minus(java.time.Duration.ofDays(10)))); // before the week: not shown
        String page = mvc.perform(get("/classes/" + physics.getId()).with(user(teacher).roles("TEACHER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("This week: who worked when");
        Matcher worked = Pattern.compile("id=\"week-" + student + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(worked.find()).isTrue();
        assertThat(Pattern.compile("class=\"on\"").matcher(worked.group(1)).results().count()).isEqualTo(1);
        assertThat(worked.group(1)).containsPattern("<td class=\"number\">1</td>");
        Matcher idle = Pattern.compile("id=\"week-" + classmate + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(idle.find()).isTrue();
        assertThat(idle.group(1)).doesNotContain("class=\"on\"").containsPattern("<td class=\"number\">0</td>");
    }

    @Test
    void whatIsNoCheckOfAGivenCourseIsRefusedInWordsAndNeverKept() throws Exception {
        Integer before = database.queryForObject("SELECT COUNT(*) FROM lesson_check", Integer.class);
        answer(student, LESSON, "a check the lesson does not have", true).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value("The lesson 03-conditions.ipynb has no check named 'a check the lesson does not have'"));
        answer(student, "courses/java-from-zero/03-conditions.ipynb", "evenOrOdd(4)", true)
                .andExpect(jsonPath("$.message").value("The course 'java-from-zero' is not one your classes were given"));
        answer(stranger, LESSON, FIRST, true)
                .andExpect(jsonPath("$.message").value("The course 'python-from-zero' is not one your classes were given"));
        answer(student, "courses/python-from-zero/99-none.ipynb", FIRST, true)
                .andExpect(jsonPath("$.message").value("99-none.ipynb is not a lesson of Python from zero"));
        answer(student, "work/mine.ipynb", FIRST, true)
                .andExpect(jsonPath("$.message").value("'work/mine.ipynb' is not a lesson of a course: progress is kept for the lessons in ~/courses"));
        for (int i = 0; i < 500; i++) {
            answer(student, LESSON, "made-up " + i, true).andExpect(status().isUnprocessableContent());
        }
        assertThat(database.queryForObject("SELECT COUNT(*) FROM lesson_check", Integer.class)).isEqualTo(before);
        mvc.perform(post("/api/progress").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aRemovedAccountsProgressGoesWithIt() throws Exception {
        answer(classmate, LESSON, FIRST, true).andExpect(status().isNoContent());
        assertThat(database.queryForObject("SELECT COUNT(*) FROM lesson_check WHERE account_name = ?", Integer.class, classmate))
                .isEqualTo(1);
        accounts.remove(classmate);
        assertThat(database.queryForObject("SELECT COUNT(*) FROM lesson_check WHERE account_name = ?", Integer.class, classmate))
                .isZero();
    }

    /** The checks of all lessons of a row: the sum of what each lesson's cell counts. */
    private static int checksIn(List<String> row) {
        return row.subList(0, row.size() - 1).stream().mapToInt(cell -> Integer.parseInt(cell.substring(cell.indexOf('/') + 1))).sum();
    }
}
