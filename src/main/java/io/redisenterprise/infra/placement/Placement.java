package io.redisenterprise.infra.placement;

import io.redisenterprise.infra.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where Redis Enterprise nodes run, derived once from the settings. The node pools carry these labels and
 * taint; the StatefulSet selects and tolerates exactly the same values, so the two can never disagree.
 *
 * @param nodeLabels      labels every VM of the dedicated pool carries (empty when placement is off)
 * @param taint           the taint that keeps other workloads off the pool (empty when placement is off)
 * @param zones           the zones the pool spans; pods spread across them evenly (empty: single-zone cluster)
 * @param zoneNodeCounts  VMs in each zone, in the order of {@code zones} (one pool per zone on every cloud)
 */
public record Placement(
        String poolName,
        Map<String, String> nodeLabels,
        Optional<Taint> taint,
        List<String> zones,
        List<Integer> zoneNodeCounts,
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
        zoneNodeCounts = List.copyOf(zoneNodeCounts);
        if (zoneNodeCounts.size() != zones.size()) {
            throw new IllegalArgumentException("one node count per zone: " + zones + " but " + zoneNodeCounts);
        }
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
        int nodes = settings.redis().nodes();
        return new Placement(
                pool.name(),
                dedicated ? Map.of(POOL_LABEL, pool.name()) : Map.of(),
                dedicated ? Optional.of(new Taint(TAINT_KEY, TAINT_VALUE)) : Optional.empty(),
                pool.zones(),
                zoneCounts(nodes, pool.zones().size(), pool.nodesPerZone(), pool.sparePerZone()),
                nodes);
    }

    /**
     * VMs per zone: the stack's fixed {@code nodesPerZone} in every zone, or else each zone's share of the Redis
     * nodes (the first {@code nodes % zones} zones take one more: 5 over 3 zones is 2, 2, 1) plus the spares. The
     * StatefulSet's zone spread (maxSkew 1) with one pod per VM then fills exactly these VMs, so 5 nodes over 3
     * zones cost 5 VMs, not the 6 a uniform count per zone would.
     */
    static List<Integer> zoneCounts(int redisNodes, int zoneCount, OptionalInt fixed, int sparePerZone) {
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < zoneCount; i++) {
            int share = redisNodes / zoneCount + (i < redisNodes % zoneCount ? 1 : 0);
            counts.add(fixed.orElse(share + sparePerZone));
        }
        return counts;
    }

    public boolean dedicated() {
        return !nodeLabels.isEmpty();
    }

    public boolean spreadsAcrossZones() {
        return !zones.isEmpty();
    }

    /** VMs in one zone's pool. */
    public int nodesIn(String zone) {
        int i = zones.indexOf(zone);
        if (i < 0) {
            throw new IllegalArgumentException("not a zone of the pool: " + zone + " (zones " + zones + ")");
        }
        return zoneNodeCounts.get(i);
    }

    /** VMs over all zones. */
    public int poolNodes() {
        return zoneNodeCounts.stream().mapToInt(Integer::intValue).sum();
    }
}
