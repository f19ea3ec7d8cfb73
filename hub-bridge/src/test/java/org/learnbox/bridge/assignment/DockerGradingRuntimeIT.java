package org.learnbox.bridge.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.learnbox.bridge.assignment.NotebookFixture.JSON;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.TestProperties;
import org.testcontainers.DockerClientFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The example assignment graded in real containers of learnbox/sandbox:latest: right, partly
 * right and wrong submissions to exact points, and hostile ones that get exactly the points of
 * what passes and leave no container behind.
 */
class DockerGradingRuntimeIT {
    private static final String BOX = "grading-it";
    private static final String SQUARES = """
            def squares(n):
                if n < 1:
                    raise ValueError("n must be at least 1")
                return [i ** 2 for i in range(1, n + 1)]
            """;
    private static final String SQUARES_NO_CHECK = """
            def squares(n):
                return [i ** 2 for i in range(1, n + 1)]
            """;
    private static final String SUM = """
            def sum_of_squares(n):
                return sum(squares(n))
            """;

    private static NotebookGrading python;
    private static NotebookGrading java;
    private static byte[] pythonRelease;
    private static byte[] javaRelease;

    private final DockerClient docker = DockerClientFactory.instance().client();
    private final LearnboxProperties properties = TestProperties.of(BOX, TestProperties.sandbox("learnbox/sandbox:latest"),
            TestProperties.hub("http://127.0.0.1:9/hub/api"), TestProperties.courses("data/courses"));
    private final DockerGradingRuntime runtime = new DockerGradingRuntime(docker, properties);
    private final Grader grader = new Grader(runtime, new GradingLimits(Duration.ofSeconds(10), Duration.ofSeconds(90), 1.0, 768L * 1024 * 1024, 128));

    @BeforeAll
    static void read() {
        AssignmentSource ps1 = AssignmentSource.open(NotebookFixture.PS1);
        python = ps1.grading().get("squares-python.ipynb");
        java = ps1.grading().get("squares-java.ipynb");
        pythonRelease = ps1.release().get("squares-python.ipynb");
        javaRelease = ps1.release().get("squares-java.ipynb");
    }

    @AfterEach
    void noContainerIsLeft() {
        runtime.close();
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("org.learnbox.box", BOX)).exec()).isEmpty();
    }

    @Test
    void thePythonSolutionEarnsEveryAutogradedPointAndTheManualCellsAwaitTheTeacher() {
        GradedNotebook graded = grader.grade(python, python(SQUARES, SUM));

        assertThat(graded.score()).isEqualTo(3.0);
        assertThat(graded.maxScore()).isEqualTo(6.0);
        assertThat(graded.cells()).extracting(CellGrade::points).containsExactly(1.0, 1.0, 1.0, null, null);
        assertThat(outputsOf(graded, "correct_squares")).isEmpty();
        assertThat(JSON.readTree(graded.gradedNotebook()).get("cells").get(3).get("execution_count").asInt()).isPositive();
    }

    @Test
    void aPartlyRightAndAWrongPythonSubmissionEarnExactlyWhatPasses() {
        GradedNotebook partly = grader.grade(python, python(SQUARES_NO_CHECK, SUM));
        assertThat(partly.cells()).extracting(CellGrade::status).startsWith(CellStatus.OK, CellStatus.ERROR, CellStatus.OK);
        assertThat(partly.cells().get(1).error()).isEqualTo("AssertionError: squares(0) did not raise a ValueError");
        assertThat(partly.score()).isEqualTo(2.0);

        GradedNotebook wrong = grader.grade(python, python("def squares(n):\n    return []\n", "def sum_of_squares(n):\n    return 0\n"));
        assertThat(wrong.score()).isZero();
        assertThat(grader.grade(python, pythonRelease).score()).as("the release as it came, stubs and all").isZero();
    }

    @Test
    void theJavaSolutionAPartlyRightAndAWrongOneEarnExactlyWhatPasses() {
        String squares = """
                int[] squares(int n) {
                    if (n < 1) throw new IllegalArgumentException("n must be at least 1");
                    int[] result = new int[n];
                    for (int i = 1; i <= n; i++) result[i - 1] = i * i;
                    return result;
                }
                """;
        GradedNotebook solution = grader.grade(java, java(squares, "int sumOfSquares(int n) {\n    return java.util.Arrays.stream(squares(n)).sum();\n}\n"));
        assertThat(solution.score()).isEqualTo(3.0);
        assertThat(solution.cells()).extracting(CellGrade::points).containsExactly(2.0, 1.0, null);

        GradedNotebook partly = grader.grade(java, java(squares, "int sumOfSquares(int n) {\n    return 0;\n}\n"));
        assertThat(partly.score()).isEqualTo(2.0);
        assertThat(partly.cells().get(1).error()).contains("AssertionError").contains("sumOfSquares(3)");

        assertThat(grader.grade(java, javaRelease).score()).isZero();
    }

    @Test
    void aContainerMadeAheadGradesTheNextSubmissionAloneAndGoesAfter() {
        assertThat(grader.grade(python, python(SQUARES, SUM)).score()).isEqualTo(3.0);
        String ahead = waitingGrader();

        GradedNotebook partly = grader.grade(python, python(SQUARES_NO_CHECK, SUM));
        assertThat(partly.score()).isEqualTo(2.0);
        awaitGone(ahead);
        assertThat(waitingGrader()).as("another made ahead for the submission after").isNotEqualTo(ahead);
    }

    @Test
    void aContainerMadeAheadThatEndedIsNotUsedAndTheSubmissionIsStillGraded() {
        assertThat(grader.grade(python, python(SQUARES, SUM)).score()).isEqualTo(3.0);
        docker.killContainerCmd(waitingGrader()).exec();

        assertThat(grader.grade(python, python(SQUARES, SUM)).score()).isEqualTo(3.0);
    }

    @Test
    void theAssignmentsFilesAreBesideTheNotebookAsTheLearnersOwnAndOnlyThere() {
        String readsItsData = """
                import os
                with open('data/first.txt') as file:
                    FIRST = int(file.read())
                assert os.stat('data/first.txt').st_uid == 1000, 'the file belongs to the learner'
                def squares(n):
                    if n < 1:
                        raise ValueError("n must be at least 1")
                    return [i ** 2 for i in range(FIRST, n + 1)]
                """;
        NotebookGrading withData = python.withFiles(Map.of("data/first.txt", "1".getBytes(UTF_8)));

        GradedNotebook with = grader.grade(withData, python(readsItsData, SUM));
        assertThat(with.score()).as(outputsOf(with, "squares")).isEqualTo(3.0);
        GradedNotebook without = grader.grade(python, python(readsItsData, SUM));
        assertThat(without.score()).as("no file, no squares").isZero();
        assertThat(outputsOf(without, "squares")).contains("FileNotFoundError");
    }

    @Test
    void anEndlessLoopRunsOutOfItsTimeAndTheCellsAfterItEarnNothing() {
        GradedNotebook graded = grader.grade(python, python(SQUARES, "while True:\n    pass\n"));

        assertThat(graded.cells()).extracting(CellGrade::status)
                .containsExactly(CellStatus.OK, CellStatus.OK, CellStatus.NOT_RUN, CellStatus.NOT_CODE, CellStatus.NOT_CODE);
        assertThat(graded.score()).isEqualTo(2.0);

        GradedNotebook inJava = grader.grade(java, java("int[] squares(int n) {\n    while (true) {}\n}\n",
                "int sumOfSquares(int n) {\n    return 14;\n}\n"));
        assertThat(inJava.cells()).extracting(CellGrade::status).containsExactly(CellStatus.TIMEOUT, CellStatus.NOT_RUN, CellStatus.NOT_CODE);
        assertThat(inJava.score()).isZero();
    }

    @Test
    void aForkBombFillsOnlyItsOwnContainerAndTheTestsStillPass() {
        String bomb = SUM + """
                import os
                if os.fork() == 0:
                    while True:
                        try:
                            os.fork()
                        except OSError:
                            pass
                """;
        GradedNotebook graded = grader.grade(python, python(SQUARES, bomb));

        assertThat(graded.score()).isEqualTo(3.0);
    }

    @Test
    void readingTheRootTheTestsAndTheRunnerIsDeniedAndChangesNoPoints() {
        String snoop = SQUARES + """
                import os
                print(sorted(os.listdir('/')))
                for path in ['/grade/notebook.ipynb', '/grade/out/result.json', '/proc/1/environ']:
                    try:
                        print(open(path).read()[:300])
                    except Exception as e:
                        print('DENIED', path, type(e).__name__)
                try:
                    print(os.listdir('/grade'))
                except Exception as e:
                    print('DENIED /grade', type(e).__name__)
                """;
        GradedNotebook graded = grader.grade(python, python(snoop, SUM));

        assertThat(graded.score()).isEqualTo(3.0);
        String printed = outputsOf(graded, "squares");
        assertThat(printed).contains("'grade'", "'home'")
                .contains("DENIED /grade/notebook.ipynb PermissionError", "DENIED /grade/out/result.json PermissionError",
                        "DENIED /proc/1/environ PermissionError", "DENIED /grade PermissionError")
                .doesNotContain("squares(11)").doesNotContain("HIDDEN");
    }

    @Test
    void noNetworkReachesTheCodeAndItsTestsStillCount() {
        String reach = SQUARES + """
                import socket, urllib.request
                for host in [('1.1.1.1', 80), ('host.docker.internal', 8090)]:
                    try:
                        socket.create_connection(host, timeout=2)
                        print('REACHED', host)
                    except OSError as e:
                        print('NO NETWORK', host[0])
                """;
        GradedNotebook graded = grader.grade(python, python(reach, SUM));

        assertThat(graded.score()).isEqualTo(3.0);
        assertThat(outputsOf(graded, "squares")).contains("NO NETWORK 1.1.1.1", "NO NETWORK host.docker.internal").doesNotContain("REACHED");
    }

    @Test
    void aFileMadeToLookLikeAGradeCountsForNothing() {
        String forge = SQUARES_NO_CHECK + """
                import json
                fake = {"format": "learnbox-grade/1", "kernel": "python3", "kernel_started": True, "cells": []}
                for path in ['/grade/out/result.json', '/grade/result.json', 'result.json', '/tmp/result.json']:
                    try:
                        with open(path, 'w') as f:
                            json.dump(fake, f)
                        print('WROTE', path)
                    except Exception as e:
                        print('DENIED', path, type(e).__name__)
                print(json.dumps(fake))
                """;
        GradedNotebook graded = grader.grade(python, python(forge, SUM));

        assertThat(graded.score()).isEqualTo(2.0);
        assertThat(outputsOf(graded, "squares")).contains("DENIED /grade/out/result.json PermissionError", "DENIED /grade/result.json PermissionError");
    }

    @Test
    void megabytesOfOutputAreCutAndTheTestsStillCount() {
        String loud = SQUARES + "print('x' * 5_000_000)\nfor i in range(200_000):\n    print(i)\n";
        GradedNotebook graded = grader.grade(python, python(loud, SUM));

        assertThat(graded.score()).isEqualTo(3.0);
        assertThat(graded.gradedNotebook().length).isLessThan(2 * 1024 * 1024);
        assertThat(outputsOf(graded, "squares")).contains("[learnbox: ").contains("bytes of output left out");
    }

    @Test
    void deletedTestsEarnNothingAndTestsTheCodeTriesToDeleteStillRun() {
        ObjectNode submission = (ObjectNode) JSON.readTree(python(SQUARES, SUM));
        ArrayNode cells = (ArrayNode) submission.get("cells");
        for (int i = cells.size() - 1; i >= 0; i--) {
            String gradeId = cells.get(i).path("metadata").path("nbgrader").path("grade_id").asString("");
            if (gradeId.equals("correct_squares") || gradeId.equals("squares_invalid_input")) cells.remove(i);
        }
        GradedNotebook deleted = grader.grade(python, JSON.writeValueAsBytes(submission));
        assertThat(deleted.cells()).extracting(CellGrade::status).startsWith(CellStatus.MISSING, CellStatus.MISSING, CellStatus.OK);
        assertThat(deleted.score()).isEqualTo(1.0);

        String remove = "def squares(n):\n    return []\n" + """
                import os
                for path in ['/grade/notebook.ipynb', '/grade']:
                    try:
                        os.remove(path)
                    except Exception as e:
                        print('DENIED', path, type(e).__name__)
                """;
        GradedNotebook tried = grader.grade(python, python(remove, SUM));
        assertThat(tried.cells()).extracting(CellGrade::status).startsWith(CellStatus.ERROR, CellStatus.ERROR, CellStatus.ERROR);
        assertThat(tried.score()).isZero();
        assertThat(outputsOf(tried, "squares")).contains("DENIED /grade/notebook.ipynb PermissionError");
    }

    /** The one grading container running, made ahead (its kernel waits), once it is there. */
    private String waitingGrader() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var running = docker.listContainersCmd().withLabelFilter(Map.of("org.learnbox.box", BOX)).exec();
            if (running.size() == 1 && runtime.waitingAhead() == 1) return running.get(0).getId();
            pause();
        }
        throw new AssertionError("no grading container was made ahead within 60 s");
    }

    private void awaitGone(String container) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(container)).exec().size() > 0) {
            if (System.nanoTime() > deadline) throw new AssertionError("the used grading container " + container + " was not removed");
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50); // between two looks at the engine, within the deadline
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The Python release with its two answers written. */
    private static byte[] python(String squares, String sumOfSquares) {
        return answered(pythonRelease, Map.of("squares", squares, "sum_of_squares", sumOfSquares));
    }

    private static byte[] java(String squares, String sumOfSquares) {
        return answered(javaRelease, Map.of("squares", squares, "sum_of_squares", sumOfSquares));
    }

    private static byte[] answered(byte[] release, Map<String, String> answers) {
        ObjectNode notebook = (ObjectNode) JSON.readTree(release);
        for (JsonNode cell : notebook.get("cells")) {
            String answer = answers.get(cell.path("metadata").path("nbgrader").path("grade_id").asString(""));
            if (answer != null) SourceNotebook.setSource((ObjectNode) cell, answer);
        }
        return JSON.writeValueAsBytes(notebook);
    }

    /** Every output text of the graded cell named {@code gradeId}, as one text. */
    private static String outputsOf(GradedNotebook graded, String gradeId) {
        StringBuilder text = new StringBuilder();
        for (JsonNode cell : JSON.readTree(graded.gradedNotebook()).get("cells")) {
            if (!cell.path("metadata").path("nbgrader").path("grade_id").asString("").equals(gradeId)) continue;
            for (JsonNode output : cell.path("outputs")) {
                text.append(SourceNotebook.text(output.path("text"))).append(output.path("ename").asString("")).append(' ')
                        .append(output.path("evalue").asString("")).append('\n');
            }
        }
        return text.toString();
    }
}
