package org.learnbox.bridge.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LessonChecksTest {
    private static byte[] notebook(String... codeCells) {
        StringBuilder cells = new StringBuilder();
        for (String code : codeCells) {
            if (!cells.isEmpty()) cells.append(',');
            cells.append("{\"cell_type\":\"code\",\"metadata\":{},\"outputs\":[],\"source\":")
                    .append(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(code)).append('}');
        }
        return ("{\"cells\":[" + cells + ",{\"cell_type\":\"markdown\",\"source\":\"check(\\\"not code\\\", 1, 1)\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBundledLessonsChecksAreTheNamesItsCodeCellsGiveCheck() throws Exception {
        byte[] lesson = Files.readAllBytes(Path.of("../course-content/python-from-zero/03-conditions.ipynb"));
        assertThat(LessonChecks.namesIn(lesson))
                .containsExactly("14 is \"even\"", "someone aged 70 pays 6", "a 9-year-old who is 150 cm tall cannot ride");
        byte[] javaLesson = Files.readAllBytes(Path.of("../course-content/java-from-zero/03-conditions.ipynb"));
        assertThat(LessonChecks.namesIn(javaLesson)).contains("evenOrOdd(4)", "ticketPrice(65)").doesNotHaveDuplicates();
    }

    @Test
    void onlyLiteralNamesOfCodeCellsCountOnceEachAndLongOnesNever() {
        String longName = "x".repeat(LessonChecks.LONGEST_NAME + 1);
        byte[] lesson = notebook("check('single', a, 1)\ncheck(\"say \\\"hi\\\"\", b, 2)\ncheck('single', a, 1)",
                "check(f\"made {n}\", n, 3)\nmycheck(\"not ours\", 1, 1)\nself.check(\"a method\", 1, 1)",
                "check(\"" + longName + "\", 1, 1)");
        assertThat(LessonChecks.namesIn(lesson)).containsExactly("single", "say \"hi\"");
    }

    @Test
    void aFileThatIsNoNotebookHasNoChecks() {
        assertThat(LessonChecks.namesIn("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(LessonChecks.namesIn("{\"cells\": 3}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
