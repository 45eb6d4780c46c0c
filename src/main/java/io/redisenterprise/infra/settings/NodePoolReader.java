package io.redisenterprise.infra.settings;

import io.redisenterprise.infra.settings.disks.DiskCatalogue;
import io.redisenterprise.infra.settings.disks.SizeRange;
import io.redisenterprise.infra.settings.sizing.MachineCatalogue;
import io.redisenterprise.infra.settings.sizing.MachineSeries;
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
    /** GKE's boot disk type for nodes whose series is not in the catalogue or attaches Persistent Disk. */
    static final String GKE_BOOT_DISK = "pd-balanced";

    private NodePoolReader() {
    }

    static NodePoolSettings read(ReadContext c, ConfigObject o, ClusterTarget target, int redisNodes, boolean nodesUsable) {
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
            problems.add(o.keyOf("zones"), "must be Azure availability zone numbers 1, 2 or 3", ConfigProblem.show(zones));
        }
        boolean zonesKnown = o.usable("zones") && !zones.isEmpty();
        if (zonesKnown) {
            zonesOfTheRegion(c, o, target, zones);
        }

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
            problems.add(o.keyOf("subnetIds"), "must list exactly one subnet per zone (" + zones.size() + " zones: " + ConfigProblem.show(zones) + ")",
                    o.has("subnetIds") ? ConfigProblem.show(subnets) : Problems.NOTHING);
        }
        Optional<String> roleArn = o.string("nodeRoleArn");
        boolean dedicated = o.boolOrDefault("dedicated");
        return new NodePoolSettings(name, machineType, bootDiskType(cloud, machineType), zones, perZone,
                o.integer("diskSizeGb").orElse(0), subnets, roleArn, dedicated, maxPods, spare, o.string("serviceAccount"));
    }

    /**
     * The boot disk type a GKE node of this machine series needs: {@code hyperdisk-balanced} on series that attach
     * only Hyperdisk (n4, c4, ...), otherwise {@code pd-balanced}, GKE's default since 1.24
     * (https://cloud.google.com/kubernetes-engine/docs/how-to/custom-boot-disks) and what pools had before; empty
     * where the program leaves the boot disk type to the cloud (EKS, AKS).
     */
    static String bootDiskType(Cloud cloud, String machineType) {
        if (cloud != Cloud.GCP) {
            return "";
        }
        return MachineCatalogue.standard().series(cloud, machineType).map(MachineSeries::bootDisk).orElse(GKE_BOOT_DISK);
    }

    /** Zones of another region make the cloud refuse the node pool mid-up; see {@link ZoneNames} for the naming. */
    private static void zonesOfTheRegion(ReadContext c, ConfigObject o, ClusterTarget target, List<String> zones) {
        if (target instanceof ClusterTarget.Eks eks && !eks.region().isEmpty()) {
            List<String> ids = zones.stream().filter(ZoneNames::awsZoneId).toList();
            if (!ids.isEmpty()) {
                c.problems().add(o.keyOf("zones"), "must name zones, not AZ IDs (" + String.join(", ", ids)
                        + "): nodes carry the zone name, such as " + eks.region() + "a", ConfigProblem.show(zones));
            } else if (!zones.stream().allMatch(z -> ZoneNames.awsZoneOf(eks.region(), z))) {
                c.problems().add(o.keyOf("zones"), "must all be zones of aws:region " + eks.region() + ": "
                        + eks.region() + " followed by a letter (" + eks.region() + "a), or a Local Zone "
                        + eks.region() + "-<location>-<number><letter>", ConfigProblem.show(zones));
            }
        }
        if (target instanceof ClusterTarget.Gke gke) {
            Optional<String> region = ZoneNames.gcpRegionOf(gke.location());
            if (region.isPresent() && !zones.stream().allMatch(z -> ZoneNames.gcpZoneOf(region.get(), z))) {
                String where = region.get().equals(gke.location()) ? "the GKE cluster's region " + region.get()
                        : "the region " + region.get() + " of the GKE cluster's zone " + gke.location();
                c.problems().add(o.keyOf("zones"), "must all be zones of " + where + ", named " + region.get()
                        + "-<letter>", ConfigProblem.show(zones));
            }
        }
    }

    /**
     * The boot disk holds Redis Enterprise's ephemeral files: at least twice the pod's memory, and within the sizes
     * the cloud's node pool API accepts ({@code storage/disk-types.yaml}, bootDisk).
     */
    static NodePoolSettings bootDisk(ReadContext c, ConfigObject o, NodePoolSettings pool, Quantity memory, boolean memoryKnown) {
        Cloud cloud = c.cloud();
        long minimum = BOOT_DISK_MEMORY_FACTOR * memory.ceilGibibytes();
        if (cloud == Cloud.KUBERNETES) {
            return pool.withDiskSizeGb((int) Math.min(Math.max(MIN_BOOT_DISK_GB, minimum), Integer.MAX_VALUE));
        }
        SizeRange range = DiskCatalogue.standard().bootDisk(cloud).orElseThrow().size();
        if (!o.valid("diskSizeGb")) {
            long derived = Math.max(MIN_BOOT_DISK_GB, minimum);
            if (memoryKnown && o.usable("diskSizeGb") && derived > range.maxGiB()) {
                c.problems().add(o.keyOf("diskSizeGb"), "defaults to 2 x redis.memory (" + derived + " GB for " + memory
                        + "), above the largest boot disk on " + cloud + " (" + range.maxGiB() + " GB): lower redis.memory",
                        Problems.NOTHING);
            }
            return pool.withDiskSizeGb((int) Math.min(derived, Integer.MAX_VALUE));
        }
        if (!range.contains(pool.diskSizeGb())) {
            c.problems().add(o.keyOf("diskSizeGb"), "must be between " + range.minGiB() + " and " + range.maxGiB()
                    + " on " + cloud + " (the node pool's boot disk limits)", String.valueOf(pool.diskSizeGb()));
        } else if (memoryKnown && pool.diskSizeGb() < minimum) {
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
