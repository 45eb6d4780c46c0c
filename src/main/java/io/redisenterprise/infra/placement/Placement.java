package io.redisenterprise.infra.placement;

import io.redisenterprise.infra.settings.Settings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where Redis Enterprise nodes run, derived once from the settings. The node pool carries these labels and
 * taint; the StatefulSet selects and tolerates exactly the same values, so the two can never disagree.
 *
 * @param nodeLabels labels every VM of the dedicated pool carries (empty when placement is off)
 * @param taint      the taint that keeps other workloads off the pool (empty when placement is off)
 * @param zones      the zones the pool spans; pods spread across them evenly (empty: single-zone cluster)
 */
public record Placement(
        String poolName,
        Map<String, String> nodeLabels,
        Optional<Taint> taint,
        List<String> zones,
        int nodesPerZone,
        int redisNodes) {

    /** Label on the pool's VMs naming the pool. */
    public static final String POOL_LABEL = "redis.io/node-pool";
    /** Taint key reserving the pool's VMs for Redis Enterprise. */
    public static final String TAINT_KEY = "redis.io/dedicated";
    public static final String TAINT_VALUE = "redis-enterprise";
    /** The well-known node labels the scheduler uses for one-pod-per-VM and zone spread. */
    public static final String HOSTNAME_TOPOLOGY = "kubernetes.io/hostname";
    public static final String ZONE_TOPOLOGY = "topology.kubernetes.io/zone";

    public Placement {
        nodeLabels = Map.copyOf(nodeLabels);
        zones = List.copyOf(zones);
    }

    /** A taint with effect NoSchedule (Kubernetes spelling; each cloud maps it to its own). */
    public record Taint(String key, String value) {
        public static final String EFFECT = "NoSchedule";

        /** The {@code key=value:NoSchedule} form kubectl and AKS use. */
        public String asKubectlString() {
            return key + "=" + value + ":" + EFFECT;
        }
    }

    public static Placement from(Settings settings) {
        var pool = settings.nodePool();
        boolean dedicated = pool.dedicated();
        return new Placement(
                pool.name(),
                dedicated ? Map.of(POOL_LABEL, pool.name()) : Map.of(),
                dedicated ? Optional.of(new Taint(TAINT_KEY, TAINT_VALUE)) : Optional.empty(),
                pool.zones(),
                pool.nodesPerZone(),
                settings.redis().nodes());
    }

    public boolean dedicated() {
        return !nodeLabels.isEmpty();
    }

    public boolean spreadsAcrossZones() {
        return !zones.isEmpty();
    }

    public int poolNodes() {
        return nodesPerZone * Math.max(1, zones.size());
    }
}
