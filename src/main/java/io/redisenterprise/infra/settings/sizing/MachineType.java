package io.redisenterprise.infra.settings.sizing;

import io.redisenterprise.infra.settings.Cloud;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One VM size a Redis node pool can use, with the provider's published vCPU count and nominal memory.
 *
 * @param memoryMiB nominal memory as published (the kubelet sees less, see {@link NodeAllocatable})
 * @param maxPods   the ENI-derived pod limit EKS uses for kube-reserved memory; empty on clouds where it is a node-pool
 *                  setting rather than a property of the VM size
 */
public record MachineType(Cloud cloud, String name, int vcpu, long memoryMiB, OptionalInt maxPods) {

    public MachineType {
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maxPods, "maxPods");
        if (vcpu <= 0) {
            throw new IllegalArgumentException(name + ": vcpu must be positive, was " + vcpu);
        }
        if (memoryMiB <= 0) {
            throw new IllegalArgumentException(name + ": memoryMiB must be positive, was " + memoryMiB);
        }
        if (maxPods.isPresent() && maxPods.getAsInt() <= 0) {
            throw new IllegalArgumentException(name + ": maxPods must be positive, was " + maxPods.getAsInt());
        }
    }

    /** A machine type without a per-type pod limit (GKE, AKS). */
    public MachineType(Cloud cloud, String name, int vcpu, long memoryMiB) {
        this(cloud, name, vcpu, memoryMiB, OptionalInt.empty());
    }

    @Override
    public String toString() {
        return name + " (" + cloud + ", " + vcpu + " vCPU, " + memoryMiB + "Mi)";
    }
}
