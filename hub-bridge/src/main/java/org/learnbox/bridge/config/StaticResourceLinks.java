package org.learnbox.bridge.config;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links on the pages are written as they are. Spring Boot turns on its resource chain for the
 * webjars (their paths without a version are resolved when asked for), and with it a filter that
 * looks up every link of every page among the static files, to add a version the box never asks
 * for: on the class page of 30 students, some 150 lookups in the classpath a page.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceLinks {
    /** In the place of the one Thymeleaf's auto-configuration registers when no other is there: never run. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> linksAsWritten() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
