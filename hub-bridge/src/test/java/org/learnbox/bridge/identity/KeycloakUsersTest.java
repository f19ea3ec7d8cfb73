package org.learnbox.bridge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.config.LearnboxProperties;
import org.springframework.http.HttpStatus;

/**
 * Keycloak starting, stopped or failing is a refusal for now (503) in words, which the command
 * line waits through, not a failure of the bridge (500). SsoE2EIT drives a real Keycloak.
 */
class KeycloakUsersTest {
    private final LearnboxProperties.Sso sso = new LearnboxProperties.Sso(true, "", "", "learnbox-bridge", "s3cret");
    private HttpServer keycloak;

    @AfterEach
    void stop() {
        if (keycloak != null) keycloak.stop(0);
    }

    @Test
    void aKeycloakThatDoesNotAnswerIsARefusalForNow() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        KeycloakUsers users = new KeycloakUsers(sso, "http://127.0.0.1:" + closed + "/realms/learnbox");

        AccountException refused = catchThrowableOfType(AccountException.class, users::list);
        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.getMessage()).startsWith("Keycloak does not answer the box now (")
                .endsWith("). Nothing was changed; try again in a moment, or see ./box logs keycloak.");
        assertThat(catchThrowableOfType(AccountException.class, () -> users.exists("admin")).status())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aRealmThatRefusesTheClientOrAUserListThatFailsIsARefusalForNow() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/realms/learnbox/protocol/openid-connect/token",
                exchange -> answer(exchange, 401, "{\"error\":\"unauthorized_client\"}"));
        keycloak.start();
        KeycloakUsers users = new KeycloakUsers(sso, "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/learnbox");
        assertThat(catchThrowableOfType(AccountException.class, users::list).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        keycloak.removeContext("/realms/learnbox/protocol/openid-connect/token");
        keycloak.createContext("/realms/learnbox/protocol/openid-connect/token",
                exchange -> answer(exchange, 200, "{\"access_token\":\"t\",\"expires_in\":300}"));
        keycloak.createContext("/admin/realms/learnbox/users", exchange -> answer(exchange, 500, "{\"error\":\"unknown_error\"}"));
        AccountException refused = catchThrowableOfType(AccountException.class, users::list);
        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.getMessage()).contains("500");
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
