package io.redisenterprise.infra.settings;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The persistent, network-attached storage for Redis Enterprise data.
 *
 * @param className         the StorageClass this program creates (ignored when {@code existingClassName} is set)
 * @param existingClassName an existing StorageClass to use instead of creating one (existing clusters only)
 * @param provisioner       CSI provisioner for a class created on an existing cluster
 * @param parameters        StorageClass parameters for that provisioner
 * @param installCsiDriver  EKS: this stack creates the aws-ebs-csi-driver add-on (false: the cluster runs the driver)
 * @param csiDriverVersion  EKS: the add-on version pinned by the stack; empty = EKS's default for the cluster's
 *                          Kubernetes version
 */
public record StorageSettings(
        String className,
        Optional<String> existingClassName,
        String diskType,
        OptionalInt iops,
        OptionalInt throughputMiBps,
        Optional<String> encryptionKey,
        Optional<String> provisioner,
        Map<String, String> parameters,
        boolean installCsiDriver,
        Optional<String> csiDriverVersion) {

    public StorageSettings {
        parameters = Map.copyOf(parameters);
    }

    /** The class the Redis Enterprise volume claims name. */
    public String effectiveClassName() {
        return existingClassName.orElse(className);
    }

    public boolean createsClass() {
        return existingClassName.isEmpty();
    }
}
