package org.learnbox.bridge.devops;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jgit.http.server.GitSmartHttpTools;
import org.eclipse.jgit.transport.ServiceMayNotContinueException;

/**
 * Answers in the shapes a git client shows its user. A git client prints the text of an HTTP error
 * only when it is text/plain (as "remote: ..."), and prints an "ERR" line of the git protocol as
 * "fatal: remote error: ..." only when the answer is 200: so logins are asked for with a 401 and
 * plain text, and a logged-in person is refused with a 200 that carries the reason.
 */
final class GitAnswers {
    static final String REALM = "LearnBox git";

    private GitAnswers() {}

    /** Asks for a login (git then asks its credential helper, or the person, for a name and password). */
    static void askForLogin(HttpServletResponse response, String reason) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        plainText(response, reason);
    }

    static void plainText(HttpServletResponse response, String text) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(text + "\n");
        response.getWriter().flush();
    }

    /** A refusal for a logged-in person, which git prints as "fatal: remote error: REASON". */
    static ServiceMayNotContinueException refusal(HttpServletRequest request, String reason) {
        int status = GitSmartHttpTools.isGitClient(request) ? HttpServletResponse.SC_OK : HttpServletResponse.SC_FORBIDDEN;
        return new ServiceMayNotContinueException(reason, status);
    }

}
