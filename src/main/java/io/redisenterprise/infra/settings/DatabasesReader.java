package io.redisenterprise.infra.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code redis-enterprise:databases}: the databases the cluster serves, and the rules Redis Enterprise would
 * otherwise apply only once the cluster runs: that they fit its memory and shard limits, and that replication and
 * rack awareness have the nodes and zones they need.
 */
final class DatabasesReader {
    static final String KEY = "databases";
    /**
     * Share of each node's memory Redis Enterprise asks to keep free ("ensure that 30% of the RAM is available on
     * each node at any given time", hardware requirements,
     * https://redis.io/docs/latest/operate/rs/installing-upgrading/install/plan-deployment/hardware-requirements/):
     * databases may use the other 70 %.
     */
    static final int FREE_MEMORY_PERCENT = 30;
    /**
     * Redis shards one node may run: the cluster's default {@code max_redis_servers} ("Max allowed Redis servers on
     * node", default 100, https://redis.io/docs/latest/operate/rs/references/rest-api/objects/bootstrap/limits/).
     */
    static final int MAX_SHARDS_PER_NODE = 100;
    /**
     * Shards a cluster without a licence key may run: "Trial mode is limited to 30 days and 4 shards, including
     * master and replica shards" (https://redis.io/docs/latest/operate/rs/clusters/configure/license-keys/).
     */
    static final int TRIAL_SHARDS = 4;
    /** The RedisEnterpriseDatabase minimum memorySize ("Minimum value is 100MB", REDB CRD 8.0.20-23). */
    static final long MIN_MEMORY_MB = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatabasesReader() {
    }

    /**
     * @param memoryKnown whether {@code redis.memory} is the real per-node memory (given and accepted, or derived from
     *                    a known machine): the rules that weigh databases against the nodes run only then, so a
     *                    refused machine type or memory never yields advice computed from a stand-in
     */
    static List<DatabaseSettings> read(ReadContext c, RedisSettings redis, boolean memoryKnown, NodePoolSettings pool,
                                       CredentialSettings credentials, DeploymentSettings deployment) {
        String full = SettingsLoader.NAMESPACE + ":" + KEY;
        JsonNode list = c.document().value(full);
        if (!list.isArray() || c.invalid().contains("/" + full)) {
            return List.of();
        }
        if (!deployment.usesOperator() && !list.isEmpty()) {
            // The operator turns each entry into a database and keeps it in step; this program's StatefulSet mode has
            // no such controller, and creating databases through the REST API from pulumi up would leave them
            // unmanaged by Kubernetes (docs/architecture.md).
            c.problems().add(KEY, "need redis.deployment: operator (the Redis Enterprise operator creates and keeps"
                    + " the databases); in statefulset mode create databases in the Redis Enterprise UI or REST API",
                    list.size() + (list.size() == 1 ? " database" : " databases"));
            return List.of();
        }
        JsonNode plaintext = plaintext(c, full);
        Problems problems = c.problems();
        int zones = Math.max(1, pool.zones().size());
        List<DatabaseSettings> out = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        Map<Integer, Integer> ports = new HashMap<>();
        // Totals need every database's memory and shards; each database's own rules run whenever its values are known.
        boolean complete = true;
        Map<String, String> services = clusterServices(redis.name());
        for (int i = 0; i < list.size(); i++) {
            ConfigObject o = c.element(KEY, i);
            String at = KEY + "[" + i + "]";
            if (!o.valid("name") || !o.valid("memory")) {
                complete = false;
                continue;
            }
            String name = o.string("name").orElseThrow();
            Integer earlier = names.putIfAbsent(name, i);
            if (earlier != null) {
                problems.add(at + ".name", "must be unique: " + KEY + "[" + earlier + "] has the same name", Problems.quote(name));
            } else {
                serviceNames(c, services, name, at);
            }
            OptionalInt port = o.integer("port");
            if (port.isPresent()) {
                Integer other = ports.putIfAbsent(port.getAsInt(), i);
                if (other != null) {
                    problems.add(at + ".port", "must be unique in the cluster: " + KEY + "[" + other + "] has the same port",
                            String.valueOf(port.getAsInt()));
                }
            }
            Optional<Quantity> memory = o.quantity("memory");
            if (memory.isEmpty()) {
                complete = false;
                continue;
            }
            if (memory.get().mebibytes() < MIN_MEMORY_MB) {
                // Compared in what the database receives: memorySize is written in whole MB (DatabaseSpec).
                problems.add(at + ".memory", "must be at least 100Mi (the RedisEnterpriseDatabase minimum is 100MB,"
                        + " and memorySize is written in whole mebibytes)", Problems.quote(memory.get().text()));
            }
            // A replica never shares its primary's node: the operator runs 3 nodes or more, so there is always one.
            boolean replication = o.boolOrDefault("replication");
            boolean rackAware = o.bool("rackAware").orElse(replication && zones >= 2);
            if (o.valid("rackAware") && rackAware && (zones < 2 || !replication)) {
                // Both needs in one line: one line per key, and every problem in one run.
                List<String> needs = new ArrayList<>();
                if (zones < 2) {
                    needs.add("a stack spanning at least 2 zones (nodePool.zones)");
                }
                if (!replication) {
                    needs.add("replication");
                }
                problems.add(at + ".rackAware", "needs " + String.join(" and ", needs) + ": rack awareness places each"
                        + " replica shard in another zone than its primary", "true");
            }
            List<DatabaseSettings.Module> modules = new ArrayList<>();
            JsonNode given = list.get(i).path("modules");
            if (o.valid("modules")) {
                given.forEach(m -> modules.add(new DatabaseSettings.Module(m.path("name").asText(),
                        text(m.path("version")), text(m.path("args")))));
            }
            Optional<SecretText> password = o.valid("password")
                    ? text(plaintext.path(i).path("password")).map(SecretText::new) : Optional.empty();
            out.add(new DatabaseSettings(name, memory.get(), o.integerOrDefault("shards"), replication,
                    o.stringOrDefault("persistence"), port, modules, o.stringOrDefault("tls"),
                    o.stringOrDefault("evictionPolicy"), o.boolOrDefault("ossCluster"), password, rackAware));
            boolean sized = o.usable("shards") && o.usable("replication") && memoryKnown;
            if (sized) {
                shardFitsNode(c, out.get(out.size() - 1), i, redis);
            }
            complete &= sized;
        }
        if (complete && !out.isEmpty()) {
            capacity(c, out, redis, pool, credentials);
        }
        return out;
    }

    /**
     * The Services a cluster's operator creates, by name, with what owns them: the REST API under the cluster's name,
     * the UI {@code <name>-ui} and the metrics {@code <name>-prom} (README, "Two deployments"; operator docs,
     * https://redis.io/docs/latest/operate/kubernetes/networking/).
     */
    private static Map<String, String> clusterServices(String cluster) {
        Map<String, String> services = new HashMap<>();
        for (String s : List.of(cluster, cluster + "-ui", cluster + "-prom")) {
            services.put(s, "the cluster's Service " + s);
        }
        return services;
    }

    /**
     * A database's Services are named after it: {@code <name>} and {@code <name>-headless} (operator docs, database
     * connectivity, https://redis.io/docs/latest/operate/kubernetes/networking/database-connectivity/); neither may
     * take a name the cluster or another database already has.
     */
    private static void serviceNames(ReadContext c, Map<String, String> taken, String name, String at) {
        for (String service : List.of(name, name + "-headless")) {
            String owner = taken.putIfAbsent(service, at + "'s Service " + service);
            if (owner != null) {
                c.problems().add(at + ".name", "names the Service " + service + ", which is already " + owner
                        + " (the operator names a database's Services <name> and <name>-headless)", Problems.quote(name));
                return;
            }
        }
    }

    /** A shard never spans nodes: one shard's share of the memory must fit what a node offers. */
    private static void shardFitsNode(ReadContext c, DatabaseSettings d, int i, RedisSettings redis) {
        long nodeMiB = usableMiB(redis);
        if (d.shardMemoryMiB() > nodeMiB) {
            int copies = d.replication() ? 2 : 1;
            long needed = (d.memory().mebibytes() + nodeMiB * copies - 1) / (nodeMiB * copies);
            c.problems().add(KEY + "[" + i + "].shards", "must be at least " + needed + " for " + d.memory() + ": a shard"
                    + " never spans nodes, and one would hold " + Quantity.ofMebibytes(d.shardMemoryMiB())
                    + " while a node offers " + Quantity.ofMebibytes(nodeMiB) + " (" + redis.memory() + " less "
                    + FREE_MEMORY_PERCENT + " %)", String.valueOf(d.shards()));
        }
    }

    /** What the cluster can hold: memory over all nodes, shards per node. */
    private static void capacity(ReadContext c, List<DatabaseSettings> dbs, RedisSettings redis, NodePoolSettings pool,
                                 CredentialSettings credentials) {
        Problems problems = c.problems();
        long nodeMiB = usableMiB(redis);
        long clusterMiB = nodeMiB * redis.nodes();
        long total = dbs.stream().mapToLong(d -> d.memory().mebibytes()).sum();
        if (total > clusterMiB) {
            problems.add(KEY, "the databases' memory (" + Quantity.ofMebibytes(total) + " in all, replicas included)"
                    + " must fit the cluster: " + redis.nodes() + " nodes x " + redis.memory() + " less the "
                    + FREE_MEMORY_PERCENT + " % of each node Redis Enterprise keeps free = "
                    + Quantity.ofMebibytes(clusterMiB) + "; add nodes, grow redis.memory or shrink the databases",
                    Quantity.ofMebibytes(total).text());
        }
        if (total <= clusterMiB && problems.isEmpty()) {
            DatabaseLayout.of(dbs, redis.nodes(), pool.zones(), nodeMiB).overfull().ifPresent(n -> c.warnings().add(
                    SettingsLoader.NAMESPACE + ":" + KEY + ": the estimated shard placement (the plan's databases"
                    + " section) puts " + Quantity.ofMebibytes(n.memoryMiB()) + " on node " + n.node() + ", above the "
                    + Quantity.ofMebibytes(nodeMiB) + " a node offers; Redis Enterprise places shards without"
                    + " checking their memory limits (shards_overbooking), so that node runs out of memory before the"
                    + " databases are full: use more, smaller shards, grow redis.memory or add nodes"));
        }
        int shards = dbs.stream().mapToInt(DatabaseSettings::totalShards).sum();
        int perNode = (shards + redis.nodes() - 1) / redis.nodes();
        if (perNode > MAX_SHARDS_PER_NODE) {
            problems.add(KEY, "the databases' " + shards + " shards (replicas included) put " + perNode
                    + " on a node; Redis Enterprise runs at most " + MAX_SHARDS_PER_NODE
                    + " per node (max_redis_servers); add nodes or use fewer shards", String.valueOf(shards));
        }
        if (credentials.license().isEmpty() && shards > TRIAL_SHARDS) {
            c.warnings().add(SettingsLoader.NAMESPACE + ":" + KEY + ": " + shards + " shards (replicas included) pass"
                    + " the trial licence's " + TRIAL_SHARDS + "; without redis-enterprise:license Redis Enterprise refuses"
                    + " the databases beyond it (https://redis.io/docs/latest/operate/rs/clusters/configure/license-keys/)");
        }
    }

    /** What databases may use on one node: its Redis memory less the share Redis Enterprise keeps free. */
    static long usableMiB(RedisSettings redis) {
        return BigDecimal.valueOf(redis.memory().mebibytes()).multiply(BigDecimal.valueOf(100 - FREE_MEMORY_PERCENT))
                .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.FLOOR).longValueExact();
    }

    /** The list as the source holds it, with secrets in plaintext (Pulumi hands secrets over decrypted). */
    private static JsonNode plaintext(ReadContext c, String full) {
        Object raw = c.source().get(full).map(ConfigValue::raw).orElse(null);
        try {
            return raw instanceof String text ? JSON.readTree(text) : JSON.valueToTree(raw);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return MissingNode.getInstance();
        }
    }

    private static Optional<String> text(JsonNode n) {
        return n.isValueNode() && !n.isNull() ? Optional.of(n.asText()) : Optional.empty();
    }
}
