package org.learnbox.bridge.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.TestProperties;

class ImagePullsTest {
    @Test
    void onlyANameThatStartsWithARegistryIsEverPulled() {
        assertThat(ImagePulls.fromRegistry("registry.school.example/learnbox/sandbox:latest")).isTrue();
        assertThat(ImagePulls.fromRegistry("nas:5000/learnbox/sandbox:latest")).isTrue();
        assertThat(ImagePulls.fromRegistry("localhost/learnbox/sandbox:latest")).isTrue();
        assertThat(ImagePulls.fromRegistry("learnbox/sandbox:latest")).as("Docker Hub's learnbox is a stranger").isFalse();
        assertThat(ImagePulls.fromRegistry("sandbox:latest")).isFalse();
    }

    @Test
    void theBoxsImagesTakeThePrefixTheSandboxsToo() {
        LearnboxProperties base = TestProperties.of("box", TestProperties.sandbox("learnbox/sandbox-under-test:latest"),
                TestProperties.hub("http://127.0.0.1:9"), TestProperties.courses("/nonexistent"));
        LearnboxProperties fromRegistry = new LearnboxProperties(base.sharedSecret(), base.box(), TestProperties.sandbox(""),
                base.hub(), base.courses(), base.login(), base.sso(), base.snippets(), base.apps(), base.git(), "nas:5000/school");
        assertThat(fromRegistry.image("builder")).isEqualTo("nas:5000/school/builder:latest");
        assertThat(fromRegistry.sandbox().image()).isEqualTo("nas:5000/school/sandbox:latest");
        assertThat(base.sandbox().image()).as("a sandbox image named outright stays").isEqualTo("learnbox/sandbox-under-test:latest");
    }
}
