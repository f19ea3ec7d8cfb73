package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An assignment through the running box: imported from a git repository (its tests run against the
 * teacher's solution in grading containers), released to a class, delivered into the students'
 * labs, filled in, submitted with {@code learnbox submit} from the sandbox, graded in throwaway
 * containers to exact points, feedback in the home, and nbgrader's grades.csv from the box script.
 */
@ExtendWith(RunningBox.class)
class AssignmentE2EIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ID = "e2e-ps1";
    private final RunningBox box = RunningBox.get();

    @TempDir Path teacher;

    private static void awaitFile(Learner learner, String path) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (learner.server("GET", "/api/contents/" + path + "?content=0", null).statusCode() != 200) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError(path + " did not reach " + learner.name);
            Thread.sleep(500);
        }
    }

    /** The notebook with the source of the cell named {@code gradeId} replaced, as a student types an answer. */
    private static String answered(String notebook, String gradeId, String code) {
        JsonNode json = JSON.readTree(notebook);
        for (JsonNode cell : json.get("cells")) {
            if (cell.path("metadata").path("nbgrader").path("grade_id").asString("").equals(gradeId)) {
                ((ObjectNode) cell).put("source", code);
                return JSON.writeValueAsString(json);
            }
        }
        throw new AssertionError("no cell " + gradeId);
    }

    @Test
    void aClassGetsAnAssignmentSubmitsItFromTheSandboxAndTheTeacherExportsExactPoints() throws Exception {
        Path source = teacher.resolve("ps1");
        Files.createDirectories(source);
        Path examples = RunningBox.projectRoot().resolve("hub-bridge/src/test/resources/assignments/ps1");
        for (String name : new String[] {"squares-python.ipynb", "squares-java.ipynb"}) {
            Files.copy(examples.resolve(name), source.resolve(name));
        }
        Files.writeString(source.resolve("assignment.yaml"), Files.readString(examples.resolve("assignment.yaml"))
                .replace("id: ps1", "id: " + ID).replaceAll("due: .*", "due: 2099-01-15T23:59:00+08:00"));
        Shell git = new Shell(teacher, java.util.Map.of());
        git.run("bash", "-c", "cd ps1 && git init -q -b main && git add -A && git -c user.name=T -c user.email=t@x commit -qm ps1"
                + " && cd .. && git clone -q --bare ps1 ps1.git && git -C ps1.git update-server-info").requireSuccess();
        HttpServer files = SimpleFileServer.createFileServer(new InetSocketAddress("0.0.0.0", 0), teacher, SimpleFileServer.OutputLevel.NONE);
        files.start();
        try {
            String url = "http://host.docker.internal:" + files.getAddress().getPort() + "/ps1.git";
            assertThat(box.box(null, "assignment", "import", url).requireSuccess().stdout()).contains("imported " + ID);
        } finally {
            files.stop(0);
        }

        String teacherPassword = box.addUser("mr-abe", "teacher");
        String code = Classes.make(box, new Learner(box, "mr-abe"), teacherPassword, "Class 10A");
        Learner lin = new Learner(box, "lin-a");
        String linPassword = box.addUser("lin-a");
        lin.logIn(linPassword);
        Classes.join(lin, code);
        Learner kai = new Learner(box, "kai-a");
        String kaiPassword = box.addUser("kai-a");
        kai.logIn(kaiPassword);
        Classes.join(kai, code);
        lin.awaitLab();
        kai.awaitLab();

        assertThat(box.box(null, "assignment", "release", ID, code, "--due", "2099-02-01T12:00:00Z").requireSuccess().stdout())
                .contains(ID, "Class 10A");
        String python = "assignments/" + ID + "/squares-python.ipynb";
        String java = "assignments/" + ID + "/squares-java.ipynb";
        awaitFile(lin, python);
        awaitFile(lin, java);
        awaitFile(kai, python);
        assertThat(lin.readFile(python)).doesNotContain("BEGIN SOLUTION", "squares(11)");

        // Lin: all of Python right (3 points), Java's squares right and its sum wrong (2 of 3).
        lin.writeFile(python, answered(answered(lin.readFile(python), "squares", """
                def squares(n):
                    if n < 1:
                        raise ValueError("n must be at least 1")
                    return [i * i for i in range(1, n + 1)]
                """), "sum_of_squares", "def sum_of_squares(n):\n    return sum(squares(n))\n"));
        lin.writeFile(java, answered(answered(lin.readFile(java), "squares", """
                int[] squares(int n) {
                    if (n < 1) throw new IllegalArgumentException("n must be at least 1");
                    int[] result = new int[n];
                    for (int i = 1; i <= n; i++) result[i - 1] = i * i;
                    return result;
                }
                """), "sum_of_squares", "int sumOfSquares(int n) { return 0; }\n"));

        Shell.Result validated = box.inSandbox("lin-a", "learnbox validate " + ID);
        assertThat(validated.stdout()).as(validated.stderr()).contains("4 of 5 tests you can see pass", "does not pass yet");

        Shell.Result submitted = box.inSandbox("lin-a", "learnbox submit " + ID);
        assertThat(submitted.exitCode()).as(submitted.stderr()).isZero();
        assertThat(submitted.stdout()).contains("score: 5 of 10", "correct_sum_of_squares", "feedback: ~/assignments/" + ID + "/feedback/");
        awaitFile(lin, "assignments/" + ID + "/feedback/squares-java.ipynb");
        assertThat(lin.readFile("assignments/" + ID + "/feedback/squares-python.ipynb")).contains("\"execution_count\"", "squares(11)");

        // Kai submits the notebooks as they came: nothing passes.
        assertThat(box.inSandbox("kai-a", "learnbox submit " + ID).stdout()).contains("score: 0 of 10");
        Shell.Result stranger = box.inSandbox("kai-a", "learnbox submit no-such-assignment");
        assertThat(stranger.exitCode()).isNotZero();
        assertThat(stranger.stderr()).contains("None of your classes has the assignment 'no-such-assignment'.");

        String csv = box.box(null, "assignment", "grades", ID, "--csv").requireSuccess().stdout();
        assertThat(csv).startsWith("assignment,duedate,timestamp,student_id,last_name,first_name,email,raw_score,late_submission_penalty,score,max_score")
                .containsPattern(ID + ",2099-02-01T12:00:00Z,[^,]+,kai-a,,,,0,0,0,10")
                .containsPattern(ID + ",2099-02-01T12:00:00Z,[^,]+,lin-a,,,,5,0,5,10");
        // What grading leaves: only containers made ahead, waiting for the next submission; each used one is removed.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!box.docker("ps", "-aq", "--filter", "label=org.learnbox.role=grader", "--filter", "status=exited").stdout().isBlank()) {
            assertThat(System.nanoTime()).as("every used grading container is removed within 30 s").isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(box.docker("ps", "-q", "--filter", "label=org.learnbox.role=grader").stdout().strip().lines())
                .as("at most one per grader of each kind (Python, Java) made ahead, no more")
                .hasSizeBetween(1, 2 * Runtime.getRuntime().availableProcessors());

        walkInChromium(teacherPassword, kaiPassword);
    }

    /** The element once the page that has it is loaded and shows it: a click's page may still be on its way. */
    private static WebElement shown(WebDriver browser, By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    /**
     * The same assignment in Chromium: the teacher's tab, gradebook and a submission where they give
     * the points of a cell graded by hand; a student submits with the page's button and reads the score.
     */
    private void walkInChromium(String teacherPassword, String kaiPassword) throws Exception {
        WebDriver teacher = Chromium.open();
        try {
            Chromium.logInToDashboard(teacher, box, "mr-abe", teacherPassword);
            teacher.findElement(By.id("nav-classes")).click();
            shown(teacher, By.linkText("Class 10A")).click();
            shown(teacher, By.id("class-assignments")).click();
            shown(teacher, By.id("releases"));
            teacher.findElement(By.id("folder")).sendKeys("work/no-such-folder");
            teacher.findElement(By.id("folder")).submit();
            assertThat(shown(teacher, By.cssSelector("div.error")).getText()).contains("The assignment was not imported");
            assertThat(teacher.findElement(By.id("folder")).getAttribute("value")).isEqualTo("work/no-such-folder");
            Chromium.screenshot(teacher, "16a-teacher-assignments-tab.png");

            teacher.findElement(By.cssSelector("#release-" + ID + " a")).click();
            WebElement book = shown(teacher, By.id("gradebook"));
            assertThat(book.findElement(By.id("grade-lin-a")).getText()).contains("5 / 10");
            assertThat(book.findElement(By.id("grade-kai-a")).getText()).contains("0 / 10");
            Chromium.screenshot(teacher, "16b-teacher-gradebook.png");

            book.findElement(By.cssSelector("#grade-lin-a a")).click();
            WebElement points = shown(teacher, By.id("points-overflow_answer"));
            points.sendKeys("1");
            teacher.findElement(By.id("comment-overflow_answer")).sendKeys("Right: 46341 squared passes 2^31 - 1.");
            points.submit();
            new WebDriverWait(teacher, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".score"), "6 of 10"));
            Chromium.screenshot(teacher, "16c-teacher-submission.png");
            teacher.get(box.url(teacher.getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("/submissions/.*", "") + "?lang=zh-CN"));
            shown(teacher, By.id("gradebook"));
            new WebDriverWait(teacher, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "重新评分"));
            assertThat(teacher.findElement(By.tagName("body")).getText()).contains("重新评分", "下载 grades.csv");
            Chromium.screenshot(teacher, "16d-zh-teacher-gradebook.png");
        } finally {
            teacher.quit();
        }

        WebDriver student = Chromium.open();
        try {
            Chromium.logInToLab(student, box, "kai-a", kaiPassword);
            Chromium.openUntil(student, box.url("/assignments"), By.id("my-assignments"));
            assertThat(student.findElement(By.id("assignment-" + ID)).getText()).contains("0 / 10", "Class 10A");
            Chromium.screenshot(student, "16e-student-assignments.png");
            student.findElement(By.cssSelector("#assignment-" + ID + " th a")).click();
            shown(student, By.cssSelector("#submit button")).click();
            assertThat(shown(student, By.cssSelector("p.notice")).getText()).contains("Submitted: " + ID + " is being graded");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (student.findElements(By.cssSelector(".score")).isEmpty()) {
                if (Instant.now().isAfter(deadline)) throw new AssertionError("no score shown:\n" + student.getPageSource());
                Thread.sleep(500);
                student.navigate().refresh();
            }
            assertThat(student.findElement(By.cssSelector(".score")).getText()).contains("0 of 10 points");
            assertThat(student.findElement(By.tagName("body")).getText()).contains("correct_squares", "NotImplementedError", "Earlier submissions");
            Chromium.screenshot(student, "16f-student-feedback.png");
        } finally {
            student.quit();
        }
    }
}
