package org.learnbox.bridge.hub;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.RestClients;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** JupyterHub's REST API, with the bridge's service token. */
@Component
public class JupyterHubClient {
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HubServer(boolean ready, String pending, @JsonProperty("last_activity") Instant lastActivity) {}

    /** A person as the hub knows them; {@code lastActivity} outlives their server. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HubUser(String name, Map<String, HubServer> servers, @JsonProperty("last_activity") Instant lastActivity) {
        public HubUser(String name, Map<String, HubServer> servers) {
            this(name, servers, null);
        }

        /** The person's default server, the one a learner has; null when it is not running or starting. */
        public HubServer server() {
            return servers == null ? null : servers.get("");
        }
    }

    private final RestClient rest;
    /** The hub's own pages' root (its API's parent): its metrics, the box's plugin's handlers. */
    private final String hubUrl;

    public JupyterHubClient(LearnboxProperties properties) {
        this.hubUrl = properties.hub().apiUrl().replaceFirst("/api/?$", "");
        this.rest = RestClients.builder()
                .baseUrl(properties.hub().apiUrl())
                .defaultHeader("Authorization", "token " + properties.sharedSecret())
                .build();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Identity(String kind, String name) {}

    /** Whose token this is, as JupyterHub says: a person's name; nothing for another kind of token or none. */
    public java.util.Optional<String> ownerOf(String token) {
        Identity identity = rest.get().uri("/user").header("Authorization", "token " + token).retrieve()
                .onStatus(status -> status.value() == 401 || status.value() == 403, (request, response) -> {})
                .body(Identity.class);
        return identity == null || !"user".equals(identity.kind()) ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(identity.name());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Version(String version) {}

    /** The hub's version, which it tells anyone who asks: an answer says the hub's API is up. */
    public String version() {
        Version answer = rest.get().uri("/").retrieve().body(Version.class);
        return answer == null ? "" : answer.version();
    }

    /** JupyterHub's own metrics in Prometheus' format (the bridge's service may read them: scope read:metrics). */
    public String metrics() {
        return rest.get().uri(java.net.URI.create(hubUrl + "/metrics")).retrieve().body(String.class);
    }

    public List<HubUser> users() {
        HubUser[] users = rest.get().uri("/users?include_stopped_servers=false").retrieve().body(HubUser[].class);
        return users == null ? List.of() : List.of(users);
    }

    /** Makes the user known to the hub if needed and asks it to start their server; one already starting is fine. */
    public void startServer(String user) {
        rest.post().uri("/users/{name}", user).retrieve()
                .onStatus(status -> status.value() == 409, (request, response) -> {})
                .toBodilessEntity();
        rest.post().uri("/users/{name}/server", user).retrieve()
                .onStatus(status -> status.value() == 400, (request, response) -> {})
                .toBodilessEntity();
    }

    /** The user's server as the hub sees it; nothing when the user or their server is unknown to it. */
    public java.util.Optional<HubServer> serverOf(String user) {
        HubUser found = rest.get().uri("/users/{name}", user).retrieve()
                .onStatus(status -> status.value() == 404, (request, response) -> {})
                .body(HubUser.class);
        return java.util.Optional.ofNullable(found == null ? null : found.server());
    }

    /** Whether the hub counts the user's server as starting or running. */
    public boolean serverStartingOrRunning(String user) {
        return serverOf(user).filter(server -> server.ready() || "spawn".equals(server.pending())).isPresent();
    }

    public void stopServer(String user) {
        rest.delete().uri("/users/{name}/server", user).retrieve()
                .onStatus(HttpStatusCode::is4xxClientError, (request, response) -> {})
                .toBodilessEntity();
    }

    /**
     * Ends the person's logins at the hub but the one the bridge's login {@code keptLogin} handed
     * over (the box's plugin: the hub's login cookies and the labs' tokens of the others). Answers how
     * many of the labs' tokens ended.
     */
    public int endLoginsBut(String user, String keptLogin) {
        LoginsEnded ended = rest.post().uri(java.net.URI.create(hubUrl + "/learnbox/users/" + user + "/logins-ended"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(java.util.Map.of("keep", keptLogin))
                .retrieve().body(LoginsEnded.class);
        return ended == null ? 0 : ended.ended();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LoginsEnded(int ended) {}

    public void deleteUser(String user) {
        rest.delete().uri("/users/{name}", user).retrieve()
                .onStatus(status -> status.value() == 404, (request, response) -> {})
                .toBodilessEntity();
    }
}
