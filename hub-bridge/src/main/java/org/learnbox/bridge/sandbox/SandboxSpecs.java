package org.learnbox.bridge.sandbox;

import java.util.HashMap;
import java.util.Map;
import org.learnbox.bridge.config.LearnboxProperties;
import org.springframework.stereotype.Component;

/** Builds a {@link SandboxSpec} from the box's settings, the user and the hub's environment. */
@Component
public class SandboxSpecs {
    public static final String HOME = "/home/learner";
    /**
     * A sandbox started ahead of the hub finds the hub's environment (its token among it) in this
     * file once the hub asks for the server; the variable tells the sandbox to wait for it.
     */
    static final String HUB_ENV_FILE_VARIABLE = "LEARNBOX_HUB_ENV_FILE";
    static final String HUB_ENV_PARENT = "/tmp";
    static final String HUB_ENV_FOLDER = "learnbox";
    static final String HUB_ENV_NAME = "hub-env.json";
    static final String HUB_ENV_FILE = HUB_ENV_PARENT + "/" + HUB_ENV_FOLDER + "/" + HUB_ENV_NAME;
    /** How long the server waits for the hub's environment, in seconds; 0: as long as it takes (the pool's). */
    static final String HUB_WAIT_VARIABLE = "LEARNBOX_HUB_WAIT_SECONDS";

    private final LearnboxProperties properties;

    public SandboxSpecs(LearnboxProperties properties) {
        this.properties = properties;
    }

    public SandboxSpec forUser(String user, Map<String, String> hubEnv) {
        Map<String, String> env = new HashMap<>(hubEnv);
        env.putAll(common());
        // jupyterhub-singleuser binds where JUPYTERHUB_SERVICE_URL says: all interfaces of the container.
        env.put("JUPYTERHUB_SERVICE_URL", "http://0.0.0.0:" + properties.sandbox().port() + "/user/" + user + "/");
        return spec(user, null, env);
    }

    /**
     * A sandbox of the pool, started for no learner yet: its server loads, then waits for the
     * environment of whoever claims it, as long as it takes. Its home is a volume of its own, which
     * becomes its learner's.
     */
    SandboxSpec forPool(String id) {
        Map<String, String> env = new HashMap<>(common());
        env.put(HUB_ENV_FILE_VARIABLE, HUB_ENV_FILE);
        env.put(HUB_WAIT_VARIABLE, "0");
        return spec(null, id, env);
    }

    private Map<String, String> common() {
        LearnboxProperties.Sandbox sandbox = properties.sandbox();
        Map<String, String> env = new HashMap<>();
        env.put("HOME", HOME);
        // The server tells the hub of the learner's activity each minute, not each five: the class week sees it soon.
        env.put("JUPYTERHUB_ACTIVITY_INTERVAL", "60");
        env.put("LEARNBOX_URL", sandbox.boxUrl());
        env.put("LEARNBOX_DESKTOP_IDLE_SECONDS", Long.toString(sandbox.desktopIdle().toSeconds()));
        env.put("LEARNBOX_MAX_FILE_BYTES", Long.toString(sandbox.maxFile().toBytes()));
        return env;
    }

    private SandboxSpec spec(String user, String poolId, Map<String, String> env) {
        LearnboxProperties.Sandbox sandbox = properties.sandbox();
        return new SandboxSpec(user, poolId, sandbox.image(), env, sandbox.cpus(), sandbox.memory().toBytes(), sandbox.pids(), sandbox.port());
    }
}
