package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The box on a simulated NAS: a nested Docker engine with compose and nothing else (no apt, dpkg,
 * JDK, Maven, debootstrap, curl or bash), given the bundle file and nothing else, set up by the
 * README's steps word for word, then used from outside through its published ports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NasE2EIT {
    private static final int OFFSET = 10_000; // the NAS's box answers on 28000 (and its apps on 28001)
    /** The schema this LearnBox writes, and the one the next bundle (made on the NAS, one migration more) writes. */
    private static final String SCHEMA = org.learnbox.bridge.config.BoxVersion.newestSchema().getVersion();
    private static final String NEXT_SCHEMA = String.valueOf(Integer.parseInt(SCHEMA) + 1);
    private final Shell host = NestedEngines.hostShell();
    private Path dist;
    private String bundleName;
    private NestedEngines.Engine nas;
    private RunningBox box;
    private String installed;
    private Learner ana;
    private AppClient apps;

    @BeforeAll
    void aBundleAndANasWithNothingButIt() throws Exception {
        dist = RunningBox.projectRoot().resolve("hub-bridge/target/nas-dist");
        host.run(Duration.ofMinutes(1), null, "rm", "-rf", dist.toString());
        Shell bundling = new Shell(RunningBox.projectRoot(), Map.of("LEARNBOX_DIST", dist.toString()));
        bundling.run(Duration.ofMinutes(20), null, "./box", "bundle").requireSuccess();
        try (Stream<Path> files = Files.list(dist)) {
            bundleName = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".tar"))
                    .findFirst().orElseThrow();
        }
        nas = NestedEngines.start(host, "lbnas", List.of("-v", dist + ":/volume1/incoming:ro",
                "-p", (RunningBox.PORT + OFFSET) + ":" + (RunningBox.PORT + OFFSET),
                "-p", (RunningBox.APPS_PORT + OFFSET) + ":" + (RunningBox.APPS_PORT + OFFSET)));
    }

    @AfterAll
    void removeTheNasAndTheBundle() {
        if (nas != null) nas.close();
        host.run(Duration.ofMinutes(1), null, "rm", "-rf", dist.toString());
    }

    @Test
    @Order(1)
    void theReadmesStepsInstallTheBoxFromTheBundleWithDockerAlone() throws Exception {
        assertThat(nas.sh("for tool in apt-get dpkg java javac mvn debootstrap curl bash; do command -v $tool; done; true")
                .stdout()).as("the NAS has none of these").isBlank();
        assertThat(nas.sh("docker images -q").stdout()).as("and no image").isBlank();

        Shell.Result steps = nas.sh(readmeSteps());
        assertThat(steps.exitCode()).as(steps.stdout() + steps.stderr()).isZero();
        installed = steps.stdout();
        Matcher password = Pattern.compile("password: (\\S+)").matcher(installed);
        assertThat(password.find()).as("the init's log shows the admin's password:\n" + installed).isTrue();
        box = RunningBox.reachedAt(host, password.group(1), "learnbox", OFFSET);
        awaitFrontDoor();

        var loggedIn = new Learner(box, "admin").logInWithoutFollowing(box.adminPassword);
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(nas.sh("docker compose exec -T bridge learnbox version").requireSuccess().stdout()).startsWith("LearnBox ");
    }

    @Test
    @Order(2)
    void aLearnerRunsPythonAndJavaPublishesAnAppAndPushesAnother() throws Exception {
        nas.sh("echo 'nas-learner-password' | docker compose exec -T bridge learnbox user add ana --password-stdin").requireSuccess();
        ana = new Learner(box, "ana");
        ana.logInToLab("nas-learner-password");
        try (KernelSession python = ana.startKernel("python3")) {
            assertThat(python.execute("print(6 * 7)", Duration.ofMinutes(2)).stdout()).isEqualTo("42\n");
        }
        try (KernelSession java = ana.startKernel("java")) {
            assertThat(java.execute("System.out.println(6 * 7);", Duration.ofMinutes(3)).stdout()).isEqualTo("42\n");
        }

        apps = new AppClient(box);
        ana.writeFile("hello/app.py", GitDeployE2EIT.PYTHON_APP.replace("VERSION", "published on the NAS"));
        apps.publish(ana, "hello");
        assertThat(apps.fetch("hello--ana", "/").body()).isEqualTo("Python published on the NAS");

        GitClient git = new GitClient(box);
        Path project = git.project("pushed", Map.of("app.py", GitDeployE2EIT.PYTHON_APP.replace("VERSION", "pushed to the NAS")));
        assertThat(git.commitAndPush(project, "ana", "nas-learner-password", "pushed", "first"))
                .contains("remote: pushed is live at");
        assertThat(apps.fetch("pushed--ana", "/").body()).isEqualTo("Python pushed to the NAS");
    }

    @Test
    @Order(3)
    void aBundleCutShortOrForAnotherCpuIsRefusedInWordsAndChangesNothing() {
        String imagesBefore = nas.sh("docker images -q | sort").stdout();
        Shell.Result cut = nas.sh("head -c 300000000 /volume1/incoming/" + bundleName + " > /tmp/cut.tar"
                + " && sh learnbox-install.sh /tmp/cut.tar; status=$?; rm -f /tmp/cut.tar; exit $status");
        assertThat(cut.exitCode()).isEqualTo(1);
        assertThat(cut.stderr()).contains("/tmp/cut.tar is cut short or damaged (tar cannot read it to its end): copy it again.",
                "Nothing was changed.");
        assertThat(nas.sh("docker images -q | sort").stdout()).isEqualTo(imagesBefore);

        // A bundle for another CPU: one of the NAS's images, its configuration saying arm64 (as a Raspberry Pi's would).
        Shell.Result foreign = nas.sh("""
                set -e
                rm -rf /tmp/arm && mkdir /tmp/arm && cd /tmp/arm
                docker save learnbox/app-static:latest | tar -xf -
                tar -xf /volume1/incoming/BUNDLE bundle.json
                for config in $(tr ',' '\\n' < manifest.json | sed -n 's/.*"Config": *"\\([^"]*\\)".*/\\1/p'); do
                  sed -i 's/"architecture":"amd64"/"architecture":"arm64"/' "$config"
                done
                tar -cf /tmp/arm.tar *
                cd /volume1/learnbox && sh learnbox-install.sh /tmp/arm.tar || { status=$?; rm -rf /tmp/arm /tmp/arm.tar; exit $status; }
                """.replace("BUNDLE", bundleName));
        assertThat(foreign.exitCode()).as(foreign.stdout() + foreign.stderr()).isEqualTo(1);
        assertThat(foreign.stderr()).contains("this bundle's images are made for arm64 CPUs and this machine is amd64",
                "Nothing was changed.");
        assertThat(nas.sh("docker images -q | sort").stdout()).isEqualTo(imagesBefore);
        assertThat(nas.sh("docker compose ps --services --status running").stdout()).contains("bridge", "hub", "proxy", "gateway");
    }

    @Test
    @Order(4)
    void anUpgradeKeepsEverythingAndTheOlderBundleIsThenRefusedInWords() throws Exception {
        ana.writeFile("kept/notes.txt", "written before the upgrade");
        String server = "docker ps -q --no-trunc --filter label=org.learnbox.user=ana --filter label=org.learnbox.role=sandbox";
        String serverBefore = nas.sh(server).requireSuccess().stdout();
        assertThat(serverBefore).as("ana's server runs").isNotBlank();
        // Bundle N+1, made on the NAS from what it runs: the bridge with one more migration and another version label,
        // the hub with another label (so the hub and the proxy are made again too), gzipped as ./box bundle --gzip writes it.
        nas.sh(nextBundle()).requireSuccess();
        Shell.Result upgraded = nas.sh("sh learnbox-install.sh /volume1/next/learnbox-next.tar.gz");
        assertThat(upgraded.exitCode()).as(upgraded.stdout() + upgraded.stderr()).isZero();
        assertThat(nas.sh("docker compose exec -T bridge learnbox version").requireSuccess().stdout()).contains("database schema " + NEXT_SCHEMA);
        assertThat(nas.sh("docker inspect -f '{{index .Config.Labels \"org.opencontainers.image.version\"}}' learnbox-hub-1 learnbox-proxy-1")
                .requireSuccess().stdout()).isEqualTo("next\nnext\n");
        awaitFrontDoor();

        // A learner's server outlives the upgrade: the new hub finds it running, and the new proxy routes to it.
        assertThat(nas.sh(server).requireSuccess().stdout()).as("ana's server is the one from before").isEqualTo(serverBefore);
        Learner again = new Learner(box, "ana");
        again.logInToLab("nas-learner-password");
        assertThat(again.readFile("kept/notes.txt")).isEqualTo("written before the upgrade");
        // Her lab, open through it, is told: it asks the box for its notices.
        HttpResponse<String> notices = box.http.send(HttpRequest.newBuilder(URI.create(box.url("/notices"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notices.body()).contains("LearnBox was upgraded (version ", ", database schema " + NEXT_SCHEMA + "). Your files and running notebooks are kept.");
        assertThat(apps.fetch("hello--ana", "/").body()).isEqualTo("Python published on the NAS");
        assertThat(apps.fetch("pushed--ana", "/").body()).isEqualTo("Python pushed to the NAS");

        Shell.Result older = nas.sh("sh learnbox-install.sh /volume1/incoming/" + bundleName);
        assertThat(older.exitCode()).isEqualTo(1);
        assertThat(older.stderr()).contains("is older than this box's data", "with database schema " + NEXT_SCHEMA + ", and this bundle knows schemas up to " + SCHEMA + ".",
                "Nothing was changed.");
        assertThat(nas.sh("docker compose exec -T bridge learnbox version").requireSuccess().stdout()).contains("database schema " + NEXT_SCHEMA);
        assertThat(apps.fetch("pushed--ana", "/").body()).isEqualTo("Python pushed to the NAS");
    }

    @Test
    @Order(5)
    void afterTheEngineItselfRestartsTheBoxAndAnasLabAnswerAgainWithinAMinuteAndNothingIsLost() throws Exception {
        ana.writeFile("kept/engine.txt", "written before the engine restarted");
        String sandboxes = "docker ps -a --format '{{.Names}}' --filter label=org.learnbox.role=sandbox";
        assertThat(nas.sh(sandboxes).requireSuccess().stdout().strip()).isEqualTo("learnbox-sandbox-ana");

        nas.sh("kill $(pidof dockerd)").requireSuccess();
        Instant killed = Instant.now();
        Instant deadline = killed.plus(Duration.ofMinutes(2));
        while (nas.sh("docker info >/dev/null 2>&1").exitCode() == 0) { // the old engine stops its containers first
            assertThat(Instant.now()).as("the NAS's engine ended").isBefore(deadline);
            Thread.sleep(200);
        }
        while (nas.sh("docker info >/dev/null 2>&1").exitCode() != 0) {
            assertThat(Instant.now()).as("the NAS's engine started again").isBefore(deadline);
            Thread.sleep(200);
        }
        Instant engineBack = Instant.now();
        Learner again = new Learner(box, "ana");
        while (!box.answersItsFrontDoor() || !labAnswersAfterLogin(again, "nas-learner-password")) {
            assertThat(Instant.now()).as("the box and ana's lab answer within a minute of the engine")
                    .isBefore(engineBack.plus(Duration.ofMinutes(1)));
            Thread.sleep(500);
        }
        System.out.printf("the NAS's box and ana's lab answered again %d ms after its engine did (%d ms after the engine was ended)%n",
                Duration.between(engineBack, Instant.now()).toMillis(), Duration.between(killed, Instant.now()).toMillis());

        assertThat(again.readFile("kept/engine.txt")).isEqualTo("written before the engine restarted");
        try (KernelSession python = again.startKernel("python3")) {
            assertThat(python.execute("print(6 * 7)", Duration.ofMinutes(2)).stdout()).isEqualTo("42\n");
        }
        assertThat(nas.sh(sandboxes).requireSuccess().stdout().strip()).as("one sandbox, no orphan").isEqualTo("learnbox-sandbox-ana");
        assertThat(apps.fetch("pushed--ana", "/").body()).isEqualTo("Python pushed to the NAS");
    }

    /** Whether her lab answers, logging her in again while it does not (the box may still be starting). */
    private static boolean labAnswersAfterLogin(Learner learner, String password) {
        if (labAnswers(learner)) return true;
        try {
            learner.logIn(password);
        } catch (Exception notYet) {
            return false;
        }
        return labAnswers(learner);
    }

    private static boolean labAnswers(Learner learner) {
        try {
            return learner.server("GET", "/api/status", null).statusCode() == 200;
        } catch (Exception | AssertionError notYet) { // no answer, or no lab cookie yet
            return false;
        }
    }

    /** On the NAS, with its own tools: the running images with a changed bridge and hub, saved as a bundle the way ./box bundle --gzip does. */
    private String nextBundle() {
        return """
                set -e
                mkdir -p /volume1/next && cd /volume1/next
                echo 'CREATE TABLE upgrade_check (id INT PRIMARY KEY);' > VNEXT__upgrade_check.sql
                printf '%s\n' 'FROM learnbox/bridge:latest' 'COPY VNEXT__upgrade_check.sql /opt/learnbox/migrations-next/' \
                  'ENV SPRING_FLYWAY_LOCATIONS=classpath:db/migration,filesystem:/opt/learnbox/migrations-next' \
                  'LABEL org.opencontainers.image.version=next' > Dockerfile
                DOCKER_BUILDKIT=0 docker build -q -t learnbox/bridge:latest . >/dev/null
                printf '%s\n' 'FROM learnbox/hub:latest' 'LABEL org.opencontainers.image.version=next' | DOCKER_BUILDKIT=0 docker build -q -t learnbox/hub:latest - >/dev/null
                tar -xf /volume1/incoming/BUNDLE bundle.json compose.yaml learnbox.env learnbox-install.sh
                sed -i 's/"version": "[^"]*"/"version": "next"/; s/"schema": "[^"]*"/"schema": "NEXT"/' bundle.json
                { tar -b 1 -cf - bundle.json compose.yaml learnbox.env learnbox-install.sh | head -c -1024
                  docker save $(docker images --format '{{.Repository}}:{{.Tag}}' | grep '^learnbox/.*:latest$'); } | gzip -1 > learnbox-next.tar.gz
                """.replace("BUNDLE", bundleName).replace("NEXT", NEXT_SCHEMA);
    }

    /** The README's NAS steps as written, for this bundle, with the test's ports set in .env as a teacher would. */
    private String readmeSteps() throws Exception {
        String readme = Files.readString(RunningBox.projectRoot().resolve("README.md"));
        Matcher block = Pattern.compile("## On a NAS\n.*?```sh\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README has the NAS steps").isTrue();
        String version = bundleName.substring("learnbox-".length(), bundleName.length() - ".tar".length());
        String steps = block.group(1).replace("learnbox-VERSION.tar", "learnbox-" + version + ".tar");
        assertThat(steps).contains("cp learnbox.env .env\n");
        return "set -e\n" + steps.replace("cp learnbox.env .env\n", "cp learnbox.env .env\n"
                + "printf 'LEARNBOX_PORT=%s\\nLEARNBOX_APPS_PORT=%s\\nLEARNBOX_PUBLIC_URL=http://localhost:%s\\n' "
                + (RunningBox.PORT + OFFSET) + " " + (RunningBox.APPS_PORT + OFFSET) + " " + (RunningBox.PORT + OFFSET) + " >> .env\n");
    }

    private void awaitFrontDoor() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!box.answersItsFrontDoor()) {
            assertThat(Instant.now()).as("the NAS's box answers: its login page, its hub, its app gateway").isBefore(deadline);
            Thread.sleep(500);
        }
    }
}
