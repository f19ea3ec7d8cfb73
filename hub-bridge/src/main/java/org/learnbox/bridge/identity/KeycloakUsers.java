package org.learnbox.bridge.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.RestClients;
import org.learnbox.bridge.config.Words;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The realm's users, kept through Keycloak's admin REST API with the bridge client's own
 * service account (roles manage-users, view-users, query-users, view-realm of the realm).
 * Written on Spring's RestClient: Keycloak's admin client library brings RESTEasy and a second
 * Jackson into the bridge for these seven calls.
 */
class KeycloakUsers {
    private static final Logger log = LoggerFactory.getLogger(KeycloakUsers.class);

    /** One user of the realm, with the box role their realm roles give. */
    record RealmUser(String name, Role role, Instant createdAt) {}

    private final LearnboxProperties.Sso sso;
    private final RestClient admin;
    private final RestClient tokens;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    KeycloakUsers(LearnboxProperties.Sso sso, String realmUrl) {
        this.sso = sso;
        URI realm = URI.create(realmUrl);
        String server = realmUrl.substring(0, realmUrl.length() - realm.getPath().length());
        String realmName = realm.getPath().substring(realm.getPath().lastIndexOf('/') + 1);
        this.tokens = RestClients.builder().baseUrl(realmUrl + "/protocol/openid-connect/token").build();
        this.admin = RestClients.builder()
                .baseUrl(server + "/admin/realms/" + realmName)
                .requestInitializer(request -> request.getHeaders().setBearerAuth(accessToken()))
                .build();
    }

    void create(String name, Role role, String password) {
        try {
            admin.post().uri("/users").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("username", name, "enabled", true, "credentials", List.of(password(password))))
                    .retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.CONFLICT.value()) {
                throw AccountException.nameTaken("account.refused.keycloak-name-taken", name);
            }
            throw refusal(Words.phrase("account.keycloak.make", name), e);
        }
        if (role != Role.STUDENT) setRole(name, role);
    }

    void setPassword(String name, String password) {
        try {
            admin.put().uri("/users/{id}/reset-password", idOf(name)).contentType(MediaType.APPLICATION_JSON)
                    .body(password(password)).retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            throw refusal(Words.phrase("account.keycloak.set-password", name), e);
        }
    }

    /** Student is every account's default role; teacher and admin are added on top of it. */
    void setRole(String name, Role role) {
        String id = idOf(name);
        for (Role other : List.of(Role.TEACHER, Role.ADMIN)) {
            Map<?, ?> representation = admin.get().uri("/roles/{role}", other.id()).retrieve().body(Map.class);
            var mapping = admin.method(role == other ? HttpMethod.POST : HttpMethod.DELETE);
            mapping.uri("/users/{id}/role-mappings/realm", id).contentType(MediaType.APPLICATION_JSON)
                    .body(List.of(representation)).retrieve().toBodilessEntity();
        }
    }

    void delete(String name) {
        admin.delete().uri("/users/{id}", idOf(name)).retrieve().toBodilessEntity();
    }

    boolean exists(String name) {
        try {
            return find(name) != null;
        } catch (ResourceAccessException | HttpServerErrorException e) {
            throw unavailable(e);
        }
    }

    List<RealmUser> list() {
        try {
            return listOrFail();
        } catch (ResourceAccessException | HttpServerErrorException e) {
            throw unavailable(e);
        }
    }

    private List<RealmUser> listOrFail() {
        UserRepresentation[] users = admin.get().uri("/users?briefRepresentation=true&max=10000")
                .retrieve().body(UserRepresentation[].class);
        Map<String, Role> roles = new LinkedHashMap<>();
        for (Role role : List.of(Role.TEACHER, Role.ADMIN)) {
            UserRepresentation[] holders = admin.get().uri("/roles/{role}/users?max=10000", role.id())
                    .retrieve().body(UserRepresentation[].class);
            for (UserRepresentation holder : holders) roles.put(holder.username(), role);
        }
        List<RealmUser> list = new ArrayList<>();
        for (UserRepresentation user : users) {
            list.add(new RealmUser(user.username(), roles.getOrDefault(user.username(), Role.STUDENT),
                    Instant.ofEpochMilli(user.createdTimestamp())));
        }
        return list;
    }

    private String idOf(String name) {
        UserRepresentation user = find(name);
        if (user == null) throw new AccountNotFoundException(name);
        return user.id();
    }

    private UserRepresentation find(String name) {
        UserRepresentation[] found = admin.get().uri("/users?exact=true&username={name}", name)
                .retrieve().body(UserRepresentation[].class);
        return found == null || found.length == 0 ? null : found[0];
    }

    private static Map<String, Object> password(String password) {
        return Map.of("type", "password", "value", password, "temporary", false);
    }

    /** Keycloak's refusals (a password its policy rejects, say) in words. */
    private static AccountException refusal(MessageSourceResolvable what, RestClientResponseException e) {
        String said = e.getResponseBodyAsString();
        MessageSourceResolvable reason = said.contains("invalidPassword") || said.contains("password")
                ? Words.phrase("account.keycloak.password-policy")
                : Words.phrase("account.keycloak.answered", e.getStatusCode().value(), said);
        return new AccountException("account.refused.keycloak", what, reason);
    }

    /** Keycloak not answering, or failing (starting, stopped, overloaded): the box may ask again in a moment. */
    private static AccountException unavailable(RestClientException e) {
        log.warn("Keycloak did not answer the bridge: {}", e.toString());
        return AccountException.unavailable("account.refused.keycloak-unavailable", e.getMessage());
    }

    private synchronized String accessToken() {
        if (Instant.now().isAfter(tokenExpires)) {
            try {
                fetchToken();
            } catch (RestClientException e) {
                // A realm not yet imported refuses the client: Keycloak is not ready for the box either.
                throw unavailable(e);
            }
        }
        return token;
    }

    private void fetchToken() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", sso.clientId());
        form.add("client_secret", sso.clientSecret());
        TokenResponse answer = tokens.post().contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .retrieve().body(TokenResponse.class);
        token = answer.access_token();
        tokenExpires = Instant.now().plusSeconds(Math.max(5, answer.expires_in() - 30));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserRepresentation(String id, String username, long createdTimestamp) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(String access_token, long expires_in) {}
}
