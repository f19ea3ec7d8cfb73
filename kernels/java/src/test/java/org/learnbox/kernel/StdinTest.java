package org.learnbox.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StdinTest {

    @Test
    void scannerReadsWhatTheLearnerTypes() {
        Execution run = TestKernel.frontend().answering("Ada", "36").execute("""
                Scanner in = new Scanner(System.in);
                String name = in.nextLine();
                int age = Integer.parseInt(in.nextLine());
                System.out.println("Hello " + name + ", next year you are " + (age + 1));""");

        assertThat(run.status()).isEqualTo("ok");
        assertThat(run.stdout()).isEqualTo("Hello Ada, next year you are 37\n");
    }

    @Test
    void bufferedReaderWorksToo() {
        Execution run = TestKernel.frontend().answering("line one").execute(
                "new BufferedReader(new InputStreamReader(System.in)).readLine()");

        assertThat(run.resultText()).isEqualTo("\"line one\"");
    }

    @Test
    void withoutAFrontendThatAcceptsInputTheErrorSaysSo() {
        Execution run = TestKernel.frontend().execute("new Scanner(System.in).nextLine()", false);

        assertThat(run.status()).isEqualTo("error");
        assertThat(run.traceback())
                .contains("InputNotAvailableException")
                .contains("does not accept keyboard input");
    }
}
