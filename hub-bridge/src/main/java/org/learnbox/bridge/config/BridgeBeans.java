package org.learnbox.bridge.config;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Clock;
import java.time.Duration;
import org.learnbox.bridge.app.AppRuntime;
import org.learnbox.bridge.app.DockerAppRuntime;
import org.learnbox.bridge.identity.HandoffTokens;
import org.learnbox.bridge.sandbox.DockerSandboxRuntime;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class BridgeBeans {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    HandoffTokens handoffTokens(LearnboxProperties properties, Clock clock) {
        return new HandoffTokens(SharedSecret.require(properties), clock);
    }

    /** The engine named by DOCKER_HOST, or the local socket. */
    @Bean(destroyMethod = "close")
    DockerClient dockerClient() {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(60))
                .maxConnections(50)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    @Bean
    AppRuntime appRuntime(DockerClient docker, LearnboxProperties properties) {
        return new DockerAppRuntime(docker, properties);
    }

    @Bean
    SandboxRuntime sandboxRuntime(DockerClient docker, LearnboxProperties properties) {
        return new DockerSandboxRuntime(docker, properties);
    }
}
