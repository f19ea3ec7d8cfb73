package org.learnbox.bridge.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.identity.Account;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.openjdk.jol.info.GraphLayout;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Code in a sandbox calls the box's API with its learner's JupyterHub token. */
class HubTokenFilterTest {
    // stubOnly: the mocks keep no record of the flood's calls, so what is measured is the filter's own memory
    private final JupyterHubClient hub = mock(JupyterHubClient.class, withSettings().stubOnly());
    private final AccountService accounts = mock(AccountService.class, withSettings().stubOnly());
    private final HubTokenFilter filter = new HubTokenFilter(hub, accounts, Clock.systemUTC());

    @Test
    void aFloodOfTokensTheHubVouchesForKeepsItsMemoryBoundedAndTheAnswersRight() throws Exception {
        when(hub.ownerOf(anyString())).thenAnswer(call -> call.<String>getArgument(0).startsWith("ada-")
                ? Optional.of("ada") : Optional.empty());
        when(accounts.find("ada")).thenReturn(Optional.of(new Account("ada", "unused", Role.STUDENT)));
        long before = GraphLayout.parseInstance(filter).totalSize();

        for (int i = 0; i < 100_000; i++) {
            assertThat(statusOf("ada-token-" + i)).isEqualTo(200);
        }
        long kept = GraphLayout.parseInstance(filter).totalSize() - before;
        System.out.printf("the hub token filter keeps %.1f MiB after 100 000 tokens%n", kept / 1048576.0);
        assertThat(kept).as("bytes kept after the flood").isLessThan(4L << 20);

        assertThat(statusOf("ada-token-99999")).as("a token just vouched for").isEqualTo(200);
        assertThat(statusOf("ada-token-0")).as("an early token, asked again of the hub").isEqualTo(200);
        assertThat(statusOf("forged")).as("a token the hub does not know").isEqualTo(401);
    }

    private int statusOf(String token) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.addHeader("Authorization", "token " + token);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
