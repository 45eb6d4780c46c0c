package io.redisenterprise.infra;

import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.ConfigProblem;
import io.redisenterprise.infra.settings.NodePoolSettings;
import io.redisenterprise.infra.settings.sizing.MachineCatalogue;
import io.redisenterprise.infra.settings.sizing.MachineSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Volumes the new node pools could not reach, judged against the stack's previous deployment: refused, because each
 * Redis Enterprise node's data is on a network-attached disk that only some VMs can attach, and a pod whose claim
 * is bound to a disk no node can attach stays {@code Pending} for good.
 *
 * <ul>
 * <li><b>A zone without VMs for its Redis nodes</b>: a zonal disk attaches only in its zone (the claim's
 * PersistentVolume carries the zone as its node affinity,
 * https://kubernetes.io/docs/concepts/storage/persistent-volumes/#node-affinity). A zone that had VMs must stay
 * (zones may be added, not removed or swapped), whatever else changes. A zone whose VMs go down (fewer spares, a
 * fixed {@code nodesPerZone}, another order of an uneven zone list) must keep as many as the Redis nodes it may
 * run: where the pods are is not recorded, only that the zone spread (maxSkew 1) puts at most
 * ceil(nodes / zones) in one zone, so that is the floor (an assumption in operator mode, where the operator's zone
 * term is only preferred). Not judged when {@code redis.nodes} itself goes down (the statefulset deployment's
 * confirmed scale-down, README, Day-2).</li>
 * <li><b>A machine series that cannot attach a disk type the volumes have</b> (GCP: N4, C4 and the other
 * Hyperdisk-only series attach no Persistent Disk, and N2, N2D, E2 no Hyperdisk Balanced; the series and the disks
 * each attaches are data in {@code sizing/machine-types.yaml}, with their sources). A StorageClass's type reaches
 * only new volumes, so the stack records every type its classes have had ({@value #DISK_TYPES_OUTPUT}) and each
 * must stay attachable.</li>
 * </ul>
 *
 * <p>The check is an error of the program, in the same place as {@link NodePoolReplacement}'s: {@code pulumi preview}
 * (which {@code pulumi up} runs first) fails before any resource changes, and a failed program never reaches
 * Pulumi's delete phase, so no pool is deleted. Under {@code pulumi up --skip-preview} the pools are registered while
 * the check waits for the stack's previous outputs, so a pool's new size (an in-place update) may already be sent.
 * A stack never deployed, or deployed by a version of this program without these outputs, is not judged.
 */
public final class StrandedVolumes {
    /** The stack output: each zone of the node pools and its VMs. */
    public static final String ZONES_OUTPUT = "nodePoolZones";
    /** The stack output: every disk type the StorageClass has had, so every type the volumes may have. */
    public static final String DISK_TYPES_OUTPUT = "volumeDiskTypes";

    private StrandedVolumes() {
    }

    /** The value of the {@value #ZONES_OUTPUT} output: zone → VMs there, in zone order. */
    public static Map<String, Integer> zonesOutput(Placement placement) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < placement.zones().size(); i++) {
            out.put(placement.zones().get(i), placement.zoneNodeCounts().get(i));
        }
        return out;
    }

    /**
     * The value of the {@value #DISK_TYPES_OUTPUT} output: the types recorded before, the type of the class the
     * last deployment had, and this class's type, sorted.
     */
    public static List<String> diskTypesOutput(Object previousDiskTypes, Object previousStorage, Optional<String> type) {
        TreeSet<String> types = new TreeSet<>(previousDiskTypes(previousDiskTypes, previousStorage));
        type.ifPresent(types::add);
        return List.copyOf(types);
    }

    private static TreeSet<String> previousDiskTypes(Object previousDiskTypes, Object previousStorage) {
        TreeSet<String> types = new TreeSet<>();
        if (previousDiskTypes instanceof List<?> list) {
            list.forEach(t -> types.add(String.valueOf(t)));
        }
        if (previousStorage instanceof Map<?, ?> last && last.get("parameters") instanceof Map<?, ?> parameters) {
            diskType(parameters).ifPresent(types::add);
        }
        return types;
    }

    /**
     * The disk type a StorageClass's parameters name: {@code type} for the EBS and GCP PD drivers, {@code skuName}
     * for Azure Disk; empty for a class of another driver.
     */
    public static Optional<String> diskType(Map<?, ?> parameters) {
        Object type = parameters.get("type") != null ? parameters.get("type") : parameters.get("skuName");
        return Optional.ofNullable(type).map(String::valueOf);
    }

    /**
     * @param pool              {@code nodePool} as read
     * @param placement         the pools' zones and VMs per zone, and the Redis nodes, as this program declares them
     * @param previousZones     the {@value #ZONES_OUTPUT} output of the last deployment ({@code null}: none)
     * @param previousNodes     the {@code redisNodes} output of the last deployment ({@code null}: none)
     * @param previousDiskTypes the {@value #DISK_TYPES_OUTPUT} output of the last deployment ({@code null}: none)
     * @param previousStorage   the {@code storageClassParameters} output of the last deployment ({@code null}: none):
     *                          {@code {name, provisioner, parameters: {type, ...}}}
     * @return one line per refusal ({@code redis-enterprise:<key>: <rule>, got <value>}); empty when nothing is stranded
     */
    public static List<String> judge(Cloud cloud, NodePoolSettings pool, Placement placement, Object previousZones,
                                     Object previousNodes, Object previousDiskTypes, Object previousStorage) {
        List<String> refusals = new ArrayList<>();
        if (previousZones instanceof Map<?, ?> before && !before.isEmpty()) {
            List<String> removed = new ArrayList<>();
            List<String> short_ = new ArrayList<>();
            int mostPerZone = previousNodes instanceof Number n
                    ? (int) Math.ceil(n.doubleValue() / before.size()) : 1;
            boolean fewerNodes = previousNodes instanceof Number n && placement.redisNodes() < n.doubleValue();
            before.forEach((zone, vms) -> {
                int had = vms instanceof Number count ? count.intValue() : 0;
                int index = placement.zones().indexOf(String.valueOf(zone));
                if (index < 0) {
                    if (had > 0) {
                        removed.add(String.valueOf(zone));
                    }
                    return;
                }
                int has = placement.zoneNodeCounts().get(index);
                if (!fewerNodes && has < had && has < mostPerZone) {
                    short_.add(zone + " " + has + " (had " + had + ")");
                }
            });
            if (!removed.isEmpty()) {
                refusals.add(line("nodePool.zones", "must keep every zone the Redis nodes run in ("
                        + String.join(", ", removed) + " removed): each Redis node's volume is a zonal disk, so a pod"
                        + " that ran there would stay Pending on the remaining pools, and two at once lose the"
                        + " cluster's quorum. Zones can be added, not removed or swapped: to leave a zone, move the"
                        + " data to a new stack (back up the databases, restore them there)",
                        ConfigProblem.show(placement.zones())));
            } else if (!short_.isEmpty()) {
                String key = pool.nodesPerZone().isPresent() ? "nodePool.nodesPerZone" : "nodePool.zones";
                String got = pool.nodesPerZone().isPresent() ? String.valueOf(pool.nodesPerZone().getAsInt())
                        : ConfigProblem.show(placement.zones());
                refusals.add(line(key, "must leave every zone at least " + mostPerZone + " VM"
                        + (mostPerZone == 1 ? "" : "s") + ", the most Redis nodes the zone spread may have put in one"
                        + " zone (VMs per zone: " + String.join(", ", short_) + "): each Redis node's volume is a"
                        + " zonal disk, so a pod whose VM goes would stay Pending; nodesPerZone, sparePerZone and the"
                        + " order of the zones decide the VMs per zone", got));
            }
        }
        Optional<MachineSeries> series = MachineCatalogue.standard().series(cloud, pool.machineType());
        if (series.isPresent()) {
            List<String> unreachable = previousDiskTypes(previousDiskTypes, previousStorage).stream()
                    .filter(type -> !series.get().attaches(type)).toList();
            if (!unreachable.isEmpty()) {
                String types = String.join(" and ", unreachable);
                refusals.add(line("nodePool.machineType", "must be of a series that attaches the existing"
                        + " volumes' disk type " + types + ", which " + series.get().name() + " machines cannot"
                        + " attach (they attach " + String.join(", ", series.get().dataDisks()) + ", see "
                        + series.get().source().split(" ")[0] + "): the Redis pods would stay Pending on the new pools."
                        + " A new storage.diskType reaches only new volumes: keep a series that attaches " + types
                        + ", or move the data to a new stack (README, \"Another machine series\")",
                        "\"" + pool.machineType() + "\""));
            }
        }
        return refusals;
    }

    /** One refusal line, in the settings' form: {@code redis-enterprise:<key>: <rule>, got <value>}. */
    private static String line(String key, String rule, String got) {
        return new ConfigProblem("redis-enterprise:" + key, rule, got).toString();
    }
}
