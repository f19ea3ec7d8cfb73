package org.learnbox.bridge.config;

import com.github.dockerjava.api.DockerClient;
import java.time.Clock;
import org.learnbox.bridge.app.AppRuntime;
import org.learnbox.bridge.app.DockerAppRuntime;
import org.learnbox.bridge.identity.HandoffTokens;
import org.learnbox.bridge.sandbox.DockerSandboxRuntime;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.learnbox.bridge.sandbox.SchoolTrust;
import org.learnbox.bridge.sandbox.TrustSettings;
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

    @Bean(destroyMethod = "close")
    DockerClient dockerClient() {
        return DockerConnection.open();
    }

    @Bean
    AppRuntime appRuntime(DockerClient docker, LearnboxProperties properties) {
        return new DockerAppRuntime(docker, properties);
    }

    @Bean
    SandboxRuntime sandboxRuntime(DockerClient docker, LearnboxProperties properties, TrustSettings trust) {
        return new DockerSandboxRuntime(docker, properties, new SchoolTrust(docker, properties, trust));
    }
}
