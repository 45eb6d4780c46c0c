package io.redisenterprise.infra.settings.sizing;

import io.redisenterprise.infra.settings.Cloud;
import java.util.List;
import java.util.Objects;

/**
 * A machine series and the disk types its VMs attach, from the {@code series} of {@code sizing/machine-types.yaml}.
 * Newer Compute Engine series attach only Hyperdisk (Google: "N4 doesn't support Persistent Disk").
 *
 * @param dataDisks every disk type the series attaches, as the cloud spells it
 * @param bootDisks the disk types a node of the series boots from, preferred first
 * @param source    the machine-series page that lists them
 */
public record MachineSeries(Cloud cloud, String name, List<String> dataDisks, List<String> bootDisks, String source) {
    public MachineSeries {
        Objects.requireNonNull(name, "name");
        dataDisks = List.copyOf(dataDisks);
        bootDisks = List.copyOf(bootDisks);
        if (bootDisks.isEmpty() || !dataDisks.containsAll(bootDisks)) {
            throw new IllegalArgumentException(name + ": boot disks " + bootDisks + " must be some of the series' disks " + dataDisks);
        }
    }

    public boolean attaches(String diskType) {
        return dataDisks.contains(diskType);
    }

    /** The boot disk type a node pool of this series uses: the first the series boots from. */
    public String bootDisk() {
        return bootDisks.get(0);
    }
}
