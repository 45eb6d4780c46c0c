package io.redisenterprise.infra.redis;

import java.util.LinkedHashMap;
import java.util.Map;

/** The labels Redis Enterprise objects carry, spelled as the Redis Enterprise operator spells them. */
public final class RedisLabels {
    public static final String APP = "app";
    public static final String APP_VALUE = "redis-enterprise";
    public static final String CLUSTER = "redis.io/cluster";
    public static final String ROLE = "redis.io/role";
    public static final String ROLE_NODE = "node";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    private RedisLabels() {
    }

    /** Selects exactly the Redis Enterprise node pods of one cluster (StatefulSet, PDB, anti-affinity, services). */
    public static Map<String, String> nodeSelector(String clusterName) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(APP, APP_VALUE);
        m.put(CLUSTER, clusterName);
        m.put(ROLE, ROLE_NODE);
        return m;
    }

    /** Labels for every object of one cluster. */
    public static Map<String, String> common(String clusterName) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(APP, APP_VALUE);
        m.put(CLUSTER, clusterName);
        m.put(MANAGED_BY, "pulumi");
        return m;
    }

    /** Labels for the node pods: the selector labels plus the common ones. */
    public static Map<String, String> pod(String clusterName) {
        Map<String, String> m = new LinkedHashMap<>(common(clusterName));
        m.putAll(nodeSelector(clusterName));
        return m;
    }
}
