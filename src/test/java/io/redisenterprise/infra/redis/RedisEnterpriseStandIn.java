package io.redisenterprise.infra.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the Redis Enterprise REST API of every pod of one StatefulSet, plus the one Kubernetes API
 * call the bootstrap script makes. One plain-HTTP server on 127.0.0.1 with an ephemeral port:
 *
 * <ul>
 *   <li>{@code /node-<ordinal>/v1/...}: the REST API of pod {@code <ordinal>} (point {@code RE_API_URL} at
 *       {@link #nodeUrl(int)} and {@code PEER_API_URL_TEMPLATE} at {@link #peerUrlTemplate()});</li>
 *   <li>{@code /k8s/api/v1/nodes/<name>}: a Kubernetes node with a zone label ({@link #k8sUrl()}).</li>
 * </ul>
 *
 * <p>It follows the documented REST API (redis.io/docs/latest/operate/rs/references/rest-api) for the calls the
 * script makes: {@code GET /v1/bootstrap} ({@code bootstrap_status} + {@code local_node_info}), asynchronous
 * {@code POST /v1/bootstrap/create_cluster|join_cluster} (200 accepted, state initiated → creating_cluster /
 * joining_cluster → completed or error after {@link SimNode#pollsUntilDone} polls, 409 while in progress), the
 * {@code repair_required} error with {@code failed_nodes} / {@code replace_candidate}, {@code rack_id_required},
 * {@code GET /v1/cluster}, {@code GET /v1/nodes[/uid]}, {@code GET /v1/local/node/master_healthcheck}, and maintenance
 * mode (redis.io/docs/latest/operate/rs/clusters/maintenance-mode/): {@code GET /v1/nodes/<uid>/status}
 * ({@code master_shards}, {@code slave_shards}, {@code maintenance_snapshot} while a maintenance snapshot exists),
 * {@code POST /v1/nodes/<uid>/actions/maintenance_on|maintenance_off} (200 {@code {"status":"queued","task_id"}}, 409
 * while the same action runs) and {@code GET /v1/nodes/<uid>/actions/<action>} (the action object: queued → running
 * → completed or failed after {@link #actionPolls} polls, 404 before any). {@code maintenance_on} stacks (each
 * activation needs its own {@code maintenance_off}), demotes the node's primaries to replicas when
 * {@code evict_ha_replica} is false and otherwise moves every shard away; {@code maintenance_off} restores the
 * snapshot's shards. Before a node is bootstrapped it ignores credentials; afterwards every call needs the
 * cluster's Basic credentials (401). Stand-in choices where the docs are silent: non-members answer the cluster
 * endpoints with 503; a replacement whose rack differs from the dead node's fails with {@code config_error} unless
 * {@code override_rack_id} is set; a {@code maintenance_on} that would leave fewer active nodes than a majority
 * (the documented quorum check) ends {@code failed} with {@code error_code internal_error}.
 *
 * <p>Every request is recorded (target, method, path, JSON body, Authorization header) for assertions.
 */
public final class RedisEnterpriseStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NODE_PATH = Pattern.compile("^/node-(\\d+)(/.*)$");
    private static final Pattern K8S_NODE_PATH = Pattern.compile("^/k8s/api/v1/nodes/([^/]+)$");
    private static final Pattern NODE_BY_UID = Pattern.compile("^/v1/nodes/(\\d+)$");
    private static final Pattern NODE_STATUS = Pattern.compile("^/v1/nodes/(\\d+)/status$");
    private static final Pattern NODE_ACTION = Pattern.compile("^/v1/nodes/(\\d+)/actions/([a-z_]+)$");

    /** One request as the stand-in saw it; {@code body} is null without a JSON body. */
    public record Recorded(String target, String method, String path, JsonNode body, String authorization) {
        public boolean is(String target, String method, String path) {
            return this.target.equals(target) && this.method.equals(method) && this.path.equals(path);
        }
    }

    /** A cluster member as the cluster configuration records it. */
    public static final class Member {
        public final int uid;
        public volatile String addr;
        public volatile String name;
        public volatile String rackId;
        /** active | provisioning | decommissioning | down (the node object's status). */
        public volatile String status = "active";
        /** Shard uids this node holds as primary (master) and as replica. */
        public final List<Integer> primaryShards = new ArrayList<>();
        public final List<Integer> replicaShards = new ArrayList<>();
        /** Maintenance-mode activations not yet turned off (they stack), and the snapshot they keep. */
        public volatile int maintenanceDepth;
        volatile List<Integer> snapshotPrimaries = List.of();
        volatile List<Integer> snapshotReplicas = List.of();
        final Map<String, Action> actions = new LinkedHashMap<>();

        Member(int uid, String addr, String name, String rackId) {
            this.uid = uid;
            this.addr = addr;
            this.name = name;
            this.rackId = rackId;
        }
    }

    /** The simulated Redis Enterprise software of one pod. */
    public final class SimNode {
        public final int ordinal;
        /** idle | initiated | creating_cluster | joining_cluster | error | completed. */
        volatile String state = "idle";
        volatile ObjectNode lastStatus = null;
        volatile Integer uid = null;
        /** GET /v1/bootstrap polls an accepted POST takes to finish. */
        public volatile int pollsUntilDone = 2;
        private int unavailableRequests;
        private String pendingAction;
        private JsonNode pendingBody;
        private int pollsLeft;

        SimNode(int ordinal) {
            this.ordinal = ordinal;
        }

        /** The next {@code count} requests to this node answer 503 (the REST API is not up yet). */
        public SimNode unavailableFor(int count) {
            synchronized (RedisEnterpriseStandIn.this) {
                unavailableRequests = count;
            }
            return this;
        }

        /**
         * The Redis Enterprise container restarts: the next {@code unavailable} requests answer 503; when
         * {@code losesMembership}, it comes back as a fresh node (bootstrap state idle) while the cluster records its
         * old identity as down.
         */
        public void restart(int unavailable, boolean losesMembership) {
            synchronized (RedisEnterpriseStandIn.this) {
                unavailableRequests = unavailable;
                if (losesMembership) {
                    members.get(uid).status = "down";
                    uid = null;
                    state = "idle";
                }
            }
        }

        /** The node is removed from the cluster (rladmin node remove) while its container keeps running. */
        public void removedFromCluster() {
            synchronized (RedisEnterpriseStandIn.this) {
                members.remove(uid);
                uid = null;
                state = "idle";
            }
        }

        /** This node is already a member of the cluster (a restart with its volume). */
        public Member asMember(int memberUid, String addr, String rackId) {
            synchronized (RedisEnterpriseStandIn.this) {
                requireCluster();
                Member member = new Member(memberUid, addr, "redis-enterprise-" + ordinal, rackId);
                members.put(memberUid, member);
                nextUid = Math.max(nextUid, memberUid + 1);
                uid = memberUid;
                state = "completed";
                return member;
            }
        }

        public String state() {
            return state;
        }

        public Integer uid() {
            return uid;
        }
    }

    private final HttpServer server;
    private final Map<Integer, SimNode> nodes = new TreeMap<>();
    private final Map<Integer, Member> members = new TreeMap<>();
    private final Map<String, String> k8sZones = new LinkedHashMap<>();
    private final List<Recorded> recorded = new ArrayList<>();
    private String k8sToken = "test-service-account-token";
    private String clusterName;
    private String username;
    private String password;
    private boolean rackAware;
    private int nextUid = 1;
    private int nextTask = 1;
    /** GET polls of a node action until it ends. */
    public volatile int actionPolls = 2;

    public RedisEnterpriseStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String nodeUrl(int ordinal) {
        return baseUrl() + "/node-" + ordinal;
    }

    /** For {@code PEER_API_URL_TEMPLATE}: every peer ordinal is its own simulated node. */
    public String peerUrlTemplate() {
        return baseUrl() + "/node-{ordinal}";
    }

    public String k8sUrl() {
        return baseUrl() + "/k8s";
    }

    public synchronized SimNode node(int ordinal) {
        return nodes.computeIfAbsent(ordinal, SimNode::new);
    }

    /** An existing cluster (as if created earlier); add members with {@link SimNode#asMember} / {@link #deadMember}. */
    public synchronized void existingCluster(String name, String user, String pass, boolean rackAwarePolicy) {
        clusterName = name;
        username = user;
        password = pass;
        rackAware = rackAwarePolicy;
    }

    /** A member whose pod is gone (status down): joins then fail with repair_required until it is replaced. */
    public synchronized Member deadMember(int memberUid, String addr, String rackId) {
        requireCluster();
        Member member = new Member(memberUid, addr, "dead-" + memberUid, rackId);
        member.status = "down";
        members.put(memberUid, member);
        nextUid = Math.max(nextUid, memberUid + 1);
        return member;
    }

    public synchronized Map<Integer, Member> members() {
        return new TreeMap<>(members);
    }

    public synchronized String clusterName() {
        return clusterName;
    }

    public synchronized boolean clusterRackAware() {
        return rackAware;
    }

    public synchronized void k8sNode(String name, String zone) {
        k8sZones.put(name, zone);
    }

    public synchronized void k8sToken(String token) {
        k8sToken = token;
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(recorded);
    }

    public synchronized List<Recorded> requests(String target, String method, String path) {
        return recorded.stream().filter(r -> r.is(target, method, path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void requireCluster() {
        if (clusterName == null) {
            throw new IllegalStateException("call existingCluster(...) first");
        }
    }

    /** One node action (the REST API's action object) as the stand-in runs it. */
    static final class Action {
        final String name;
        final String taskId;
        final JsonNode body;
        String status = "queued";
        int pollsLeft;
        String errorCode;
        String errorMessage;

        Action(String name, String taskId, JsonNode body, int polls) {
            this.name = name;
            this.taskId = taskId;
            this.body = body;
            this.pollsLeft = polls;
        }

        boolean ended() {
            return List.of("completed", "failed", "cancelled").contains(status);
        }
    }

    /** The member with this uid; the test sets up its shards or maintenance state through it. */
    public synchronized Member member(int memberUid) {
        return members.get(memberUid);
    }

    // ------------------------------------------------------------------------------------------ dispatch

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            JsonNode body = readBody(exchange.getRequestBody());
            Answer answer;
            synchronized (this) {
                Matcher nodeMatch = NODE_PATH.matcher(path);
                Matcher k8sMatch = K8S_NODE_PATH.matcher(path);
                if (nodeMatch.matches()) {
                    String apiPath = nodeMatch.group(2);
                    recorded.add(new Recorded("node-" + nodeMatch.group(1), method, apiPath, body, authorization));
                    answer = handleNode(node(Integer.parseInt(nodeMatch.group(1))), method, apiPath, body, authorization);
                } else if (k8sMatch.matches()) {
                    recorded.add(new Recorded("k8s", method, path.substring("/k8s".length()), body, authorization));
                    answer = handleK8s(method, k8sMatch.group(1), authorization);
                } else {
                    recorded.add(new Recorded("?", method, path, body, authorization));
                    answer = error(404, "not_found", "no such stand-in path");
                }
            }
            byte[] bytes = answer.body == null ? new byte[0] : JSON.writeValueAsBytes(answer.body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } finally {
            exchange.close();
        }
    }

    private record Answer(int status, JsonNode body) {}

    private static JsonNode readBody(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static Answer ok(JsonNode body) {
        return new Answer(200, body);
    }

    private static Answer error(int status, String code, String description) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error_code", code);
        body.put("description", description);
        return new Answer(status, body);
    }

    // ------------------------------------------------------------------------------------------ Redis Enterprise

    private Answer handleNode(SimNode node, String method, String path, JsonNode body, String authorization) {
        if (node.unavailableRequests > 0) {
            node.unavailableRequests--;
            return error(503, "service_unavailable", "cnm_http is starting");
        }
        boolean member = "completed".equals(node.state);
        if (member && !authorized(authorization)) {
            return error(401, "unauthorized", "authentication required");
        }
        if (method.equals("GET") && path.equals("/v1/bootstrap")) {
            return ok(bootstrapStatus(node));
        }
        if (method.equals("POST") && path.startsWith("/v1/bootstrap/")) {
            return startBootstrap(node, path.substring("/v1/bootstrap/".length()), body);
        }
        if (!member) {
            return error(503, "not_bootstrapped", "the node is not part of a cluster");
        }
        Matcher action = NODE_ACTION.matcher(path);
        if (action.matches()) {
            Member m = members.get(Integer.parseInt(action.group(1)));
            if (m == null) {
                return error(404, "node_not_found", "no node " + action.group(1));
            }
            return method.equals("POST") ? startAction(m, action.group(2), body)
                    : method.equals("GET") ? actionStatus(m, action.group(2))
                    : error(405, "method_not_allowed", method + " " + path);
        }
        if (!method.equals("GET")) {
            return error(405, "method_not_allowed", method + " " + path);
        }
        if (path.equals("/v1/cluster")) {
            ObjectNode cluster = JSON.createObjectNode();
            cluster.put("name", clusterName);
            cluster.put("rack_aware", rackAware);
            return ok(cluster);
        }
        if (path.equals("/v1/nodes")) {
            ArrayNode list = JSON.createArrayNode();
            members.values().forEach(m -> list.add(nodeObject(m)));
            return ok(list);
        }
        Matcher status = NODE_STATUS.matcher(path);
        if (status.matches()) {
            Member m = members.get(Integer.parseInt(status.group(1)));
            return m == null ? error(404, "node_not_found", "no node " + status.group(1)) : ok(nodeStatus(m));
        }
        Matcher byUid = NODE_BY_UID.matcher(path);
        if (byUid.matches()) {
            Member m = members.get(Integer.parseInt(byUid.group(1)));
            return m == null ? error(404, "node_not_found", "no node " + byUid.group(1)) : ok(nodeObject(m));
        }
        if (path.equals("/v1/local/node/master_healthcheck")) {
            Member m = members.get(node.uid);
            ObjectNode health = JSON.createObjectNode();
            health.put("status", m != null && m.status.equals("active") ? "active" : "inactive");
            return ok(health);
        }
        return error(404, "not_found", path);
    }

    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ") || username == null) {
            return false;
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        return decoded.equals(username + ":" + password);
    }

    private static ObjectNode nodeObject(Member m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("uid", m.uid);
        node.put("addr", m.addr);
        node.put("status", m.status);
        if (m.rackId != null) {
            node.put("rack_id", m.rackId);
        }
        return node;
    }

    private static ObjectNode nodeStatus(Member m) {
        ObjectNode status = JSON.createObjectNode();
        status.put("hostname", m.name);
        status.put("node_status", m.status);
        status.put("role", "slave");
        m.primaryShards.forEach(status.putArray("master_shards")::add);
        m.replicaShards.forEach(status.putArray("slave_shards")::add);
        if (m.maintenanceDepth > 0) {
            ObjectNode snapshot = status.putObject("maintenance_snapshot");
            snapshot.put("created_time", "2026-01-01 00:00:00");
            snapshot.put("name", "maintenance_mode_node" + m.uid);
            snapshot.put("node_uid", String.valueOf(m.uid));
        }
        return status;
    }

    private Answer startAction(Member m, String name, JsonNode body) {
        if (!List.of("maintenance_on", "maintenance_off").contains(name)) {
            return error(400, "unsupported_action", name);
        }
        Action running = m.actions.get(name);
        if (running != null && !running.ended()) {
            return error(409, "conflict", "an action of type " + name + " is already running");
        }
        Action started = new Action(name, "task-" + nextTask++, body, actionPolls);
        m.actions.put(name, started);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("status", started.status);
        answer.put("task_id", started.taskId);
        return ok(answer);
    }

    private Answer actionStatus(Member m, String name) {
        Action a = m.actions.get(name);
        if (a == null) {
            return error(404, "not_found", "no " + name + " action on node " + m.uid);
        }
        if (!a.ended()) {
            a.pollsLeft--;
            a.status = a.pollsLeft > 0 ? "running" : finishAction(m, a);
        }
        ObjectNode object = JSON.createObjectNode();
        object.put("name", a.name);
        object.put("node_uid", String.valueOf(m.uid));
        object.put("task_id", a.taskId);
        object.put("status", a.status);
        object.put("progress", a.ended() ? 100 : 50);
        if (a.errorCode != null) {
            object.put("error_code", a.errorCode);
            object.put("error_message", a.errorMessage);
        }
        return ok(object);
    }

    private String finishAction(Member m, Action a) {
        if (a.name.equals("maintenance_on")) {
            long othersActive = members.values().stream()
                    .filter(o -> o != m && o.status.equals("active") && o.maintenanceDepth == 0).count();
            if (othersActive < members.size() / 2 + 1) {
                a.errorCode = "internal_error";
                a.errorMessage = "shutting the node down would lose the cluster's quorum";
                return "failed";
            }
            if (m.maintenanceDepth++ == 0) {
                m.snapshotPrimaries = List.copyOf(m.primaryShards);
                m.snapshotReplicas = List.copyOf(m.replicaShards);
            }
            // Documented default: every shard moves away; evict_ha_replica false keeps the replicas in place.
            boolean keepReplicas = a.body != null && !a.body.path("evict_ha_replica").asBoolean(true);
            m.replicaShards.addAll(keepReplicas ? m.primaryShards : List.of());
            m.primaryShards.clear();
            if (!keepReplicas) {
                m.replicaShards.clear();
            }
            return "completed";
        }
        if (m.maintenanceDepth == 0) {
            a.errorCode = "internal_error";
            a.errorMessage = "the node is not in maintenance mode";
            return "failed";
        }
        if (--m.maintenanceDepth == 0) {
            m.primaryShards.clear();
            m.primaryShards.addAll(m.snapshotPrimaries);
            m.replicaShards.clear();
            m.replicaShards.addAll(m.snapshotReplicas);
        }
        return "completed";
    }

    private ObjectNode bootstrapStatus(SimNode node) {
        if (node.pendingAction != null) {
            advance(node);
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode status = node.lastStatus != null && node.state.equals("error")
                ? node.lastStatus.deepCopy() : JSON.createObjectNode();
        status.put("state", node.state);
        root.set("bootstrap_status", status);
        ObjectNode info = root.putObject("local_node_info");
        if (node.uid != null) {
            info.put("uid", node.uid);
        }
        info.put("software_version", "7.8.6-315");
        info.put("persistent_storage_path", "/var/opt/redislabs/persist");
        info.put("ephemeral_storage_path", "/var/opt/redislabs/tmp");
        return root;
    }

    private Answer startBootstrap(SimNode node, String action, JsonNode body) {
        if (!List.of("idle", "error").contains(node.state)) {
            return error(409, "bootstrap_in_progress", "Bootstrap already in progress (state " + node.state + ")");
        }
        if (!List.of("create_cluster", "join_cluster").contains(action)) {
            return error(404, "unsupported_action", action);
        }
        if (body == null || !body.isObject() || !action.equals(body.path("action").asText())) {
            return error(400, "config_error", "body.action must be " + action);
        }
        node.pendingAction = action;
        node.pendingBody = body;
        node.pollsLeft = node.pollsUntilDone;
        node.state = "initiated";
        node.lastStatus = null;
        return ok(null);
    }

    private void advance(SimNode node) {
        node.pollsLeft--;
        if (node.pollsLeft > 0) {
            node.state = node.pendingAction.equals("create_cluster") ? "creating_cluster" : "joining_cluster";
            return;
        }
        String action = node.pendingAction;
        JsonNode body = node.pendingBody;
        node.pendingAction = null;
        node.pendingBody = null;
        ObjectNode failure = action.equals("create_cluster") ? finishCreate(node, body) : finishJoin(node, body);
        if (failure == null) {
            node.state = "completed";
        } else {
            node.state = "error";
            node.lastStatus = failure;
        }
    }

    private static ObjectNode failure(String code, String message) {
        ObjectNode status = JSON.createObjectNode();
        status.put("error_code", code);
        status.putObject("error_details").put("message", message);
        return status;
    }

    private ObjectNode finishCreate(SimNode node, JsonNode body) {
        String name = body.path("cluster").path("name").asText("");
        String user = body.path("credentials").path("username").asText("");
        String pass = body.path("credentials").path("password").asText("");
        JsonNode identity = body.path("node").path("identity");
        boolean rackAwarePolicy = body.path("policy").path("rack_aware").asBoolean(false);
        if (name.isEmpty() || user.isEmpty() || pass.isEmpty() || !identity.hasNonNull("addr")) {
            return failure("config_error", "cluster.name, credentials and node.identity.addr are required");
        }
        if (rackAwarePolicy && !identity.hasNonNull("rack_id")) {
            return failure("config_error", "a rack-aware cluster needs node.identity.rack_id");
        }
        clusterName = name;
        username = user;
        password = pass;
        rackAware = rackAwarePolicy;
        Member member = new Member(nextUid++, identity.path("addr").asText(), identity.path("name").asText(null),
                identity.path("rack_id").asText(null));
        members.put(member.uid, member);
        node.uid = member.uid;
        return null;
    }

    private ObjectNode finishJoin(SimNode node, JsonNode body) {
        if (clusterName == null) {
            return failure("connect_error", "no cluster at the given nodes");
        }
        List<String> given = new ArrayList<>();
        body.path("cluster").path("nodes").forEach(n -> given.add(n.asText()));
        boolean reachable = members.values().stream()
                .anyMatch(m -> m.status.equals("active") && given.contains(m.addr));
        if (!reachable) {
            return failure("connect_error", "none of " + given + " is an active cluster node");
        }
        if (!Objects.equals(body.path("credentials").path("username").asText(null), username)
                || !Objects.equals(body.path("credentials").path("password").asText(null), password)) {
            return failure("access_denied", "invalid credentials");
        }
        JsonNode identity = body.path("node").path("identity");
        String rackId = identity.path("rack_id").asText(null);
        if (rackAware && rackId == null) {
            ObjectNode status = failure("rack_id_required", "the cluster is rack-aware");
            ArrayNode racks = ((ObjectNode) status.get("error_details")).putArray("current_rack_ids");
            members.values().stream().map(m -> m.rackId).filter(Objects::nonNull).distinct().forEach(racks::add);
            return status;
        }
        List<Member> dead = members.values().stream().filter(m -> m.status.equals("down")).toList();
        Member member;
        if (identity.hasNonNull("uid")) {
            member = members.get(identity.path("uid").asInt());
            if (member == null || !member.status.equals("down")) {
                return failure("config_error", "uid " + identity.path("uid").asText() + " is not a failed node");
            }
            boolean rackChanged = member.rackId != null && rackId != null && !member.rackId.equalsIgnoreCase(rackId);
            if (rackChanged && !identity.path("override_rack_id").asBoolean(false)) {
                return failure("config_error", "replacement rack differs from the failed node's; set override_rack_id");
            }
            member.addr = identity.path("addr").asText();
            member.name = identity.path("name").asText(null);
            member.rackId = rackId;
            member.status = "active";
        } else if (!dead.isEmpty()) {
            ObjectNode status = failure("repair_required", "the cluster is degraded and accepts only replacements");
            ObjectNode details = (ObjectNode) status.get("error_details");
            ArrayNode failed = details.putArray("failed_nodes");
            for (Member m : dead) {
                ObjectNode f = failed.addObject().put("uid", m.uid);
                if (m.rackId != null) {
                    f.put("rack_id", m.rackId);
                }
            }
            details.put("replace_candidate", dead.get(0).uid);
            return status;
        } else {
            member = new Member(nextUid++, identity.path("addr").asText(), identity.path("name").asText(null), rackId);
            members.put(member.uid, member);
        }
        node.uid = member.uid;
        return null;
    }

    // ------------------------------------------------------------------------------------------ Kubernetes

    private Answer handleK8s(String method, String nodeName, String authorization) {
        if (!("Bearer " + k8sToken).equals(authorization)) {
            return error(401, "Unauthorized", "bad bearer token");
        }
        if (!method.equals("GET")) {
            return error(405, "MethodNotAllowed", method);
        }
        if (!k8sZones.containsKey(nodeName)) {
            return error(404, "NotFound", "nodes \"" + nodeName + "\" not found");
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", "Node");
        node.put("apiVersion", "v1");
        ObjectNode metadata = node.putObject("metadata");
        metadata.put("name", nodeName);
        ObjectNode labels = metadata.putObject("labels");
        labels.put("kubernetes.io/hostname", nodeName);
        String zone = k8sZones.get(nodeName);
        if (zone != null) {
            labels.put("topology.kubernetes.io/zone", zone);
        }
        return ok(node);
    }
}
