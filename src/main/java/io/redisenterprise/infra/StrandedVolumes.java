package io.redisenterprise.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.sizing.MachineCatalogue;
import io.redisenterprise.infra.settings.sizing.MachineSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Volumes the new node pools could not reach, judged against the stack's previous deployment: refused, because each
 * Redis Enterprise node's data is on a network-attached disk that only some VMs can attach, and a pod whose claim
 * is bound to a disk no node can attach stays {@code Pending} for good.
 *
 * <ul>
 * <li><b>A zone's Redis nodes without VMs</b>: a zonal disk attaches only in its zone (the claim's PersistentVolume
 * carries the zone as its node affinity, https://kubernetes.io/docs/concepts/storage/persistent-volumes/#node-affinity),
 * so a zone removed from {@code nodePool.zones}, or a zone's pool shrunk below the Redis nodes the zone spread put
 * there, leaves a Redis node that cannot start on the remaining VMs; two such nodes at once lose the cluster's
 * quorum. Zones may be added, not removed or swapped. Not judged when {@code redis.nodes} itself goes down (the
 * statefulset deployment's confirmed scale-down, README, Day-2).</li>
 * <li><b>A machine series that cannot attach the existing volumes' disk type</b> (GCP: N4, C4 and the other
 * Hyperdisk-only series attach no Persistent Disk, and N2, N2D, E2 no Hyperdisk Balanced; the series and the disks
 * each attaches are data in {@code sizing/machine-types.yaml}, with their sources). A new disk type in the
 * StorageClass reaches only new volumes, so setting {@code storage.diskType} does not help the existing ones.</li>
 * </ul>
 *
 * <p>Like {@link NodePoolReplacement}, a refusal is an error of the program: {@code pulumi preview} fails before any
 * resource changes, and a failed program never reaches Pulumi's delete phase. A stack never deployed, or deployed
 * by a version of this program that did not export {@value #ZONES_OUTPUT}, is not judged on zones.
 */
public final class StrandedVolumes {
    /** The stack output: each zone of the node pools and the Redis Enterprise nodes the zone spread puts there. */
    public static final String ZONES_OUTPUT = "nodePoolZones";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StrandedVolumes() {
    }

    /** The value of the {@value #ZONES_OUTPUT} output: zone → Redis Enterprise nodes there, in zone order. */
    public static Map<String, Integer> zonesOutput(Placement placement) {
        Map<String, Integer> out = new LinkedHashMap<>();
        List<Integer> shares = placement.redisNodesPerZone();
        for (int i = 0; i < placement.zones().size(); i++) {
            out.put(placement.zones().get(i), shares.get(i));
        }
        return out;
    }

    /**
     * @param placement        the pools' zones and VMs per zone, and the Redis nodes, as this program declares them
     * @param machineType      {@code nodePool.machineType} as declared
     * @param previousZones    the {@value #ZONES_OUTPUT} output of the last deployment ({@code null}: none)
     * @param previousNodes    the {@code redisNodes} output of the last deployment ({@code null}: none)
     * @param previousStorage  the {@code storageClassParameters} output of the last deployment ({@code null}: none):
     *                         {@code {name, provisioner, parameters: {type, ...}}}
     * @return one line per refusal ({@code redis-enterprise:<key>: <rule>, got <value>}); empty when nothing is stranded
     */
    public static List<String> judge(Cloud cloud, Placement placement, String machineType, Object previousZones,
                                     Object previousNodes, Object previousStorage) {
        List<String> refusals = new ArrayList<>();
        boolean fewerNodes = previousNodes instanceof Number n && placement.redisNodes() < n.doubleValue();
        if (previousZones instanceof Map<?, ?> before && !fewerNodes) {
            List<String> removed = new ArrayList<>();
            List<String> shrunk = new ArrayList<>();
            before.forEach((zone, redisNodes) -> {
                int index = placement.zones().indexOf(String.valueOf(zone));
                int had = redisNodes instanceof Number count ? count.intValue() : 0;
                if (index < 0 && had > 0) {
                    removed.add(String.valueOf(zone));
                } else if (index >= 0 && placement.zoneNodeCounts().get(index) < had) {
                    shrunk.add(zone + " (" + had + " Redis nodes, " + placement.zoneNodeCounts().get(index) + " VMs)");
                }
            });
            if (!removed.isEmpty()) {
                refusals.add("redis-enterprise:nodePool.zones: must keep every zone the Redis nodes run in ("
                        + String.join(", ", removed) + " removed): each Redis node's volume is a zonal disk, so a pod"
                        + " that ran there would stay Pending on the remaining pools, and two at once lose the"
                        + " cluster's quorum. Zones can be added, not removed or swapped: to leave a zone, move the"
                        + " data to a new stack (back up the databases, restore them there), got " + json(placement.zones()));
            }
            if (!shrunk.isEmpty()) {
                refusals.add("redis-enterprise:nodePool.nodesPerZone: must leave each zone a VM for every Redis node"
                        + " it runs (" + String.join(", ", shrunk) + "): each Redis node's volume is a zonal disk, so"
                        + " a pod whose VM goes would stay Pending, got " + json(placement.zoneNodeCounts()));
            }
        }
        Optional<MachineSeries> series = MachineCatalogue.standard().series(cloud, machineType);
        if (series.isPresent() && previousStorage instanceof Map<?, ?> last
                && last.get("parameters") instanceof Map<?, ?> parameters && parameters.get("type") != null) {
            String diskType = String.valueOf(parameters.get("type"));
            if (!series.get().attaches(diskType)) {
                refusals.add("redis-enterprise:nodePool.machineType: must be of a series that attaches the existing"
                        + " volumes' disk type " + diskType + ", which " + series.get().name() + " machines cannot"
                        + " attach (they attach " + String.join(", ", series.get().dataDisks()) + ", see "
                        + series.get().source().split(" ")[0] + "): the Redis pods would stay Pending on the new pools."
                        + " A new storage.diskType reaches only new volumes: keep a series that attaches " + diskType
                        + ", or move the data to a new stack (README, \"Another machine series\"), got \"" + machineType
                        + "\"");
            }
        }
        return refusals;
    }

    /** A list as the settings' problems show values: JSON ({@code ["us-east-1a","us-east-1b"]}, {@code [2,2,1]}). */
    private static String json(List<?> values) {
        return JSON.valueToTree(values).toString();
    }
}
