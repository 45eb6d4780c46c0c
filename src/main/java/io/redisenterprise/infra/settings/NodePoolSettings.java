package io.redisenterprise.infra.settings;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The dedicated pool of VMs that hosts Redis Enterprise pods, one pod per VM.
 *
 * @param nodesPerZone   VMs in every zone's pool when the stack fixes it ({@code nodePool.nodesPerZone}); empty:
 *                       each zone gets its share of the Redis nodes plus {@code sparePerZone} (see
 *                       {@code Placement})
 * @param dedicated      whether pods are pinned to the pool with a node selector and toleration (always on the
 *                       clouds; may be turned off on an existing cluster for development)
 * @param maxPods        pods allowed per node where the cloud reserves memory per pod (AKS); 0 = the cloud's default
 * @param sparePerZone   VMs per zone beyond the zone's share of Redis nodes
 * @param serviceAccount the nodes' Google service account (GKE); empty = the Compute Engine default
 */
public record NodePoolSettings(
        String name,
        String machineType,
        List<String> zones,
        OptionalInt nodesPerZone,
        int diskSizeGb,
        List<String> subnetIds,
        Optional<String> nodeRoleArn,
        boolean dedicated,
        int maxPods,
        int sparePerZone,
        Optional<String> serviceAccount) {

    public NodePoolSettings {
        zones = List.copyOf(zones);
        subnetIds = List.copyOf(subnetIds);
    }

    /** The same pool with another boot disk size (the default follows the pod's memory, known after sizing). */
    public NodePoolSettings withDiskSizeGb(int diskSizeGb) {
        return new NodePoolSettings(name, machineType, zones, nodesPerZone, diskSizeGb, subnetIds, nodeRoleArn,
                dedicated, maxPods, sparePerZone, serviceAccount);
    }
}
