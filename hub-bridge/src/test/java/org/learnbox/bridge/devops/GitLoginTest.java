package org.learnbox.bridge.devops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** How git clients log in: a password, a token made on the dashboard, or the learner's own JupyterHub token. */
class GitLoginTest extends GitServerTestBase {
    @Autowired GitTokenService tokens;

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswer() {
        String ada = account("ada", Role.STUDENT);
        pushedProject(ada, "secret-plans");

        GitCli.Result wrongPassword = git.run(temp, "ls-remote", url(ada, "not-the-password", ada, "secret-plans"));
        GitCli.Result unknownName = git.run(temp, "ls-remote", url("nobody-at-all", "not-the-password", ada, "secret-plans"));
        assertThat(wrongPassword.ok()).isFalse();
        assertThat(wrongPassword.err()).isEqualTo(unknownName.err()).isEqualTo(
                "remote: The name, password or token is wrong. Git takes your LearnBox name with your password, or with a"
                        + " token made at http://127.0.0.1:" + port + "/tokens.\n"
                        + "fatal: Authentication failed for '" + anonymousUrl(ada, "secret-plans") + "/'\n");
    }

    @Test
    void aTokenLogsInUntilItIsRevoked() {
        String ada = account("ada", Role.STUDENT);
        pushedProject(ada, "tokened");
        GitTokenService.MadeToken token = tokens.make(ada, "laptop");
        assertThat(token.secret()).startsWith("lbx_");

        git.ok(temp, "clone", "-q", url(ada, token.secret(), ada, "tokened"), dir("with-token").toString());
        GitTokenService.TokenView listed = tokens.list(ada).getFirst();
        assertThat(listed.lastUsedAt()).isNotNull();

        tokens.revoke(ada, listed.id());
        GitCli.Result revoked = git.run(temp, "clone", "-q", url(ada, token.secret(), ada, "tokened"), dir("revoked").toString());
        assertThat(revoked.ok()).isFalse();
        assertThat(revoked.err()).contains("remote: The name, password or token is wrong.", "fatal: Authentication failed");
    }

    @Test
    void aTokenLogsInOnlyAsItsOwner() {
        String ada = account("ada", Role.STUDENT);
        String bob = account("bob", Role.STUDENT);
        pushedProject(bob, "bobs");
        GitTokenService.MadeToken adas = tokens.make(ada, "laptop");
        GitCli.Result asBob = git.run(temp, "ls-remote", url(bob, adas.secret(), bob, "bobs"));
        assertThat(asBob.err()).contains("fatal: Authentication failed");
    }

    @Test
    void theLearnersJupyterHubTokenLogsInAsTheSandboxSendsIt() {
        String ada = account("ada", Role.STUDENT);
        when(hub.ownerOf("hub-token-of-ada")).thenReturn(Optional.of(ada));
        Path work = dir("sandbox-home");
        git.commit(work, "notebook.py", "print('hi')\n", "From the sandbox");

        // As a password beside the name (a credential helper in the sandbox) ...
        git.ok(work, "push", "-q", url(ada, "hub-token-of-ada", ada, "from-lab"), "main");
        // ... or as JupyterHub's own header, as the learnbox command sends it.
        git.ok(temp, "-c", "http.extraHeader=Authorization: token hub-token-of-ada", "clone", "-q",
                anonymousUrl(ada, "from-lab"), dir("clone").toString());
        // Someone else's hub token is no key to ada's name.
        when(hub.ownerOf("hub-token-of-bob")).thenReturn(Optional.of("bob"));
        assertThat(git.run(temp, "ls-remote", url(ada, "hub-token-of-bob", ada, "from-lab")).err())
                .contains("fatal: Authentication failed");
    }

    @Test
    void repeatedFailuresAreRefusedForAWhileEvenWithTheRightPassword() {
        String ada = account("ada", Role.STUDENT);
        pushedProject(ada, "locked");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(git.run(temp, "ls-remote", url(ada, "guess-" + attempt, ada, "locked")).ok()).isFalse();
        }
        GitCli.Result right = git.run(temp, "ls-remote", url(ada, ada, "locked"));
        assertThat(right.ok()).isFalse();
        assertThat(right.err()).contains("remote: Too many failed logins with this name or from this computer."
                + " Wait 15 minutes, then try again.");
    }
}
