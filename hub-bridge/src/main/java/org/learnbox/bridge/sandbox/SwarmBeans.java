package org.learnbox.bridge.sandbox;

import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.docker.SwarmApi;
import org.learnbox.bridge.docker.SwarmSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The box on a Swarm cluster ({@code learnbox.runtime=swarm}): learners' sandboxes are the manager's services. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "learnbox.runtime", havingValue = "swarm")
class SwarmBeans {
    private static final Logger LOG = LoggerFactory.getLogger(SwarmBeans.class);

    @Bean(destroyMethod = "close")
    SwarmApi swarmApi() {
        return SwarmApi.open();
    }

    @Bean
    SwarmSandboxRuntime swarmSandboxRuntime(SwarmApi swarm, LearnboxProperties properties, SwarmSettings settings) {
        return new SwarmSandboxRuntime(swarm, properties.box(), properties.sandbox().network(), settings, properties.image("node-guard"),
                properties.sandbox().image(),
                java.net.URI.create(properties.sandbox().boxUrl()).getPort(), java.net.URI.create(properties.hub().apiUrl()).getPort());
    }

    /** The nodes guarded, and fetching the learners' image, as the box starts: not at the first learner's login. */
    @EventListener(ApplicationReadyEvent.class)
    void guardTheNodes(ApplicationReadyEvent ready) {
        SwarmSandboxRuntime runtime = ready.getApplicationContext().getBean(SwarmSandboxRuntime.class);
        Thread.ofVirtual().name("swarm-node-guard").start(() -> {
            try {
                runtime.guardTheNodes();
            } catch (SandboxException notYet) {
                LOG.warn("The cluster's nodes are not guarded yet ({}); the first learner's sandbox tries again", notYet.getMessage());
            }
        });
    }
}
