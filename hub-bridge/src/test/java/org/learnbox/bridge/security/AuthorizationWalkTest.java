package org.learnbox.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.learnbox.bridge.classroom.Classroom;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.devops.GitTokenService;
import org.learnbox.bridge.devops.RepoService;
import org.learnbox.bridge.devops.RepoVisibility;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.learnbox.bridge.snippet.Language;
import org.learnbox.bridge.snippet.SnippetDraft;
import org.learnbox.bridge.snippet.SnippetFile;
import org.learnbox.bridge.snippet.SnippetService;
import org.learnbox.bridge.snippet.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every page and form of the bridge, as anonymous, a student of the class, a student of another
 * class, the class's teacher, another teacher and an admin; each answer is checked. The machine
 * APIs refuse every one of them (they take the box's shared secret only). Every endpoint of the
 * application's own mappings has a door here: a new one without its rule fails the walk.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuthorizationWalkTest {
    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ClassroomService classrooms;
    @Autowired SnippetService snippets;
    @Autowired RepoService repos;
    @Autowired GitTokenService tokens;
    @MockitoBean JupyterHubClient hub;
    @MockitoBean SandboxRuntime sandboxes;
    @Autowired @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    /**
     * What a person gets: the page or answer (2xx), on to another page (302, not to the login), sent to log in,
     * refused, or told there is no such thing (404: a snippet not shared with them looks missing).
     */
    enum Answer { PAGE, ONWARD, LOG_IN, FORBIDDEN, NO_ACCESS, MISSING, REFUSED }

    // The machine APIs: no session opens them; signed-in people are known there, and refused.
    private static final List<Answer> MACHINE_ONLY = answers("NO_ACCESS FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN");

    @Test
    void everyDoorAnswersEachKindOfPersonAsItShould() throws Exception {
        accounts.add("walk-teacher", Role.TEACHER, "a-long-password");
        accounts.add("walk-other-teacher", Role.TEACHER, "a-long-password");
        accounts.add("walk-admin", Role.ADMIN, "a-long-password");
        accounts.add("walk-student", Role.STUDENT, "a-long-password");
        accounts.add("walk-stranger", Role.STUDENT, "a-long-password");
        accounts.add("walk-target", Role.STUDENT, "a-long-password");
        accounts.add("walk-removable", Role.STUDENT, "a-long-password");
        // No learner here has a sandbox: a home is read from none.
        org.mockito.Mockito.when(sandboxes.copyFolder(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyString()))
                .thenThrow(org.learnbox.bridge.sandbox.SandboxException.notFound("sandbox.refused.none-yet", "walk-student"));
        org.mockito.Mockito.when(sandboxes.readInHome(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyString(),
                        org.mockito.ArgumentMatchers.anyInt()))
                .thenThrow(org.learnbox.bridge.sandbox.SandboxException.notFound("sandbox.refused.none-yet", "walk-student"));
        org.mockito.Mockito.when(sandboxes.findInHome(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyString(),
                        org.mockito.ArgumentMatchers.anyInt()))
                .thenThrow(org.learnbox.bridge.sandbox.SandboxException.notFound("sandbox.refused.none-yet", "walk-student"));
        Classroom math = classrooms.create("walk-teacher", "Walk math");
        Classroom art = classrooms.create("walk-other-teacher", "Walk art");
        classrooms.join("walk-student", math.getJoinCode());
        classrooms.join("walk-stranger", art.getJoinCode());

        Map<String, RequestPostProcessor> people = new LinkedHashMap<>();
        people.put("anonymous", request -> request);
        people.put("student", user("walk-student").roles("STUDENT"));
        people.put("other class's student", user("walk-stranger").roles("STUDENT"));
        people.put("teacher", user("walk-teacher").roles("TEACHER"));
        people.put("other teacher", user("walk-other-teacher").roles("TEACHER"));
        people.put("admin", user("walk-admin").roles("ADMIN"));

        String classPage = "/classes/" + math.getId();
        // door -> the answer for: anonymous, student, other class's student, teacher, other teacher, admin
        Map<String, List<Answer>> doors = new LinkedHashMap<>();
        // Snippets: walk-student's, shown to their class (math); walk-target's, public (walk-target is in no class).
        // They come first: "POST /join" below puts everyone in the math class.
        String classSnippet = "/s/" + snippet("walk-student", Visibility.CLASS);
        String publicSnippet = "/s/" + snippet("walk-target", Visibility.PUBLIC);
        String apiClassSnippet = "/api/snippets/" + classSnippet.substring(3);
        String apiPublicSnippet = "/api/snippets/" + publicSnippet.substring(3);
        doors.put("GET /snippets", answers("LOG_IN PAGE PAGE PAGE PAGE PAGE"));
        doors.put("GET /snippets/new", answers("LOG_IN PAGE PAGE PAGE PAGE PAGE"));
        doors.put("POST /snippets", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("GET " + classSnippet, answers("MISSING PAGE MISSING PAGE MISSING PAGE"));
        doors.put("GET " + classSnippet + "/v/1", answers("MISSING PAGE MISSING PAGE MISSING PAGE"));
        doors.put("GET " + classSnippet + "/download", answers("MISSING PAGE MISSING PAGE MISSING PAGE"));
        doors.put("GET " + classSnippet + "/login", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("GET " + classSnippet + "/edit", answers("LOG_IN PAGE MISSING FORBIDDEN MISSING FORBIDDEN"));
        doors.put("POST " + classSnippet + "/edit", answers("LOG_IN ONWARD MISSING FORBIDDEN MISSING FORBIDDEN"));
        doors.put("POST " + classSnippet + "/fork", answers("LOG_IN ONWARD MISSING ONWARD MISSING ONWARD"));
        doors.put("GET " + publicSnippet, answers("PAGE PAGE PAGE PAGE PAGE PAGE"));
        doors.put("GET " + publicSnippet + "/v/1", answers("PAGE PAGE PAGE PAGE PAGE PAGE"));
        doors.put("GET " + publicSnippet + "/download", answers("PAGE PAGE PAGE PAGE PAGE PAGE"));
        doors.put("GET " + publicSnippet + "/edit", answers("LOG_IN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN"));
        doors.put("POST " + publicSnippet + "/run", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("POST " + publicSnippet + "/publish", answers("LOG_IN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN"));
        doors.put("POST " + apiPublicSnippet + "/publish", answers("NO_ACCESS FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN"));
        doors.put("POST " + publicSnippet + "/delete", answers("LOG_IN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN ONWARD"));
        doors.put("GET /api/snippets", answers("NO_ACCESS PAGE PAGE PAGE PAGE PAGE"));
        doors.put("POST /api/snippets", answers("NO_ACCESS PAGE PAGE PAGE PAGE PAGE"));
        doors.put("GET " + apiClassSnippet, answers("NO_ACCESS PAGE MISSING PAGE MISSING PAGE"));
        doors.put("GET " + apiClassSnippet + "/versions", answers("NO_ACCESS PAGE MISSING PAGE MISSING PAGE"));
        doors.put("PUT " + apiClassSnippet, answers("NO_ACCESS PAGE MISSING FORBIDDEN MISSING FORBIDDEN"));
        doors.put("POST " + apiClassSnippet + "/fork", answers("NO_ACCESS PAGE MISSING PAGE MISSING PAGE"));
        // Last of walk-student's snippet: its owner deletes it, so everyone after finds nothing.
        doors.put("DELETE " + apiClassSnippet, answers("NO_ACCESS PAGE MISSING MISSING MISSING MISSING"));
        // On the bridge's own port (no proxy's headers here), JupyterHub's metrics are for whoever reaches it: the host's loopback.
        doors.put("GET /metrics/hub", answers("PAGE PAGE PAGE PAGE PAGE PAGE"));
        doors.put("GET /", answers("LOG_IN PAGE PAGE PAGE PAGE PAGE"));
        doors.put("GET /login", answers("PAGE ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("GET /handoff", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("GET /join/" + math.getJoinCode(), answers("LOG_IN PAGE PAGE PAGE PAGE PAGE"));
        doors.put("POST /join", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("POST /courses/update", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("GET /classes", answers("LOG_IN FORBIDDEN FORBIDDEN PAGE PAGE PAGE"));
        doors.put("POST /classes", answers("LOG_IN FORBIDDEN FORBIDDEN ONWARD ONWARD ONWARD"));
        doors.put("POST /courses/import", answers("LOG_IN FORBIDDEN FORBIDDEN ONWARD ONWARD ONWARD"));
        doors.put("GET " + classPage, answers("LOG_IN FORBIDDEN FORBIDDEN PAGE FORBIDDEN PAGE"));
        doors.put("POST " + classPage + "/courses", answers("LOG_IN FORBIDDEN FORBIDDEN ONWARD FORBIDDEN ONWARD"));
        doors.put("POST " + classPage + "/students", answers("LOG_IN FORBIDDEN FORBIDDEN ONWARD FORBIDDEN ONWARD"));
        doors.put("POST " + classPage + "/open", answers("LOG_IN FORBIDDEN FORBIDDEN ONWARD FORBIDDEN ONWARD"));
        doors.put("POST " + classPage + "/students/walk-student/start", answers("LOG_IN FORBIDDEN FORBIDDEN ONWARD FORBIDDEN ONWARD"));
        doors.put("POST " + classPage + "/students/walk-student/stop", answers("LOG_IN FORBIDDEN FORBIDDEN ONWARD FORBIDDEN ONWARD"));
        // Watching a student's desktop: the class keeps its desktops private (its teacher's form sets it so), so no one may.
        doors.put("POST " + classPage + "/desktops", answers("LOG_IN FORBIDDEN FORBIDDEN ONWARD FORBIDDEN ONWARD"));
        doors.put("GET " + classPage + "/students/walk-student/desktop", answers("LOG_IN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN"));
        // A student's work: their class's teacher and the admins read it; a student of no class of theirs is none of this one.
        doors.put("GET " + classPage + "/students/walk-student", answers("LOG_IN FORBIDDEN FORBIDDEN PAGE FORBIDDEN PAGE"));
        doors.put("GET " + classPage + "/students/walk-target", answers("LOG_IN FORBIDDEN FORBIDDEN MISSING FORBIDDEN MISSING"));
        doors.put("GET " + classPage + "/students/walk-student/notebook?path=work/a.ipynb",
                answers("LOG_IN FORBIDDEN FORBIDDEN MISSING FORBIDDEN MISSING"));
        // Assignments: a class's tab and gradebooks are its teacher's and the admins'; a student's list is their own.
        doors.put("GET " + classPage + "/assignments", answers("LOG_IN FORBIDDEN FORBIDDEN PAGE FORBIDDEN PAGE"));
        doors.put("POST " + classPage + "/assignments/import", answers("LOG_IN FORBIDDEN FORBIDDEN ONWARD FORBIDDEN ONWARD"));
        doors.put("POST " + classPage + "/assignments/import-git", answers("LOG_IN FORBIDDEN FORBIDDEN ONWARD FORBIDDEN ONWARD"));
        doors.put("POST " + classPage + "/assignments/release", answers("LOG_IN FORBIDDEN FORBIDDEN ONWARD FORBIDDEN ONWARD"));
        doors.put("GET " + classPage + "/assignments/999", answers("LOG_IN FORBIDDEN FORBIDDEN MISSING FORBIDDEN MISSING"));
        doors.put("GET " + classPage + "/assignments/999/grades.csv", answers("LOG_IN FORBIDDEN FORBIDDEN MISSING FORBIDDEN MISSING"));
        doors.put("GET " + classPage + "/assignments/999/submissions/1", answers("LOG_IN FORBIDDEN FORBIDDEN MISSING FORBIDDEN MISSING"));
        doors.put("POST " + classPage + "/assignments/999/submissions/1/cells", answers("LOG_IN FORBIDDEN FORBIDDEN MISSING FORBIDDEN MISSING"));
        doors.put("POST " + classPage + "/assignments/999/regrade", answers("LOG_IN FORBIDDEN FORBIDDEN MISSING FORBIDDEN MISSING"));
        doors.put("GET /assignments", answers("LOG_IN PAGE PAGE PAGE PAGE PAGE"));
        doors.put("GET /assignments/none", answers("LOG_IN MISSING MISSING MISSING MISSING MISSING"));
        doors.put("POST /assignments/none/submit", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("POST /assignments/none/validate", answers("LOG_IN MISSING MISSING MISSING MISSING MISSING"));
        doors.put("GET /api/assignments", answers("NO_ACCESS PAGE PAGE PAGE PAGE PAGE"));
        doors.put("POST /api/assignments/none/submissions", answers("NO_ACCESS MISSING MISSING MISSING MISSING MISSING"));
        doors.put("GET /api/assignments/none/submissions/latest", answers("NO_ACCESS MISSING MISSING MISSING MISSING MISSING"));
        doors.put("POST /api/assignments/none/validation", answers("NO_ACCESS MISSING MISSING MISSING MISSING MISSING"));
        doors.put("GET /admin/accounts", answers("LOG_IN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN PAGE"));
        doors.put("POST /admin/accounts", answers("LOG_IN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN ONWARD"));
        doors.put("POST /admin/accounts/walk-target/role", answers("LOG_IN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN ONWARD"));
        doors.put("POST /admin/accounts/walk-target/password", answers("LOG_IN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN ONWARD"));
        doors.put("POST /admin/accounts/walk-removable/remove", answers("LOG_IN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN ONWARD"));
        doors.put("GET /admin/backups", answers("LOG_IN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN PAGE"));
        doors.put("POST /admin/backups", answers("LOG_IN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN ONWARD"));
        doors.put("GET /admin/health", answers("LOG_IN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN PAGE"));
        doors.put("GET /admin/health/samples", answers("LOG_IN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN PAGE"));
        doors.put("GET /api/apps", answers("NO_ACCESS PAGE PAGE PAGE PAGE PAGE"));
        doors.put("POST /api/apps", answers("NO_ACCESS MISSING MISSING MISSING MISSING MISSING"));
        doors.put("POST /api/apps/walk-none/stop", answers("NO_ACCESS MISSING MISSING MISSING MISSING MISSING"));
        doors.put("DELETE /api/apps/walk-none", answers("NO_ACCESS MISSING MISSING MISSING MISSING MISSING"));
        doors.put("POST /repositories/walk-none/delete", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        // A lab's address without its server: on to JupyterHub, which starts it, or sends a stranger to log in.
        doors.put("GET /user/walk-student/lab", answers("ONWARD ONWARD ONWARD ONWARD ONWARD ONWARD"));
        // What the box tells everyone at work: open to all, a lab outlives its login.
        doors.put("GET /notices", answers("PAGE PAGE PAGE PAGE PAGE PAGE"));
        doors.put("GET /api/apps", answers("NO_ACCESS PAGE PAGE PAGE PAGE PAGE"));
        doors.put("GET /apps/nothing", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("POST /apps/nothing/stop", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("POST /apps/nothing/unpublish", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("POST /apps/nothing/restart", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("GET /apps/nothing/status", answers("LOG_IN MISSING MISSING MISSING MISSING MISSING"));
        doors.put("GET /apps/nothing/logs", answers("LOG_IN MISSING MISSING MISSING MISSING MISSING"));
        doors.put("GET /report", answers("PAGE PAGE PAGE PAGE PAGE PAGE"));
        doors.put("POST /report", answers("PAGE PAGE PAGE PAGE PAGE PAGE"));
        doors.put("GET /apps/moderation", answers("LOG_IN FORBIDDEN FORBIDDEN PAGE PAGE PAGE"));
        doors.put("POST /apps/moderation/take-down", answers("LOG_IN FORBIDDEN FORBIDDEN ONWARD ONWARD ONWARD"));
        doors.put("POST /apps/moderation/reports/999/dismiss", answers("LOG_IN FORBIDDEN FORBIDDEN ONWARD ONWARD ONWARD"));
        doors.put("POST /apps/takedowns/nothing/noted", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        // Git repositories and tokens: each person acts on their own; another's token or repository is refused
        // as a missing one, in words on the page. walk-admin's token is revoked last, by walk-admin.
        // (The git doors themselves, /git/OWNER/PROJECT.git, are walked with the real git client in GitAccessTest.)
        repos.create("walk-student", "walk-repo", RepoVisibility.PRIVATE);
        tokens.make("walk-admin", "walk laptop");
        String adminsToken = "/tokens/" + tokens.list("walk-admin").getFirst().id() + "/revoke";
        doors.put("GET /repositories", answers("LOG_IN PAGE PAGE PAGE PAGE PAGE"));
        doors.put("POST /repositories", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        // Its files and history: its owner, their teacher and the admins while it is private; every signed-in person once public.
        doors.put("GET /repositories/walk-student/walk-repo/files", answers("LOG_IN PAGE MISSING PAGE MISSING PAGE"));
        doors.put("GET /repositories/walk-student/walk-repo/commits", answers("LOG_IN PAGE MISSING PAGE MISSING PAGE"));
        doors.put("GET /repositories/walk-student/no-such-repo/files", answers("LOG_IN MISSING MISSING MISSING MISSING MISSING"));
        doors.put("POST /repositories/walk-repo/visibility", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("GET /repositories/walk-student/walk-repo/commits?public", answers("LOG_IN PAGE PAGE PAGE PAGE PAGE"));
        doors.put("GET /tokens", answers("LOG_IN PAGE PAGE PAGE PAGE PAGE"));
        doors.put("GET /repositories/walk-repo/releases", answers("LOG_IN PAGE PAGE PAGE PAGE PAGE"));
        doors.put("GET /api/repositories/walk-repo/releases", answers("NO_ACCESS PAGE PAGE PAGE PAGE PAGE"));
        doors.put("POST /api/repositories/walk-repo/releases/1/rollback", answers("NO_ACCESS MISSING MISSING MISSING MISSING MISSING"));
        doors.put("GET /students/repositories", answers("LOG_IN FORBIDDEN FORBIDDEN PAGE PAGE PAGE"));
        doors.put("POST /builds/walk-student/walk-repo/stop", answers("LOG_IN FORBIDDEN FORBIDDEN FORBIDDEN FORBIDDEN ONWARD"));
        doors.put("POST /repositories/walk-repo/releases/1/rollback", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("POST /tokens", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("POST " + adminsToken, answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("GET /account/password", answers("LOG_IN PAGE PAGE PAGE PAGE PAGE"));
        doors.put("POST /account/password", answers("LOG_IN ONWARD ONWARD ONWARD ONWARD ONWARD"));
        doors.put("GET /api/me", answers("NO_ACCESS PAGE PAGE PAGE PAGE PAGE"));
        // A lesson's self-check: kept for a learner of a class the course was given to (by now every person has
        // joined the math class, which has java-from-zero), refused in words for anyone else.
        doors.put("POST /api/progress", answers("NO_ACCESS PAGE PAGE PAGE PAGE PAGE"));
        doors.put("GET /admin-api/users", MACHINE_ONLY);
        doors.put("POST /admin-api/pause", MACHINE_ONLY);
        doors.put("POST /admin-api/apps/walk-student/walk-repo/rollback", MACHINE_ONLY);
        doors.put("POST /hub-api/apps/wake", MACHINE_ONLY);
        doors.put("POST /hub-api/apps/activity", MACHINE_ONLY);
        doors.put("GET /admin-api/courses", MACHINE_ONLY);
        doors.put("GET /admin-api/classes", MACHINE_ONLY);
        doors.put("GET /admin-api/assignments/none/grades", MACHINE_ONLY);
        doors.put("GET /hub-api/users/walk-student", MACHINE_ONLY);
        doors.put("POST /hub-api/sandboxes/walk-student/stop", MACHINE_ONLY);
        doors.put("GET /hub-api/sandboxes/walk-student", MACHINE_ONLY);
        doors.put("POST /hub-api/sandboxes/walk-student/start", MACHINE_ONLY);
        doors.put("POST /hub-api/sandboxes/walk-student/answering", MACHINE_ONLY);
        doors.put("POST /hub-api/handoff/redeem", MACHINE_ONLY);
        doors.put("POST /admin-api/users", MACHINE_ONLY);
        doors.put("DELETE /admin-api/users/walk-target", MACHINE_ONLY);
        doors.put("POST /admin-api/notices", MACHINE_ONLY);
        doors.put("DELETE /admin-api/notices", MACHINE_ONLY);
        doors.put("GET /admin-api/backup", MACHINE_ONLY);
        doors.put("GET /admin-api/version", MACHINE_ONLY);
        doors.put("GET /admin-api/machines", MACHINE_ONLY);
        doors.put("POST /admin-api/courses", MACHINE_ONLY);
        doors.put("POST /admin-api/courses/java-from-zero/deliver", MACHINE_ONLY);
        doors.put("POST /admin-api/classes", MACHINE_ONLY);
        doors.put("POST /admin-api/classes/" + math.getJoinCode() + "/courses", MACHINE_ONLY);
        doors.put("POST /admin-api/classes/" + math.getJoinCode() + "/students", MACHINE_ONLY);
        doors.put("POST /admin-api/assignments", MACHINE_ONLY);
        doors.put("POST /admin-api/assignments/none/releases", MACHINE_ONLY);

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<Answer>> door : doors.entrySet()) {
            int i = 0;
            for (Map.Entry<String, RequestPostProcessor> person : people.entrySet()) {
                Answer expected = door.getValue().get(i++);
                MockHttpServletResponse response = knock(door.getKey(), math, person.getValue());
                Answer got = answerOf(door.getKey(), response);
                if (got != expected) wrong.add(door.getKey() + " as " + person.getKey() + ": " + got + ", expected " + expected);
                if (got == Answer.PAGE && !door.getKey().equals("GET /login")
                        && String.valueOf(response.getContentType()).startsWith("text/html")) {
                    String bar = barWrong(door.getKey(), person.getKey(), response.getContentAsString());
                    if (bar != null) wrong.add(door.getKey() + " as " + person.getKey() + ": " + bar);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(endpointsNotWalked(doors.keySet())).as("endpoints Spring has registered that the walk knocks on no door of").isEmpty();
        assertThat(repos.reposOf("walk-student")).filteredOn(r -> r.name().equals("walk-repo"))
                .singleElement().satisfies(r -> assertThat(r.isPublic()).as("walk-repo made public by its owner alone").isTrue());
        assertThat(tokens.list("walk-admin")).extracting(GitTokenService.TokenView::name).containsOnly("walk");
    }

    /**
     * What the walk cannot see, as it reads Spring MVC's mappings: other servlets and Actuator's
     * endpoints. Each must be one whose doors a test knocks on, named here; a new one fails until it is.
     */
    @Test
    void everyServletAndActuatorEndpointBesideTheMappingsIsOneWhoseDoorsAreTested(
            @Autowired org.springframework.context.ApplicationContext context,
            @Autowired org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints endpoints) {
        java.util.Set<String> servlets = new java.util.TreeSet<>();
        context.getBeansOfType(org.springframework.boot.web.servlet.ServletRegistrationBean.class).values()
                .forEach(registration -> servlets.addAll(registration.getUrlMappings()));
        assertThat(servlets).as("servlets: / is Spring MVC's (the walk above); learners' git (GitAccessTest, GitLoginTest, "
                + "GitPushTest) and the courses' read-only git (CourseDeliveryIT, GitAccessTest)")
                .containsExactly("/", "/git/*", "/git/courses/*");
        assertThat(endpoints.getAllPaths().stream().map(path -> path.replaceAll("/+", "/")).sorted().toList())
                .as("Actuator's endpoints: MetricsDoorTest knocks on each, from the bridge's port and through the front door")
                .containsExactly("/health", "/metrics");
    }

    /** Each method and path pattern of the application's own mappings that no door of the walk matches. */
    private List<String> endpointsNotWalked(java.util.Set<String> doors) {
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((mapping, handler) -> {
            if (handler.getBeanType().getSimpleName().equals("BasicErrorController")) return;
            java.util.Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            for (RequestMethod method : methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods) {
                for (PathPattern pattern : mapping.getPathPatternsCondition().getPatterns()) {
                    boolean walked = doors.stream().anyMatch(door -> door.startsWith(method + " ")
                            && pattern.matches(PathContainer.parsePath(door.substring(door.indexOf(' ') + 1).replaceFirst("\\?.*", ""))));
                    if (!walked) missing.add(method + " " + pattern + " (" + handler.getBeanType().getSimpleName() + ")");
                }
            }
        });
        return missing.stream().sorted().toList();
    }

    private String snippet(String owner, Visibility visibility) {
        return snippets.create(owner, new SnippetDraft("Walk " + visibility, Language.JAVA, visibility,
                List.of(new SnippetFile("Main.java", "class Main {}\n")))).id();
    }

    /**
     * Every page but the login carries the bar, with the places of the person's role and the page's
     * own place marked; null when it does.
     */
    private static String barWrong(String door, String person, String page) {
        Matcher bar = Pattern.compile("(?s)<nav id=\"box-nav\".*?</nav>").matcher(page);
        if (!bar.find()) return "no navigation bar";
        String links = bar.group();
        boolean signedIn = !person.equals("anonymous");
        boolean teaches = person.contains("teacher") || person.equals("admin");
        Map<String, Boolean> shown = Map.of("nav-login", !signedIn, "nav-snippets", signedIn, "nav-logout", signedIn,
                "nav-classes", teaches, "nav-accounts", person.equals("admin"));
        for (var link : shown.entrySet()) {
            if (links.contains("id=\"" + link.getKey() + "\"") != link.getValue()) {
                return "the bar " + (link.getValue() ? "lacks " : "has ") + link.getKey();
            }
        }
        String path = door.substring(door.indexOf(' ') + 1);
        String place = path.equals("/") ? "nav-dashboard"
                : path.startsWith("/snippets") || path.startsWith("/s/") ? "nav-snippets"
                : path.startsWith("/assignments") ? "nav-assignments"
                : path.matches("/repositories/[^/]+/[^/]+/(files|commits).*")
                        ? (person.equals("student") ? "nav-repositories" : teaches ? "nav-student-repositories" : null)
                : path.startsWith("/repositories") || path.startsWith("/tokens") ? "nav-repositories"
                : path.startsWith("/classes") ? "nav-classes"
                : path.startsWith("/students/repositories") ? "nav-student-repositories"
                : path.startsWith("/apps/moderation") ? "nav-moderation"
                : path.startsWith("/admin/accounts") ? "nav-accounts"
                : path.startsWith("/admin/backups") ? "nav-backups"
                : path.startsWith("/admin/health") ? "nav-health" : null;
        Matcher marked = Pattern.compile("<a id=\"([a-z-]+)\"[^>]*aria-current=\"page\"").matcher(links);
        List<String> current = marked.results().map(m -> m.group(1)).toList();
        List<String> expected = place == null || !signedIn ? List.of() : List.of(place);
        return current.equals(expected) ? null : "the bar marks " + current + ", expected " + expected;
    }

    private MockHttpServletResponse knock(String door, Classroom math, RequestPostProcessor person) throws Exception {
        String[] parts = door.split(" ", 2);
        MockHttpServletRequestBuilder request = parts[0].equals("GET") ? get(parts[1])
                : request(HttpMethod.valueOf(parts[0]), parts[1]).with(csrf());
        if (parts[1].equals("/snippets") || parts[1].endsWith("/edit")) {
            request.param("title", "Walked").param("language", "java").param("visibility", "class")
                    .param("files[0].name", "Main.java").param("files[0].content", "class Main { int n = " + System.nanoTime() + "; }");
        }
        if (parts[1].startsWith("/api/snippets") && !parts[1].endsWith("/fork")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Walked\",\"language\":\"java\","
                    + "\"visibility\":\"class\",\"files\":[{\"name\":\"Main.java\",\"content\":\"class Main {}\"}]}");
        }
        if (parts[1].endsWith("/role")) request.param("role", "student");
        if (parts[1].equals("/report") || parts[1].endsWith("/take-down")) {
            request.param("address", "http://nothing--walk-target.apps.localhost:8001/").param("reason", "It walks.");
        }
        if (parts[1].equals("/admin/accounts")) request.param("name", "walk-made-" + System.nanoTime() % 100000).param("role", "student");
        if (parts[1].equals("/classes")) request.param("name", "Walk class " + System.nanoTime() % 100000);
        if (parts[1].endsWith("/courses")) request.param("course", "java-from-zero");
        if (parts[1].equals("/join")) request.param("code", math.getJoinCode());
        if (parts[1].equals("/repositories")) request.param("name", "walk-made-" + System.nanoTime() % 100000);
        if (parts[1].endsWith("/visibility")) request.param("visibility", "public");
        if (parts[1].equals("/tokens")) request.param("name", "walk");
        if (parts[1].endsWith("/cells")) request.param("notebook", "walk.ipynb").param("gradeId", "walk").param("points", "1");
        if (parts[1].equals("/api/apps")) request.contentType(MediaType.APPLICATION_JSON).content("{\"folder\":\"walk-none\"}");
        if (parts[1].equals("/api/progress")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{\"notebook\":\"courses/java-from-zero/01-values-and-types.ipynb\","
                    + "\"check\":\"the label\",\"passed\":true}");
        }
        return mvc.perform(request.with(person)).andReturn().getResponse();
    }

    private static Answer answerOf(String door, MockHttpServletResponse response) {
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        if (status == 401) return Answer.NO_ACCESS;
        if (status == 403) return Answer.FORBIDDEN;
        if (status == 302 && location != null && location.endsWith("/login")) return Answer.LOG_IN;
        if (status == 302) return Answer.ONWARD;
        if (status == 404) return Answer.MISSING;
        if (status == 422) return Answer.REFUSED;
        if (status / 100 == 2) return Answer.PAGE;
        throw new AssertionError(door + " answered " + status);
    }

    private static List<Answer> answers(String line) {
        return java.util.Arrays.stream(line.split(" ")).map(Answer::valueOf).toList();
    }
}
