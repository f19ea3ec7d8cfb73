package org.learnbox.bridge.identity;

import java.net.URI;
import java.util.Map;
import org.learnbox.bridge.config.LearnboxProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Single sign-on through Keycloak, when {@code learnbox.sso.enabled}. The registration is written
 * out rather than discovered: browsers reach Keycloak at its public address, the bridge at
 * another one (a compose service name), and the box starts before Keycloak is ready.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("learnbox.sso.enabled")
class KeycloakLogin {
    static final String REGISTRATION = "keycloak";

    @Bean
    ClientRegistrationRepository keycloakRegistration(LearnboxProperties properties) {
        return new InMemoryClientRegistrationRepository(registration(properties.sso()));
    }

    @Bean
    KeycloakUserService keycloakUserService(AccountService accounts) {
        return new KeycloakUserService(accounts);
    }

    /** Logins under way are kept by browsers, not in sessions. */
    @Bean
    AuthorizationRequestRepository<OAuth2AuthorizationRequest> keycloakLoginsUnderWay() {
        return new KeycloakLoginCookie(java.time.Clock.systemUTC());
    }

    /** A refused login goes back to the login page, which says why; no session is made for it. */
    @Bean
    AuthenticationFailureHandler keycloakLoginRefused() {
        return KeycloakRefusals.toTheLoginPage();
    }

    @Bean
    KeycloakUsers keycloakUsers(LearnboxProperties properties) {
        return new KeycloakUsers(properties.sso(), backchannel(properties.sso()));
    }

    static ClientRegistration registration(LearnboxProperties.Sso sso) {
        String issuer = trimmed(sso.issuer());
        String backchannel = backchannel(sso);
        return ClientRegistration.withRegistrationId(REGISTRATION)
                .clientName("Keycloak")
                .clientId(sso.clientId())
                .clientSecret(sso.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .issuerUri(issuer)
                .authorizationUri(issuer + "/protocol/openid-connect/auth")
                .tokenUri(backchannel + "/protocol/openid-connect/token")
                .jwkSetUri(backchannel + "/protocol/openid-connect/certs")
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/protocol/openid-connect/logout"))
                .build();
    }

    /** The realm's address as the bridge reaches it: the backchannel host with the issuer's path. */
    static String backchannel(LearnboxProperties.Sso sso) {
        String issuer = trimmed(sso.issuer());
        if (sso.backchannelUrl().isBlank()) return issuer;
        return trimmed(sso.backchannelUrl()) + URI.create(issuer).getPath();
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
