package io.redisenterprise.infra.settings;

import io.redisenterprise.infra.settings.disks.DiskCatalogue;
import io.redisenterprise.infra.settings.disks.DiskType;
import io.redisenterprise.infra.settings.disks.Performance;
import io.redisenterprise.infra.settings.sizing.MachineCatalogue;
import io.redisenterprise.infra.settings.sizing.MachineSeries;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code redis-enterprise:storage}: the StorageClass for Redis Enterprise data, per cloud, or an existing one. Disk
 * types and their rules are data ({@code storage/disk-types.yaml}, {@link DiskCatalogue}); which disk types a machine
 * series attaches is in the machine catalogue ({@link MachineSeries}).
 */
final class StorageReader {
    /**
     * What the Kubernetes API accepts in a StorageClass's parameters: at most 512 entries, no empty key, at most
     * 256 KiB of keys and values together (kubernetes/kubernetes pkg/apis/storage/validation/validation.go,
     * validateParameters: maxProvisionerParameterLen, maxProvisionerParameterSize).
     */
    static final int MAX_PARAMETERS = 512;
    static final int MAX_PARAMETER_BYTES = 256 * 1024;

    private StorageReader() {
    }

    /**
     * @param pool        the node pool, whose machine series decides which disk types can be attached
     * @param redis       {@code redis-enterprise:redis}, for the volume size's key
     * @param volume      redis.volumeSize, given or derived (5 x redis.memory)
     * @param volumeKnown whether {@code volume} is real (given and accepted, or derived from a real memory size)
     */
    static StorageSettings read(ReadContext c, NodePoolSettings pool, ConfigObject poolObject, ConfigObject redis,
                                Quantity volume, boolean volumeKnown) {
        ConfigObject o = c.object("storage");
        Cloud cloud = c.cloud();
        Problems problems = c.problems();
        boolean onCloud = cloud != Cloud.KUBERNETES;
        o.refuseUnless(!onCloud, "existingClassName", "applies only when cloud is kubernetes");
        o.refuseUnless(!onCloud, "provisioner", "applies only when cloud is kubernetes");
        o.refuseUnless(!onCloud, "parameters", "applies only when cloud is kubernetes");
        o.refuseUnless(onCloud, "diskType", "applies only when cloud is aws, gcp or azure; on kubernetes set provisioner and parameters");
        o.refuseUnless(onCloud, "iops", "applies only when cloud is aws, gcp or azure; on kubernetes set it in parameters");
        o.refuseUnless(onCloud, "throughputMiBps", "applies only when cloud is aws, gcp or azure; on kubernetes set it in parameters");
        o.refuseUnless(onCloud, "encryptionKey", "applies only when cloud is aws, gcp or azure; on kubernetes set it in parameters");
        o.refuseUnless(cloud == Cloud.AWS, "installCsiDriver", "applies only when cloud is aws");
        o.refuseUnless(cloud == Cloud.AWS, "csiDriverVersion", "applies only when cloud is aws");

        String className = o.stringOrDefault("className");
        Optional<String> existing = o.string("existingClassName");
        Optional<String> provisioner = o.string("provisioner");
        Map<String, String> parameters = o.stringMap("parameters").orElse(Map.of());
        if (cloud == Cloud.KUBERNETES) {
            if (o.has("existingClassName") == o.has("provisioner")) {
                problems.add(o.keyOf("existingClassName"),
                        "set exactly one of storage.existingClassName (use a class the cluster has) or storage.provisioner (+ parameters) when cloud is kubernetes",
                        o.has("existingClassName") ? "both" : Problems.NOTHING);
            }
            if (o.has("existingClassName")) {
                o.refuseUnless(false, "parameters", "applies only with storage.provisioner");
                o.refuseUnless(false, "className", "does not apply with storage.existingClassName");
            }
            parametersKubernetesAccepts(o, problems, parameters);
        }

        String diskType = "";
        OptionalInt iops = o.integer("iops");
        OptionalInt throughput = o.integer("throughputMiBps");
        if (onCloud) {
            DiskCatalogue disks = DiskCatalogue.standard();
            List<String> diskTypes = disks.dataDiskTypes(cloud);
            Optional<MachineSeries> series = poolObject.usable("machineType")
                    ? MachineCatalogue.standard().series(cloud, pool.machineType()) : Optional.empty();
            // The default follows the machine series: a Hyperdisk-only series (n4, c4, ...) gets the first of the
            // cloud's disk types it attaches (hyperdisk-balanced) instead of pd-ssd, which it cannot attach.
            diskType = o.string("diskType").orElseGet(() -> series
                    .flatMap(s -> diskTypes.stream().filter(s::attaches).findFirst())
                    .orElse(disks.defaultDataDisk(cloud).orElseThrow()));
            if (o.valid("diskType") && !diskTypes.contains(diskType)) {
                problems.add(o.keyOf("diskType"), "must be one of " + String.join(", ", diskTypes) + " on " + cloud,
                        Problems.quote(diskType));
            } else if (o.usable("diskType")) {
                if (series.isPresent() && !series.get().attaches(diskType)) {
                    List<String> fitting = diskTypes.stream().filter(series.get()::attaches).toList();
                    problems.add(o.keyOf("diskType"), "cannot be attached to " + series.get().name()
                            + " machines (nodePool.machineType " + pool.machineType() + "), which attach "
                            + (fitting.isEmpty() ? "none of " + String.join(", ", diskTypes)
                            : "only " + String.join(" or ", fitting) + " of this cloud's disk types")
                            + ", see " + series.get().source().split(" ")[0],
                            Problems.quote(diskType));
                }
                DiskType type = disks.find(cloud, diskType).orElseThrow();
                performance(o, problems, type, iops, throughput, volume, volumeKnown);
                if (volumeKnown) {
                    volumeSize(redis, problems, type, volume);
                }
            }
        }
        Optional<String> key = o.string("encryptionKey");
        key.filter(k -> onCloud && !encryptionKeyFits(cloud, k)).ifPresent(k ->
                problems.add(o.keyOf("encryptionKey"), switch (cloud) {
                    case AWS -> "must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)";
                    case GCP -> "must be a Cloud KMS key (projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>)";
                    default -> "must be a disk encryption set ID (/subscriptions/<s>/resourceGroups/<g>/providers/Microsoft.Compute/diskEncryptionSets/<n>)";
                }, Problems.quote(k)));
        // No default: only the cluster owner knows whether the cluster already runs the driver. Creating the
        // add-on where it exists fails (ResourceInUseException), and a default of false would make a stack whose
        // add-on an earlier version created delete it (without preserve) on its next up.
        if (cloud == Cloud.AWS && !o.has("installCsiDriver")) {
            problems.add(o.keyOf("installCsiDriver"), "required when cloud is aws: true to create the EKS add-on "
                    + "aws-ebs-csi-driver (also for a stack whose add-on an earlier version of this program created), "
                    + "false when the cluster already runs the EBS CSI driver", Problems.NOTHING);
        }
        boolean installCsi = cloud == Cloud.AWS && o.bool("installCsiDriver").orElse(false);
        Optional<String> csiVersion = o.string("csiDriverVersion");
        if (cloud == Cloud.AWS && csiVersion.isPresent() && o.valid("installCsiDriver") && !installCsi) {
            problems.add(o.keyOf("csiDriverVersion"), "applies only with storage.installCsiDriver true (the add-on "
                    + "this stack creates)", Problems.quote(csiVersion.get()));
        }
        return new StorageSettings(className, existing, diskType, iops, throughput, key, provisioner,
                parameters, installCsi, csiVersion);
    }

    /** Provisioned IOPS and throughput against the disk type's ranges and ratios. */
    private static void performance(ConfigObject o, Problems problems, DiskType type, OptionalInt iops,
                                    OptionalInt throughput, Quantity volume, boolean volumeKnown) {
        String name = type.name();
        boolean iopsFit = fitsRange(o, problems, "iops", iops, type.iops(), name);
        boolean throughputFit = fitsRange(o, problems, "throughputMiBps", throughput, type.throughputMiBps(), name);
        if (type.iops().map(Performance::required).orElse(false) && !o.has("iops")) {
            Performance p = type.iops().get();
            problems.add(o.keyOf("iops"), "required for disk type " + name + " (provisioned IOPS, " + p.min() + " to "
                    + p.max() + ")", Problems.NOTHING);
        }
        if (iops.isPresent() && iopsFit && volumeKnown && type.iops().flatMap(Performance::ratio).isPresent()) {
            long gib = volume.ceilGibibytes();
            long cap = type.maxIops(gib);
            if (iops.getAsInt() > cap) {
                Performance p = type.iops().get();
                long neededGiB = BigDecimal.valueOf(iops.getAsInt()).divide(p.ratio().get(), 0, RoundingMode.CEILING)
                        .longValueExact();
                problems.add(o.keyOf("iops"), "must be at most " + cap + " for a " + gib + " GiB " + name
                        + " volume (" + name + " allows " + p.ratioText() + " IOPS per GiB): raise redis.volumeSize to "
                        + neededGiB + "Gi or lower storage.iops", String.valueOf(iops.getAsInt()));
            }
        }
        if (throughput.isPresent() && throughputFit && (iops.isEmpty() || iopsFit)
                && type.throughputMiBps().flatMap(Performance::ratio).isPresent()) {
            long effectiveIops = iops.isPresent() ? iops.getAsInt() : type.baselineIops().orElse(0);
            long cap = type.maxThroughputMiBps(effectiveIops);
            if (throughput.getAsInt() > cap) {
                Performance p = type.throughputMiBps().get();
                long neededIops = BigDecimal.valueOf(throughput.getAsInt()).divide(p.ratio().get(), 0, RoundingMode.CEILING)
                        .longValueExact();
                problems.add(o.keyOf("throughputMiBps"), "must be at most " + cap + " with " + effectiveIops + " IOPS on "
                        + name + " (" + name + " allows " + p.ratioText() + " MiB/s per provisioned IOPS): raise storage.iops to "
                        + neededIops + " or lower the throughput", String.valueOf(throughput.getAsInt()));
            }
        }
    }

    /** The volume of each Redis Enterprise node (rounded up to whole GiB, as the CSI drivers do) within the type's sizes. */
    private static void volumeSize(ConfigObject redis, Problems problems, DiskType type, Quantity volume) {
        long gib = volume.ceilGibibytes();
        if (type.size().contains(gib)) {
            return;
        }
        String rule = "must be between " + type.size().minGiB() + "Gi and " + type.size().maxGiB() + "Gi for disk type "
                + type.name() + " (the cloud's volume size limits)";
        if (redis.valid("volumeSize")) {
            problems.add(redis.keyOf("volumeSize"), rule, redis.shown("volumeSize"));
        } else {
            problems.add(redis.keyOf("volumeSize"), rule + "; its default, 5 x redis.memory, is " + volume
                    + ": set redis.volumeSize", Problems.NOTHING);
        }
    }

    private static boolean fitsRange(ConfigObject o, Problems problems, String field, OptionalInt value,
                                     Optional<Performance> rule, String diskType) {
        if (value.isEmpty()) {
            return true;
        }
        if (rule.isEmpty()) {
            problems.add(o.keyOf(field), "cannot be set for disk type " + diskType + " (its performance follows its size)",
                    String.valueOf(value.getAsInt()));
            return false;
        }
        if (value.getAsInt() < rule.get().min() || value.getAsInt() > rule.get().max()) {
            problems.add(o.keyOf(field), "must be between " + rule.get().min() + " and " + rule.get().max()
                    + " for disk type " + diskType, String.valueOf(value.getAsInt()));
            return false;
        }
        return true;
    }

    /** The Kubernetes API's limits on a StorageClass's parameters (see {@link #MAX_PARAMETERS}). */
    private static void parametersKubernetesAccepts(ConfigObject o, Problems problems, Map<String, String> parameters) {
        if (!o.valid("parameters")) {
            return;
        }
        long bytes = parameters.entrySet().stream().mapToLong(e -> e.getKey().getBytes(StandardCharsets.UTF_8).length
                + (long) e.getValue().getBytes(StandardCharsets.UTF_8).length).sum();
        String got = parameters.size() + " entries, " + bytes + " bytes";
        if (parameters.size() > MAX_PARAMETERS) {
            problems.add(o.keyOf("parameters"), "must have at most " + MAX_PARAMETERS
                    + " entries (the Kubernetes API's StorageClass limit)", got);
        } else if (bytes > MAX_PARAMETER_BYTES) {
            problems.add(o.keyOf("parameters"), "must hold at most " + MAX_PARAMETER_BYTES
                    + " bytes of keys and values (256 KiB, the Kubernetes API's StorageClass limit)", got);
        }
        if (parameters.containsKey("")) {
            problems.add(o.keyOf("parameters"), "must not have an empty key (the Kubernetes API refuses it)", got);
        }
    }

    private static boolean encryptionKeyFits(Cloud cloud, String k) {
        return switch (cloud) {
            case AWS -> k.matches("arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/.+");
            case GCP -> k.matches("projects/[^/]+/locations/[^/]+/keyRings/[^/]+/cryptoKeys/[^/]+");
            case AZURE -> k.matches("(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Compute/diskEncryptionSets/[^/]+");
            case KUBERNETES -> true;
        };
    }
}
