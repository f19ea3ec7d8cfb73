package org.learnbox.bridge.docker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Swarm manager's API as far as the box's runtime asks it, answering on a port of this machine:
 * services kept as created, each with the task its test gives it ({@link #taskOf}), nodes as given.
 * For the runtime's own logic; the real engine's cluster is {@code SwarmClusterE2EIT}'s.
 */
public final class StandInSwarm implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    public final Map<String, ObjectNode> services = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> tasks = new LinkedHashMap<>();
    public final Map<String, ObjectNode> networks = new LinkedHashMap<>();
    private final Map<String, ObjectNode> nodes = new LinkedHashMap<>();
    /** Every call, as "METHOD path?query". */
    public final List<String> calls = new ArrayList<>();
    private int refusal;
    private String refusalWords;

    public StandInSwarm() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    public URI address() {
        return URI.create("tcp://127.0.0.1:" + server.getAddress().getPort());
    }

    public SwarmApi api() {
        return SwarmApi.open(address());
    }

    public void node(String id, String address) {
        ObjectNode node = JSON.createObjectNode().put("ID", id);
        node.putObject("Status").put("State", "ready").put("Addr", address);
        node.putObject("Spec").put("Availability", "active");
        nodes.put(id, node);
    }

    /** From now on the service's task is in {@code state} on {@code node}, its port published at {@code port} (0: none yet), with the engine's error. */
    public synchronized void taskOf(String service, String state, String node, int port, String error) {
        ObjectNode task = JSON.createObjectNode().put("ID", "task-" + service).put("NodeID", node).put("DesiredState", "running");
        task.putObject("Version").put("Index", 1);
        ObjectNode status = task.putObject("Status").put("State", state).put("Err", error);
        if (port > 0) status.putObject("PortStatus").putArray("Ports").addObject().put("PublishedPort", port).put("TargetPort", 8888);
        tasks.put(service, new ArrayList<>(List.of(task)));
    }

    /** From now on a global service runs a task on each of these nodes. */
    public synchronized void runsOn(String service, String... nodeIds) {
        List<ObjectNode> running = new ArrayList<>();
        for (String node : nodeIds) {
            ObjectNode task = JSON.createObjectNode().put("ID", "task-" + service + "-" + node).put("NodeID", node).put("DesiredState", "running");
            task.putObject("Status").put("State", "running");
            running.add(task);
        }
        tasks.put(service, running);
    }

    /** The next call is answered with this status and message, as the engine refuses. */
    public synchronized void refuseNext(int status, String message) {
        refusal = status;
        refusalWords = message;
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        if (refusal != 0) {
            int status = refusal;
            refusal = 0;
            send(exchange, status, JSON.createObjectNode().put("message", refusalWords));
            return;
        }
        String path = exchange.getRequestURI().getPath().replaceFirst("^/v1\\.41", "");
        String query = exchange.getRequestURI().getRawQuery();
        String method = exchange.getRequestMethod();
        calls.add(method + " " + path + (query == null ? "" : "?" + URLDecoder.decode(query, StandardCharsets.UTF_8)));
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (method.equals("POST") && path.equals("/services/create")) {
            ObjectNode spec = (ObjectNode) JSON.readTree(body);
            String name = spec.path("Name").asString();
            if (services.containsKey(name)) {
                send(exchange, 409, JSON.createObjectNode().put("message", "name conflicts with an existing object"));
                return;
            }
            services.put(name, spec);
            send(exchange, 201, JSON.createObjectNode().put("ID", "id-" + name));
        } else if (method.equals("GET") && path.startsWith("/services/")) {
            String name = path.substring("/services/".length());
            ObjectNode spec = services.get(name);
            if (spec == null) send(exchange, 404, JSON.createObjectNode().put("message", "service " + name + " not found"));
            else send(exchange, 200, service(name, spec));
        } else if (method.equals("GET") && path.equals("/services")) {
            ArrayNode all = JSON.createArrayNode();
            JsonNode wanted = JSON.readTree(URLDecoder.decode(query.substring("filters=".length()), StandardCharsets.UTF_8)).path("label");
            services.forEach((name, spec) -> {
                boolean matches = true;
                for (JsonNode label : wanted) {
                    String[] pair = label.asString().split("=", 2);
                    matches &= pair[1].equals(spec.path("Labels").path(pair[0]).asString(null));
                }
                if (matches) all.add(service(name, spec));
            });
            send(exchange, 200, all);
        } else if (method.equals("GET") && path.equals("/tasks")) {
            String service = JSON.readTree(URLDecoder.decode(query.substring("filters=".length()), StandardCharsets.UTF_8))
                    .path("service").get(0).asString();
            ArrayNode all = JSON.createArrayNode();
            if (services.containsKey(service) && tasks.containsKey(service)) tasks.get(service).forEach(all::add);
            send(exchange, 200, all);
        } else if (method.equals("GET") && path.startsWith("/nodes/")) {
            ObjectNode node = nodes.get(path.substring("/nodes/".length()));
            if (node == null) send(exchange, 404, JSON.createObjectNode().put("message", "node not found"));
            else send(exchange, 200, node);
        } else if (method.equals("GET") && path.equals("/nodes")) {
            ArrayNode all = JSON.createArrayNode();
            nodes.values().forEach(all::add);
            send(exchange, 200, all);
        } else if (method.equals("GET") && path.startsWith("/networks/")) {
            ObjectNode network = networks.get(path.substring("/networks/".length()));
            if (network == null) send(exchange, 404, JSON.createObjectNode().put("message", "network not found"));
            else send(exchange, 200, network);
        } else if (method.equals("POST") && path.equals("/networks/create")) {
            ObjectNode spec = (ObjectNode) JSON.readTree(body);
            if (networks.putIfAbsent(spec.path("Name").asString(), spec) != null) {
                send(exchange, 409, JSON.createObjectNode().put("message", "network with name exists"));
            } else {
                send(exchange, 201, JSON.createObjectNode().put("Id", "net-" + spec.path("Name").asString()));
            }
        } else if (method.equals("DELETE") && path.startsWith("/services/")) {
            String name = path.substring("/services/".length());
            boolean gone = services.remove(name) != null;
            tasks.remove(name);
            send(exchange, gone ? 200 : 404, gone ? JSON.createObjectNode() : JSON.createObjectNode().put("message", "service not found"));
        } else {
            send(exchange, 500, JSON.createObjectNode().put("message", "the stand-in does not know " + method + " " + path));
        }
    }

    private static ObjectNode service(String name, ObjectNode spec) {
        ObjectNode service = JSON.createObjectNode().put("ID", "id-" + name);
        service.set("Spec", spec);
        return service;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
