package io.redisenterprise.infra.settings;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The dedicated pool of VMs that hosts Redis Enterprise pods, one pod per VM.
 *
 * @param bootDiskType   the VMs' boot disk type where this program chooses it: on gcp the one the machine series
 *                       boots from ({@code hyperdisk-balanced} on Hyperdisk-only series such as n4, else
 *                       {@code pd-balanced}); empty on the other clouds, which keep their own default
 * @param nodesPerZone   VMs in every zone's pool when the stack fixes it ({@code nodePool.nodesPerZone}); empty:
 *                       each zone gets its share of the Redis nodes plus {@code sparePerZone} (see
 *                       {@code Placement})
 * @param diskSizeGb     the VMs' boot disk in GB (GiB), within the cloud's node pool limits
 * @param dedicated      whether pods are pinned to the pool with a node selector and toleration (always on the
 *                       clouds; may be turned off on an existing cluster for development)
 * @param maxPods        pods allowed per node where the cloud reserves memory per pod (AKS); 0 = the cloud's default
 * @param sparePerZone   VMs per zone beyond the zone's share of Redis nodes
 * @param serviceAccount the nodes' Google service account (GKE); empty = the Compute Engine default
 */
public record NodePoolSettings(
        String name,
        String machineType,
        String bootDiskType,
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
        return new NodePoolSettings(name, machineType, bootDiskType, zones, nodesPerZone, diskSizeGb, subnetIds,
                nodeRoleArn, dedicated, maxPods, sparePerZone, serviceAccount);
    }
}
