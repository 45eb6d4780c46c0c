package io.redisenterprise.infra.settings;

/**
 * Provisioned-performance ranges a disk type accepts (0 = not configurable), from each cloud's disk
 * documentation: EBS gp3/io2, GCP Hyperdisk Balanced, Azure Premium SSD v2.
 */
record DiskLimits(int iopsMin, int iopsMax, int throughputMin, int throughputMax) {

    static DiskLimits of(Cloud cloud, String diskType) {
        return switch (diskType) {
            case "gp3" -> new DiskLimits(3000, 16000, 125, 1000);
            case "io2" -> new DiskLimits(100, 256000, 0, 0);
            case "hyperdisk-balanced" -> new DiskLimits(3000, 160000, 140, 2400);
            case "PremiumV2_LRS" -> new DiskLimits(3000, 80000, 125, 1200);
            default -> new DiskLimits(0, 0, 0, 0);
        };
    }
}
