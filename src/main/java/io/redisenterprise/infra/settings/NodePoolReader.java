package io.redisenterprise.infra.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code redis-enterprise:nodePool}: the dedicated VMs, one Redis Enterprise node each, and their boot disks. */
final class NodePoolReader {
    /** The machine each cloud's pool uses unless the stack names one: 4 vCPUs and 32 GiB, memory-optimised. */
    static final Map<Cloud, String> DEFAULT_MACHINE = Map.of(
            Cloud.AWS, "r6i.xlarge",
            Cloud.GCP, "n2-highmem-4",
            Cloud.AZURE, "Standard_E4s_v5");
    /** Redis Enterprise keeps ephemeral files on the node's boot disk: at least twice the pod's memory. */
    static final int BOOT_DISK_MEMORY_FACTOR = 2;
    static final int MIN_BOOT_DISK_GB = 128;

    private NodePoolReader() {
    }

    static NodePoolSettings read(ReadContext c, ConfigObject o, int redisNodes, boolean nodesUsable) {
        Cloud cloud = c.cloud();
        Problems problems = c.problems();
        boolean onCloud = cloud != Cloud.KUBERNETES;
        o.refuseUnless(cloud == Cloud.AWS, "subnetIds", "applies only when cloud is aws");
        o.refuseUnless(cloud == Cloud.AWS, "nodeRoleArn", "applies only when cloud is aws");
        o.refuseUnless(cloud == Cloud.GCP, "serviceAccount", "applies only when cloud is gcp");
        o.refuseUnless(!onCloud, "dedicated", "applies only when cloud is kubernetes; on " + cloud + " the pool is always dedicated");
        String noPool = "applies only when cloud is aws, gcp or azure (this program creates no node pool on an existing cluster)";
        o.refuseUnless(onCloud, "nodesPerZone", noPool);
        o.refuseUnless(onCloud, "diskSizeGb", noPool);
        o.refuseUnless(onCloud, "sparePerZone", noPool);
        o.refuseUnless(onCloud, "daemonSetAllowance", "applies only when cloud is aws, gcp or azure (sizing uses the cloud's published node reservations)");
        o.refuseUnless(cloud == Cloud.AZURE, "maxPods", "applies only when cloud is azure (AKS reserves memory per allowed pod)");

        String name = o.stringOrDefault("name");
        if (cloud == Cloud.AZURE && !name.matches("[a-z][a-z0-9]{0,11}")) {
            problems.add(o.keyOf("name"), "must be 1-12 lowercase letters and digits starting with a letter (AKS agent pool names)",
                    Problems.quote(name));
        }
        String machineType = o.string("machineType").orElse(DEFAULT_MACHINE.getOrDefault(cloud, ""));

        List<String> zones = o.stringList("zones").orElseGet(() -> cloud == Cloud.AZURE ? List.of("1", "2", "3") : List.of());
        if ((cloud == Cloud.AWS || cloud == Cloud.GCP) && !o.has("zones")) {
            problems.add(o.keyOf("zones"), "required when cloud is " + cloud + ": a non-empty list of zones for the pool (e.g. "
                    + exampleZones(cloud) + ")", Problems.NOTHING);
        }
        if (cloud == Cloud.AZURE && !zones.stream().allMatch(z -> z.matches("[1-3]"))) {
            problems.add(o.keyOf("zones"), "must be Azure availability zone numbers 1, 2 or 3", zones.toString());
        }
        boolean zonesKnown = o.usable("zones") && !zones.isEmpty();

        int spare = o.integerOrDefault("sparePerZone");
        OptionalInt perZone = o.integer("nodesPerZone");
        if (onCloud && perZone.isPresent() && zonesKnown && nodesUsable && o.usable("sparePerZone")
                && perZone.getAsInt() * zones.size() < redisNodes + spare * zones.size()) {
            String need = spare > 0 ? "redis.nodes + sparePerZone x zones (" + redisNodes + " + " + spare + " x " + zones.size() + ")"
                    : "redis.nodes (" + redisNodes + ")";
            int nodesPerZone = perZone.getAsInt();
            problems.add(o.keyOf("nodesPerZone"), "nodesPerZone x zones (" + nodesPerZone + " x " + zones.size()
                    + ") must be at least " + need + ": one Redis Enterprise node per VM", String.valueOf(nodesPerZone));
        }

        int maxPods = cloud == Cloud.AZURE ? o.integerOrDefault("maxPods") : 0;

        List<String> subnets = o.stringList("subnetIds").orElse(List.of());
        if (cloud == Cloud.AWS && o.usable("subnetIds") && o.usable("zones") && subnets.size() != zones.size()) {
            problems.add(o.keyOf("subnetIds"), "must list exactly one subnet per zone (" + zones.size() + " zones: " + zones + ")",
                    o.has("subnetIds") ? subnets.toString() : Problems.NOTHING);
        }
        Optional<String> roleArn = o.string("nodeRoleArn");
        boolean dedicated = o.boolOrDefault("dedicated");
        return new NodePoolSettings(name, machineType, zones, perZone, o.integer("diskSizeGb").orElse(0), subnets,
                roleArn, dedicated, maxPods, spare, o.string("serviceAccount"));
    }

    /** The boot disk holds Redis Enterprise's ephemeral files: at least twice the pod's memory. */
    static NodePoolSettings bootDisk(ReadContext c, ConfigObject o, NodePoolSettings pool, Quantity memory, boolean memoryKnown) {
        long minimum = BOOT_DISK_MEMORY_FACTOR * memory.ceilGibibytes();
        if (!o.valid("diskSizeGb")) {
            return pool.withDiskSizeGb((int) Math.max(MIN_BOOT_DISK_GB, minimum));
        }
        if (c.cloud() != Cloud.KUBERNETES && memoryKnown && pool.diskSizeGb() < minimum) {
            c.problems().add(o.keyOf("diskSizeGb"), "must be at least 2 x redis.memory (" + minimum
                    + " GB for " + memory + ") for Redis Enterprise's ephemeral files", String.valueOf(pool.diskSizeGb()));
        }
        return pool;
    }

    private static String exampleZones(Cloud cloud) {
        return switch (cloud) {
            case AWS -> "[us-east-1a, us-east-1b, us-east-1c]";
            case GCP -> "[europe-west1-b, europe-west1-c, europe-west1-d]";
            default -> "[1, 2, 3]";
        };
    }
}
