package io.redisenterprise.infra.redis.operator;

import io.redisenterprise.infra.settings.DatabaseSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec of a RedisEnterpriseDatabase ({@code app.redislabs.com/v1alpha1}) as plain data, from one declared
 * database. Field names and values are the operator's CRD (operator 8.0.20-23,
 * github.com/RedisLabs/redis-enterprise-k8s-docs@2c2f61d crds/redb_crd.yaml); the tests validate every planned
 * database against that CRD made strict.
 */
public final class DatabaseSpec {
    public static final String API_VERSION = ClusterSpec.GROUP + "/v1alpha1";
    public static final String KIND = "RedisEnterpriseDatabase";
    /**
     * Shards spread over as many nodes as possible (REDB {@code shardsPlacement}; the operator's default is
     * {@code dense}), so a database's shards share every node's CPU and the plan's per-node estimate holds.
     */
    static final String SHARDS_PLACEMENT = "sparse";

    private DatabaseSpec() {
    }

    public static Map<String, Object> spec(DatabaseSettings db, String clusterName) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("redisEnterpriseCluster", Map.of("name", clusterName));
        spec.put("memorySize", memorySize(db));
        spec.put("shardCount", db.shards());
        spec.put("replication", db.replication());
        spec.put("persistence", db.persistence());
        db.port().ifPresent(p -> spec.put("databasePort", p));
        if (!db.modules().isEmpty()) {
            List<Map<String, Object>> modules = new ArrayList<>();
            for (DatabaseSettings.Module m : db.modules()) {
                Map<String, Object> module = new LinkedHashMap<>();
                module.put("name", m.name());
                m.version().ifPresent(v -> module.put("version", v));
                m.args().ifPresent(a -> module.put("config", a));
                modules.add(module);
            }
            spec.put("modulesList", modules);
        }
        spec.put("tlsMode", db.tls());
        spec.put("evictionPolicy", db.evictionPolicy());
        spec.put("ossCluster", db.ossCluster());
        // Named even when the operator generates the password: left out, the operator writes the name it chose back
        // into the spec, and every later up would see a difference.
        spec.put("databaseSecretName", db.secretName());
        spec.put("rackAware", db.rackAware());
        spec.put("shardsPlacement", SHARDS_PLACEMENT);
        return spec;
    }

    /**
     * The memory limit in the CRD's format ("formats like 100MB or 0.1GB"): whole megabytes, rounded down from the
     * mebibytes the stack gave, so the database is never larger than the stack said, whichever way the operator
     * reads MB (Redis Enterprise's REST API counts memory in bytes; its own tools read MB as 1024 x 1024 bytes).
     */
    static String memorySize(DatabaseSettings db) {
        return db.memory().mebibytes() + "MB";
    }
}
