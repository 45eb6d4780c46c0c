package io.redisenterprise.infra.settings.disks;

import io.redisenterprise.infra.settings.Cloud;
import java.util.List;

/**
 * The boot disk sizes a cloud's node pool API accepts (nodePool.diskSizeGb): EKS diskSize, GKE diskSizeGb, AKS
 * osDiskSizeGB.
 */
public record BootDisk(Cloud cloud, SizeRange size, List<String> sources) {
    public BootDisk {
        sources = List.copyOf(sources);
    }
}
