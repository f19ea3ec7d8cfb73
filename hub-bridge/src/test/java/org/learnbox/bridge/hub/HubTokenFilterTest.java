package org.learnbox.bridge.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.identity.Account;
import org.learnbox.bridge.identity.Role;
import org.openjdk.jol.info.GraphLayout;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Code in a sandbox calls the box's API with its learner's JupyterHub token. */
class HubTokenFilterTest {
    private static final Account ADA = new Account("ada", "unused", Role.STUDENT);
    // The hub as a plain function: what is measured is the tokens kept, nothing of the hub's client.
    private final VouchedTokens tokens = new VouchedTokens(token -> token.startsWith("ada-") ? Optional.of("ada") : Optional.empty(),
            Clock.systemUTC());
    private final HubTokenFilter filter = new HubTokenFilter(tokens, name -> name.equals("ada") ? Optional.of(ADA) : Optional.empty());

    @Test
    void aFloodOfTokensTheHubVouchesForKeepsItsMemoryBoundedAndTheAnswersRight() throws Exception {
        long before = GraphLayout.parseInstance(tokens).totalSize();

        for (int i = 0; i < 100_000; i++) {
            assertThat(statusOf("ada-token-" + i)).isEqualTo(200);
        }
        long kept = GraphLayout.parseInstance(tokens).totalSize() - before;
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
