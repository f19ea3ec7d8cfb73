package org.learnbox.bridge.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Every {@code learnbox.*} setting (env {@code LEARNBOX_*}), with its default. */
@ConfigurationProperties("learnbox")
public record LearnboxProperties(
        /** Secret shared with the JupyterHub plugin and the box script; also the hub service token. */
        String sharedSecret,
        /** Name of this box: labels every container and volume it owns, so boxes on one engine never mix. */
        @DefaultValue("learnbox") String box,
        @DefaultValue Sandbox sandbox,
        @DefaultValue Hub hub,
        @DefaultValue Courses courses,
        @DefaultValue Login login,
        @DefaultValue Sso sso,
        @DefaultValue Snippets snippets,
        @DefaultValue Apps apps,
        @DefaultValue Git git,
        /**
         * Where the box's images come from: {@code learnbox} (loaded or built here) or a registry's
         * {@code HOST[:PORT]/PREFIX}, from which the bridge pulls the runtime images it is missing.
         */
        @DefaultValue("learnbox") String images) {

    public LearnboxProperties {
        if (sandbox != null && sandbox.image().isBlank()) sandbox = sandbox.withImage(image(images, "sandbox"));
    }

    /** The box's image {@code name} (sandbox, builder, app-java, ...) as this box names it. */
    public String image(String name) {
        return image(images, name);
    }

    /** The image {@code name} among {@code images} (the setting's value). */
    public static String image(String images, String name) {
        return images + "/" + name + ":latest";
    }

    public record Sandbox(
            /** Image every learner's server runs; empty: the box's own sandbox image. */
            @DefaultValue("") String image,
            /** CPUs one sandbox may use. */
            @DefaultValue("1") double cpus,
            /** Memory one sandbox may use (swap included). */
            @DefaultValue("1GB") DataSize memory,
            /** Processes and threads one sandbox may hold. */
            @DefaultValue("512") long pids,
            /** Docker network of the sandboxes: inter-container traffic is off on it. */
            @DefaultValue("learnbox-sandboxes") String network,
            /** Most sandboxes running at once on this box. */
            @DefaultValue("100") int maxRunning,
            /** A new sandbox is refused while the machine has less memory than this available (its MemAvailable). */
            @DefaultValue("1GB") DataSize minFreeMemory,
            /** Port jupyterhub-singleuser listens on inside the container. */
            @DefaultValue("8888") int port,
            /** The box's front door as code in a sandbox reaches it (the learnbox command calls the API there). */
            @DefaultValue("http://host.docker.internal:8000") String boxUrl,
            /** A learner's sandbox starts as they log in, ahead of the hub's call, which hands it the hub's token. */
            @DefaultValue("true") boolean startAtLogin,
            /** A learner's desktop (windows of their programs) stops after nobody looked at it for this long. */
            @DefaultValue("10m") Duration desktopIdle,
            /** Sandboxes kept started for learners who never had one, each given to the first who comes. */
            @DefaultValue("0") int pool,
            /** The largest file a learner saves or uploads in their lab; a larger one is refused in words. */
            @DefaultValue("100MB") DataSize maxFile,
            /**
             * Where the bridge sees the engine's volumes folder (mounted read-only at the path the
             * engine gives its volumes): learners' homes are read from there, as fast as a file;
             * empty: through the engine, some 150 ms a read.
             */
            @DefaultValue("") String volumesFolder) {

        Sandbox withImage(String other) {
            return new Sandbox(other, cpus, memory, pids, network, maxRunning, minFreeMemory, port, boxUrl, startAtLogin, desktopIdle, pool,
                    maxFile, volumesFolder);
        }
    }

    public record Hub(
            /** JupyterHub's REST API, as the bridge reaches it. */
            @DefaultValue("http://host.docker.internal:8081/hub/api") String apiUrl,
            /** A server with no activity for this long is put to sleep (frozen with its kernels). */
            @DefaultValue("30m") Duration idleTimeout,
            /** How often idle servers are looked for. */
            @DefaultValue("1m") Duration cullEvery,
            /** A sandbox asleep this long stops for good (its home stays). */
            @DefaultValue("7d") Duration sleepFor) {}

    public record Courses(
            /** Where the published course repositories live (on the box's data volume). */
            @DefaultValue("data/courses") String repositories,
            /** Courses that come with the box, published at every start; missing is fine. */
            @DefaultValue("/opt/learnbox/courses") String bundled,
            /** The course git server as a sandbox reaches it (the box's front door). */
            @DefaultValue("http://host.docker.internal:8000/git/courses") String urlForSandboxes) {}

    public record Login(
            /** Failed logins for one account name before the form refuses it for a while. */
            @DefaultValue("5") int maxFailuresPerAccount,
            /** Failed logins from one address before the form refuses it for a while. */
            @DefaultValue("20") int maxFailuresPerAddress,
            /** How long failures count, and so how long a refusal lasts. */
            @DefaultValue("15m") Duration lockFor) {}

    public record Sso(
            /** People log in through Keycloak (OpenID Connect) instead of the box's own login form. */
            @DefaultValue("false") boolean enabled,
            /** The realm's issuer as browsers reach it: Keycloak's login page is there, and tokens name it. */
            @DefaultValue("http://localhost:8080/realms/learnbox") String issuer,
            /** Keycloak as the bridge reaches it (tokens, keys, the admin API); empty: the issuer's own address. */
            @DefaultValue("") String backchannelUrl,
            /** The bridge's client in the realm; its service account also keeps the realm's users. */
            @DefaultValue("learnbox-bridge") String clientId,
            /** That client's secret (./box keeps it in its state folder). */
            @DefaultValue("") String clientSecret) {}

    public record Snippets(
            /** Where snippet files live (on the box's data volume): a folder per snippet, one inside per version. */
            @DefaultValue("data/snippets") String storage,
            /** Most that all files of one snippet may hold together. */
            @DefaultValue("1MB") DataSize maxSize) {}

    public record Apps(
            /** Apps live at APP--USER.<domain>: an origin per app, never the notebooks' own. */
            @DefaultValue("apps.localhost") String domain,
            /** The app gateway's port, as browsers reach it. */
            @DefaultValue("8001") int gatewayPort,
            /** The app gateway as the bridge reaches it, to learn whether a just-started app answers. */
            @DefaultValue("http://host.docker.internal:8001") String gatewayUrlForBridge,
            /** Docker network of the apps: no traffic between containers, none to the host (./box up sees to it). */
            @DefaultValue("learnbox-apps") String network,
            /** CPUs one app may use. */
            @DefaultValue("0.5") double cpus,
            /** Memory one app may use (swap included). */
            @DefaultValue("256MB") DataSize memory,
            /** Processes and threads one app may hold. */
            @DefaultValue("128") long pids,
            /** Apps one person may have published. */
            @DefaultValue("3") int maxPerUser,
            /** Most that an app's files may hold together. */
            @DefaultValue("10MB") DataSize maxSize,
            /** Most memory all running apps may take together; the app idle longest sleeps first to make room. */
            @DefaultValue("2GB") DataSize maxTotalMemory,
            /** An app with no request for this long is put to sleep; the next request wakes it. */
            @DefaultValue("15m") Duration idleTimeout,
            /** How long an app may take to open its port after it starts. */
            @DefaultValue("30s") Duration startTimeout,
            /** Requests per minute the gateway lets through to one app. */
            @DefaultValue("600") int requestsPerMinute,
            /** Where each live app's files and manifest are kept (on the box's data volume), to build it again after a restore. */
            @DefaultValue("data/apps") String sources) {

        /** The gateway's page that previews a snippet's HTML, on the apps' side (preview.DOMAIN), never the box's origin. */
        public String previewUrl() {
            return "http://preview." + domain + (gatewayPort == 80 ? "" : ":" + gatewayPort) + "/";
        }
    }

    public record Git(
            /** Where the learners' bare git repositories live (on the box's data volume): a folder per person. */
            @DefaultValue("data/git") String repositories,
            /** Most that one push may bring to the box; a bigger push is refused, in words, and changes nothing. */
            @DefaultValue("50MB") DataSize maxPushSize,
            /** A push to this branch builds the project and deploys it. */
            @DefaultValue("main") String deployBranch,
            /** The longest one build may run. */
            @DefaultValue("10m") Duration buildTimeLimit,
            /** CPUs, memory and processes of one build. */
            @DefaultValue("1.0") double buildCpus,
            @DefaultValue("1GB") DataSize buildMemory,
            @DefaultValue("256") long buildPids,
            /** The most one build may write (its files, what it makes). */
            @DefaultValue("2GB") DataSize buildDiskLimit,
            /** The most one person's build cache (Maven's repository) may hold; past it, it is emptied. */
            @DefaultValue("2GB") DataSize buildCacheLimit,
            /** Good releases whose images are kept for rollback. */
            @DefaultValue("5") int releasesKept) {}
}
