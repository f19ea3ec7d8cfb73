package org.learnbox.bridge.course;

import java.nio.file.Path;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;
import org.learnbox.bridge.config.LearnboxProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Serves each published course as a read-only git repository at /git/courses/ID.git (smart HTTP). */
@Configuration(proxyBeanMethods = false)
class CourseGitServer {
    static final String PATH = "/git/courses";

    @Bean
    CourseRepositories courseRepositories(LearnboxProperties properties) {
        return new CourseRepositories(Path.of(properties.courses().repositories()));
    }

    @Bean
    ServletRegistrationBean<GitServlet> courseGitServlet(CourseRepositories repositories) {
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver((request, name) -> {
            String id = name.replaceFirst("\\.git$", "");
            return repositories.openRepository(id).orElseThrow(() -> new RepositoryNotFoundException(name));
        });
        servlet.setReceivePackFactory((request, repository) -> {
            throw new ServiceNotEnabledException("Courses are read-only: they change only by a teacher's import.");
        });
        ServletRegistrationBean<GitServlet> registration = new ServletRegistrationBean<>(servlet, PATH + "/*");
        registration.setName("course-git");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
