package org.learnbox.bridge.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.CookieHandler;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A person with a browser's cookie jar, using the box through its front door. */
final class Learner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern KEYCLOAK_FORM = Pattern.compile("<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    final String name;
    private final RunningBox box;
    final CookieManager cookies = new CookieManager();
    final HttpClient http;

    Learner(RunningBox box, String name) {
        this.box = box;
        this.name = name;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookieJar())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                // Not shorter than a long answer (a snippet's run takes 20 s): the JDK's client can
                // count a slow first answer on a new connection against the connect timeout.
                .connectTimeout(Duration.ofSeconds(60))
                .build();
    }

    /**
     * The cookies, sent as a browser sends them: http://localhost is a secure context there, so
     * cookies marked Secure (Keycloak marks its own so) go to it too.
     */
    private CookieHandler cookieJar() {
        return new CookieHandler() {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                boolean local = "http".equals(uri.getScheme()) && "localhost".equals(uri.getHost());
                return cookies.get(local ? URI.create("https" + uri.toString().substring(4)) : uri, headers);
            }

            @Override
            public void put(URI uri, Map<String, List<String>> headers) throws IOException {
                cookies.put(uri, headers);
            }
        };
    }

    RunningBox box() {
        return box;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(box.url(path))).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Fills in the login form and submits it; the answer is the page the person lands on. */
    HttpResponse<String> logIn(String password) throws Exception {
        return submitLogin(http, password);
    }

    /** Submits the login form and stops at the bridge's answer, before any hand-over. */
    HttpResponse<String> logInWithoutFollowing(String password) throws Exception {
        return submitLogin(withoutFollowing(), password);
    }

    private HttpResponse<String> submitLogin(HttpClient client, String password) throws Exception {
        HttpResponse<String> form = get("/login");
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) throw new AssertionError("the login page has no CSRF token:\n" + form.body());
        String body = "username=" + enc(name) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        return client.send(HttpRequest.newBuilder(URI.create(box.url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** With single sign-on: the box sends the person on to Keycloak's own form, which they fill in. */
    HttpResponse<String> logInOnKeycloak(String password) throws Exception {
        return submitKeycloakForm(http, get("/login"), password);
    }

    /** Fills in Keycloak's login form on the page given and submits it with the client given. */
    HttpResponse<String> submitKeycloakForm(HttpClient client, HttpResponse<String> page, String password) throws Exception {
        Matcher form = KEYCLOAK_FORM.matcher(page.body());
        if (!form.find()) throw new AssertionError("not Keycloak's login form: " + page.uri() + "\n" + page.body());
        String body = "username=" + enc(name) + "&password=" + enc(password) + "&credentialId=";
        return client.send(HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A client with this person's cookies that stops at every redirect. */
    HttpClient withoutFollowing() {
        return HttpClient.newBuilder().cookieHandler(cookieJar()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The progress events of the spawn under way, as JupyterHub's spawn page reads them. */
    List<JsonNode> spawnProgress() throws Exception {
        String path = "/hub/api/users/" + name + "/server/progress?_xsrf=" + enc(cookie("_xsrf", "/hub/"));
        HttpResponse<java.io.InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create(box.url(path))).timeout(Duration.ofMinutes(3)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (!line.startsWith("data:")) continue;
                JsonNode event = JSON.readTree(line.substring(5));
                events.add(event);
                if (event.path("ready").asBoolean(false) || event.path("failed").asBoolean(false)) break;
            }
        }
        return events;
    }

    /**
     * The page that explains a failed spawn. A spawn that fails at once is answered on
     * /hub/spawn (503); one that fails a moment later, on the spawn-pending page (500).
     */
    HttpResponse<String> spawnFailurePage(HttpResponse<String> landed) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HttpResponse<String> page = landed;
        while (page.statusCode() == 200) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("the spawn did not fail: " + page.uri());
            Thread.sleep(300);
            page = get("/hub/spawn-pending/" + name);
        }
        return page;
    }

    /** Waits until the person's JupyterLab answers through the front door. */
    void awaitLab() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            last = get("/user/" + name + "/lab");
            if (last.statusCode() == 200 && last.uri().getPath().equals("/user/" + name + "/lab")) return;
            Thread.sleep(300);
        }
        throw new AssertionError("JupyterLab of " + name + " did not answer: " + (last == null ? "" : last.uri() + " " + last.body()));
    }

    /** Logs in and waits for the person's JupyterLab. */
    void logInToLab(String password) throws Exception {
        logIn(password);
        awaitLab();
    }

    String cookie(String cookieName, String pathPrefix) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(cookieName) && (c.getPath() == null || c.getPath().startsWith(pathPrefix)))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + cookieName + " for " + pathPrefix));
    }

    String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** A call to the person's own Jupyter Server, authenticated as the lab page is. */
    HttpResponse<String> server(String method, String path, String json) throws Exception {
        return server(method, path, json, "en");
    }

    /** As above, from a browser whose first language is {@code language}. */
    HttpResponse<String> server(String method, String path, String json, String language) throws Exception {
        get("/user/" + name + "/lab"); // sets the server's _xsrf cookie, as opening the page does
        HttpRequest request = HttpRequest.newBuilder(URI.create(box.url("/user/" + name + path)))
                .header("X-XSRFToken", cookie("_xsrf", "/user/" + name))
                .header("Accept-Language", language)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(60))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** "Stop My Server" on JupyterHub's home page. */
    void stopServer() throws Exception {
        get("/hub/home");
        HttpResponse<String> stopped = http.send(HttpRequest.newBuilder(URI.create(box.url("/hub/api/users/" + name + "/server")))
                        .header("X-XSRFToken", cookie("_xsrf", "/hub/"))
                        .DELETE().timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (stopped.statusCode() != 204 && stopped.statusCode() != 202) {
            throw new AssertionError("server not stopped: " + stopped.statusCode() + " " + stopped.body());
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (box.docker("ps", "-q", "--filter", "name=" + box.sandboxContainer(name)).stdout().strip().length() > 0) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("the sandbox of " + name + " is still there");
            Thread.sleep(300);
        }
    }

    /** Opens JupyterHub's spawn page, as the "Start My Server" button does, and waits for the lab. */
    void startServer() throws Exception {
        get("/hub/spawn");
        awaitLab();
    }

    void writeFile(String path, String text) throws Exception {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            server("PUT", "/api/contents/" + path.substring(0, slash), "{\"type\":\"directory\"}");
        }
        String body = JSON.writeValueAsString(java.util.Map.of("type", "file", "format", "text", "content", text));
        HttpResponse<String> saved = server("PUT", "/api/contents/" + path, body);
        if (saved.statusCode() / 100 != 2) throw new AssertionError("not saved: " + saved.statusCode() + " " + saved.body());
    }

    String readFile(String path) throws Exception {
        HttpResponse<String> file = server("GET", "/api/contents/" + path + "?content=1&type=file&format=text", null);
        if (file.statusCode() != 200) throw new AssertionError("cannot read " + path + ": " + file.statusCode() + " " + file.body());
        return JSON.readTree(file.body()).path("content").asString();
    }

    KernelSession startKernel(String kernelName) throws Exception {
        HttpResponse<String> created = server("POST", "/api/kernels", "{\"name\":\"" + kernelName + "\"}");
        if (created.statusCode() != 201) throw new AssertionError("kernel not started: " + created.statusCode() + " " + created.body());
        String id = JSON.readTree(created.body()).path("id").asString();
        return KernelSession.open(this, URI.create("ws://localhost:" + box.port + "/user/" + name + "/api/kernels/" + id
                + "/channels?session_id=" + java.util.UUID.randomUUID()), id);
    }

    /** A kernel started for a notebook, as JupyterLab starts one: in the notebook's folder, knowing its path. */
    KernelSession openNotebook(String path, String kernelName) throws Exception {
        // JupyterLab names the session after the file; Jupyter then gives the kernel JPY_SESSION_NAME, its full path.
        String body = JSON.writeValueAsString(java.util.Map.of("path", path, "name", path.substring(path.lastIndexOf('/') + 1), "type", "notebook",
                "kernel", java.util.Map.of("name", kernelName)));
        HttpResponse<String> created = server("POST", "/api/sessions", body);
        if (created.statusCode() != 201) throw new AssertionError("no session for " + path + ": " + created.statusCode() + " " + created.body());
        String id = JSON.readTree(created.body()).path("kernel").path("id").asString();
        return KernelSession.open(this, URI.create("ws://localhost:" + box.port + "/user/" + name + "/api/kernels/" + id
                + "/channels?session_id=" + java.util.UUID.randomUUID()), id);
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
