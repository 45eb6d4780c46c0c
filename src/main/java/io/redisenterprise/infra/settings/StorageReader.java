package io.redisenterprise.infra.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code redis-enterprise:storage}: the StorageClass for Redis Enterprise data, per cloud, or an existing one. */
final class StorageReader {
    /** Disk types each cloud's CSI driver provisions for Redis Enterprise data, the first being the default. */
    static final Map<Cloud, List<String>> DISK_TYPES = Map.of(
            Cloud.AWS, List.of("gp3", "io2"),
            Cloud.GCP, List.of("pd-ssd", "pd-balanced", "hyperdisk-balanced"),
            Cloud.AZURE, List.of("Premium_LRS", "Premium_ZRS", "PremiumV2_LRS"));

    private StorageReader() {
    }

    static StorageSettings read(ReadContext c) {
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
        }

        List<String> diskTypes = DISK_TYPES.getOrDefault(cloud, List.of(""));
        String diskType = o.string("diskType").orElse(diskTypes.get(0));
        if (onCloud && o.valid("diskType") && !diskTypes.contains(diskType)) {
            problems.add(o.keyOf("diskType"), "must be one of " + String.join(", ", diskTypes) + " on " + cloud,
                    Problems.quote(diskType));
        }
        OptionalInt iops = o.integer("iops");
        OptionalInt throughput = o.integer("throughputMiBps");
        if (onCloud && o.usable("diskType") && diskTypes.contains(diskType)) {
            DiskLimits limits = DiskLimits.of(cloud, diskType);
            checkRange(o, problems, "iops", iops, limits.iopsMin(), limits.iopsMax(), diskType);
            checkRange(o, problems, "throughputMiBps", throughput, limits.throughputMin(), limits.throughputMax(), diskType);
            if (diskType.equals("io2") && !o.has("iops")) {
                problems.add(o.keyOf("iops"), "required for disk type io2 (provisioned IOPS, 100 to 256000)", Problems.NOTHING);
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
        return new StorageSettings(className, existing, onCloud ? diskType : "", iops, throughput, key, provisioner,
                parameters, installCsi, csiVersion);
    }

    private static boolean encryptionKeyFits(Cloud cloud, String k) {
        return switch (cloud) {
            case AWS -> k.matches("arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/.+");
            case GCP -> k.matches("projects/[^/]+/locations/[^/]+/keyRings/[^/]+/cryptoKeys/[^/]+");
            case AZURE -> k.matches("(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Compute/diskEncryptionSets/[^/]+");
            case KUBERNETES -> true;
        };
    }

    private static void checkRange(ConfigObject o, Problems problems, String field, OptionalInt value, int min, int max,
                                   String diskType) {
        if (value.isEmpty()) {
            return;
        }
        if (max == 0) {
            problems.add(o.keyOf(field), "cannot be set for disk type " + diskType + " (its performance follows its size)",
                    String.valueOf(value.getAsInt()));
        } else if (value.getAsInt() < min || value.getAsInt() > max) {
            problems.add(o.keyOf(field), "must be between " + min + " and " + max + " for disk type " + diskType,
                    String.valueOf(value.getAsInt()));
        }
    }
}
