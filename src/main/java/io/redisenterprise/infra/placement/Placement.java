package io.redisenterprise.infra.placement;

import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.Settings;
import java.util.LinkedHashMap;
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
 * @param zonePinned      whether pods must run in exactly these zones by node affinity (an existing cluster with
 *                        {@code nodePool.zones}; see {@link #requiredNodeAffinity()})
 */
public record Placement(
        String poolName,
        Map<String, String> nodeLabels,
        Optional<Taint> taint,
        List<String> zones,
        List<Integer> zoneNodeCounts,
        int redisNodes,
        boolean zonePinned) {

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

    /**
     * One term of a required node affinity, spelled as Kubernetes' NodeSelectorRequirement ({@code key},
     * {@code operator}, {@code values}). Only the statefulset deployment renders it: the RedisEnterpriseCluster has no
     * field for a node affinity this program can rely on (see {@link #requiredNodeAffinity()}).
     */
    public record NodeRequirement(String key, String operator, List<String> values) {
        public NodeRequirement {
            values = List.copyOf(values);
        }

        /** {@code {key, operator, values}} as a Kubernetes manifest holds it. */
        public Map<String, Object> toKubernetes() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", key);
            m.put("operator", operator);
            m.put("values", values);
            return m;
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
                nodes,
                settings.cloud() == Cloud.KUBERNETES && !pool.zones().isEmpty());
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

    /**
     * What every Redis Enterprise pod of the statefulset deployment requires of its node: on an existing cluster that
     * lists {@code nodePool.zones}, {@code topology.kubernetes.io/zone In <zones>}, so pods never land in another zone
     * (their zonal volumes and rack ids would follow them there). Empty otherwise: on aws, gcp and azure the pool label
     * already confines the pods to the pool's VMs, which span exactly the zones, and AKS labels nodes with
     * region-qualified zones ({@code eastus-1}), which the configured zone numbers would not match.
     *
     * <p>The operator deployment does not render it (nor {@link #zoneSpreadMinDomains()}): the RedisEnterpriseCluster's
     * only place for a node affinity or a topology spread is {@code redisEnterpriseAdditionalPodSpecAttributes}, which
     * its CRD marks "ADVANCED USAGE USE AT YOUR OWN RISK ... Pod attributes managed by the operator might override these
     * settings" (operator 8.0.20-23 rec_crd.yaml). The operator manages the pods' affinity itself ({@code
     * podAntiAffinity}, its default one-node-per-VM term, its rack-awareness key), and neither the CRD nor the operator's
     * documentation says whether an {@code affinity} given there is merged with it or replaced as a whole: the pin could
     * be dropped silently, or the one-node-per-VM term lost. There, the pool label confines the pods: only nodes of the
     * listed zones may carry it (README).
     */
    public List<NodeRequirement> requiredNodeAffinity() {
        return zonePinned ? List.of(new NodeRequirement(ZONE_TOPOLOGY, "In", zones)) : List.of();
    }

    /**
     * {@code minDomains} of the zone topology spread: the number of zones. While fewer zones than that have a node
     * the pods may use, the scheduler counts the global minimum as 0, so with {@code maxSkew 1} no zone takes a second
     * Redis Enterprise node before every zone has one (rack awareness keeps a shard and its replica in different
     * zones only if the nodes are). Needs {@code whenUnsatisfiable: DoNotSchedule}. Feature state: alpha 1.24, beta
     * 1.25 (off) and 1.27 (on), stable since Kubernetes 1.30, this program's minimum
     * (kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/
     * min-domains-in-pod-topology-spread.md; https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/).
     */
    public int zoneSpreadMinDomains() {
        return zones.size();
    }

    /** VMs in one zone's pool. */
    public int nodesIn(String zone) {
        int i = zones.indexOf(zone);
        if (i < 0) {
            throw new IllegalArgumentException("not a zone of the pool: " + zone + " (zones " + zones + ")");
        }
        return zoneNodeCounts.get(i);
    }

    /** Rack-zone awareness needs at least two zones to place a shard and its replica apart. */
    public boolean rackAware() {
        return zones.size() >= 2;
    }

    /** VMs over all zones. */
    public int poolNodes() {
        return zoneNodeCounts.stream().mapToInt(Integer::intValue).sum();
    }
}
