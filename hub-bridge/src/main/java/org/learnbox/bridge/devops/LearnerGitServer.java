package org.learnbox.bridge.devops;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.http.server.resolver.AsIsFileService;
import org.eclipse.jgit.transport.UploadPack;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves the learners' repositories at /git/OWNER/PROJECT.git (git's smart HTTP): clone, fetch and
 * push from any git client. The course server keeps /git/courses/: the longer mapping wins.
 * Logging in is the security chain's work; who may have which repository, the resolver's.
 */
@Configuration(proxyBeanMethods = false)
class LearnerGitServer {
    @Bean
    ServletRegistrationBean<GitServlet> learnerGitServlet(LearnerRepositoryResolver resolver,
            LearnerReceivePackFactory receivePacks) {
        GitServlet servlet = new LoginAskingGitServlet();
        servlet.setRepositoryResolver(resolver);
        servlet.setUploadPackFactory((request, repository) -> new UploadPack(repository)); // the resolver decided
        servlet.setReceivePackFactory(receivePacks);
        servlet.setAsIsFileService(AsIsFileService.DISABLED); // smart HTTP only: every request passes the resolver's rules
        ServletRegistrationBean<GitServlet> registration = new ServletRegistrationBean<>(servlet, GitServerPaths.ROOT + "/*");
        registration.setName("learner-git");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * JGit answers "log in first" with a bare 401, on which git clients do not send a password:
     * they need a Basic challenge. It goes with the reason as plain text, which git prints.
     */
    static class LoginAskingGitServlet extends GitServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
            super.service(request, new HttpServletResponseWrapper(response) {
                @Override
                public void sendError(int status, String message) throws IOException {
                    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
                        GitAnswers.askForLogin(response, message == null || message.isBlank() ? "Log in first." : message);
                    } else {
                        super.sendError(status, message);
                    }
                }

                @Override
                public void sendError(int status) throws IOException {
                    sendError(status, null);
                }
            });
        }
    }
}
