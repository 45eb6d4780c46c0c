package io.redisenterprise.infra.settings.disks;

import io.redisenterprise.infra.settings.Cloud;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One data disk type a cloud's CSI driver creates for Redis Enterprise volumes (storage.diskType), with the rules
 * the cloud's create-disk API applies to it (from {@code storage/disk-types.yaml}, each with its sources).
 *
 * @param size            the sizes the cloud creates, in GiB
 * @param iops            the provisioned IOPS rules; empty when the type's IOPS follow its size
 * @param throughputMiBps the provisioned throughput rules in MiB/s; empty when the type's throughput is not set
 * @param sources         where every figure comes from (doc page URLs, source files at a commit)
 */
public record DiskType(Cloud cloud, String name, SizeRange size, Optional<Performance> iops,
                       Optional<Performance> throughputMiBps, List<String> sources) {
    public DiskType {
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(name, "name");
        sources = List.copyOf(sources);
    }

    /**
     * The most IOPS a volume of {@code sizeGiB} may be given: the type's maximum, capped by its IOPS-per-GiB ratio
     * above the baseline (EBS gp3 500/GiB, io2 1000/GiB; Premium SSD v2 500/GiB after 6 GiB).
     */
    public long maxIops(long sizeGiB) {
        return iops.map(p -> p.capFor(sizeGiB)).orElse(0L);
    }

    /** The most throughput (MiB/s) a volume with {@code iops} IOPS may be given (gp3, Premium SSD v2: 0.25 per IOPS). */
    public long maxThroughputMiBps(long iops) {
        return throughputMiBps.map(p -> p.capFor(iops)).orElse(0L);
    }

    /** The IOPS a volume gets when none are provisioned. */
    public OptionalLong baselineIops() {
        return iops.map(Performance::baseline).orElse(OptionalLong.empty());
    }
}
