package io.redisenterprise.infra.settings.disks;

/**
 * The sizes, in whole GiB, a cloud accepts for one kind of disk (both ends inclusive).
 *
 * @param minGiB the smallest size the cloud creates
 * @param maxGiB the largest size the cloud creates
 */
public record SizeRange(long minGiB, long maxGiB) {
    public SizeRange {
        if (minGiB < 1 || maxGiB < minGiB) {
            throw new IllegalArgumentException("size range must be 1 <= min <= max, was " + minGiB + ".." + maxGiB);
        }
    }

    public boolean contains(long gib) {
        return gib >= minGiB && gib <= maxGiB;
    }

    @Override
    public String toString() {
        return minGiB + "-" + maxGiB + " GiB";
    }
}
