package io.redisenterprise.infra.settings.disks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The range a disk type accepts for one provisioned figure (IOPS, or throughput in MiB/s) and how that range
 * shrinks with another figure of the same disk.
 *
 * @param min      the smallest value the cloud accepts
 * @param max      the largest value the cloud accepts for any disk of the type
 * @param baseline what the disk gets when nothing is provisioned; also the floor of the ratio cap below
 * @param ratio    the cap per unit of the other figure (IOPS per GiB of size; MiB/s per IOPS): the value may not
 *                 exceed {@code max(baseline, ratio x other)}; empty when the cloud sets no such ratio
 * @param required whether the type cannot be created without a value (EBS io2)
 */
public record Performance(long min, long max, OptionalLong baseline, Optional<BigDecimal> ratio, boolean required) {
    public Performance {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("performance range must be 0 <= min <= max, was " + min + ".." + max);
        }
    }

    /** The largest value allowed next to {@code other} units of the figure the ratio is taken on. */
    public long capFor(long other) {
        if (ratio.isEmpty()) {
            return max;
        }
        long byRatio = ratio.get().multiply(BigDecimal.valueOf(other)).setScale(0, RoundingMode.FLOOR).longValueExact();
        return Math.min(max, Math.max(baseline.orElse(0), byRatio));
    }

    /** The ratio as written in the data file, e.g. {@code 500} or {@code 0.25}. */
    public String ratioText() {
        return ratio.map(r -> r.stripTrailingZeros().toPlainString()).orElse("");
    }
}
