package org.learnbox.bridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.TestProperties;
import org.learnbox.bridge.identity.AccountRemoved;

class AppSourcesTest {
    @TempDir Path folder;

    @Test
    void aKeptAppComesBackAsItWasAndGoesWhenForgottenOrItsOwnerIsRemoved() throws Exception {
        AppSources sources = new AppSources(properties());
        AppFiles files = new AppFiles(1_000_000);
        files.add("app.py", "print('hi')\n".getBytes(StandardCharsets.UTF_8));
        files.add("static/style.css", "body {}\n".getBytes(StandardCharsets.UTF_8));
        AppManifest manifest = new AppManifest("hello", AppKind.PYTHON, "python3 app.py", 8080, null, Map.of("GREETING", "hi \"you\""));
        sources.keep("ana", manifest, files);
        sources.keep("ana", new AppManifest("site", AppKind.STATIC, "", 8080), files);
        sources.keep("ben", manifest, files);

        assertThat(sources.all()).hasSize(3);
        AppSources.Kept first = sources.all().getFirst();
        assertThat(first.user()).isEqualTo("ana");
        assertThat(first.manifest()).isEqualTo(manifest);
        assertThat(first.files().names()).containsExactly("app.py", "static/style.css");
        assertThat(first.files().text("app.py")).isEqualTo("print('hi')\n");

        sources.forget("ana", "site");
        sources.onAccountRemoved(new AccountRemoved("ben"));
        assertThat(sources.all()).extracting(AppSources.Kept::user, kept -> kept.manifest().name()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ana", "hello"));
    }

    @Test
    void aKeptAppThatCannotBeReadIsPassedOver() throws Exception {
        AppSources sources = new AppSources(properties());
        AppFiles files = new AppFiles(1_000_000);
        files.add("index.html", "<p>hi</p>".getBytes(StandardCharsets.UTF_8));
        sources.keep("ana", new AppManifest("site", AppKind.STATIC, "", 8080), files);
        Files.createDirectories(folder.resolve("ana/broken"));
        Files.writeString(folder.resolve("ana/broken/manifest.json"), "{not json");
        assertThat(sources.all()).extracting(kept -> kept.manifest().name()).containsExactly("site");
    }

    private LearnboxProperties properties() {
        LearnboxProperties base = TestProperties.of("box", TestProperties.sandbox("none"), TestProperties.hub("http://127.0.0.1:9"),
                TestProperties.courses("/nonexistent"));
        LearnboxProperties.Apps apps = base.apps();
        return new LearnboxProperties(base.sharedSecret(), base.box(), base.sandbox(), base.hub(), base.courses(), base.login(),
                base.sso(), base.snippets(), new LearnboxProperties.Apps(apps.domain(), apps.gatewayPort(), apps.gatewayUrlForBridge(),
                        apps.network(), apps.cpus(), apps.memory(), apps.pids(), apps.maxPerUser(), apps.maxSize(), apps.maxTotalMemory(),
                        apps.idleTimeout(), apps.startTimeout(), apps.requestsPerMinute(), folder.toString()),
                base.git(), base.images());
    }
}
