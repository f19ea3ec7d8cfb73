package org.learnbox.bridge.docker;

import com.github.dockerjava.api.DockerClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bridge's one client of the Docker engine, for the runtimes. */
@Configuration(proxyBeanMethods = false)
class DockerBeans {
    @Bean(destroyMethod = "close")
    DockerClient dockerClient() {
        return DockerConnection.open();
    }
}
