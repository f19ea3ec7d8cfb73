package org.learnbox.bridge.sandbox;

import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.docker.SwarmApi;
import org.learnbox.bridge.docker.SwarmSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The box on a Swarm cluster ({@code learnbox.runtime=swarm}): learners' sandboxes are the manager's services. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "learnbox.runtime", havingValue = "swarm")
class SwarmBeans {
    @Bean(destroyMethod = "close")
    SwarmApi swarmApi() {
        return SwarmApi.open();
    }

    @Bean
    SwarmSandboxRuntime swarmSandboxRuntime(SwarmApi swarm, LearnboxProperties properties, SwarmSettings settings) {
        return new SwarmSandboxRuntime(swarm, properties.box(), properties.sandbox().network(), settings, properties.image("node-guard"),
                java.net.URI.create(properties.sandbox().boxUrl()).getPort(), java.net.URI.create(properties.hub().apiUrl()).getPort());
    }
}
