package io.redisenterprise.infra.settings.sizing;

import java.util.Objects;

/**
 * What one node of a machine type leaves for the Redis pod, with the deductions that led there.
 *
 * <p>{@code cpuMillicores} and {@code memoryMiB} are the kubelet's allocatable minus the DaemonSet allowance: the room
 * the scheduler sees for our pod. Memory deductions are applied in the order the node applies them: the VM's nominal
 * size, less what firmware and kernel keep (the kubelet's capacity), less kube-reserved and the hard eviction
 * threshold (the kubelet's allocatable), less DaemonSet requests.
 */
public record Allocatable(
        long cpuMillicores,
        long memoryMiB,
        MachineType machineType,
        long capacityCpuMillicores,
        long kubeReservedCpuMillicores,
        long daemonSetCpuMillicores,
        long nominalMemoryMiB,
        long vmOverheadMemoryMiB,
        long kubeReservedMemoryMiB,
        long evictionMemoryMiB,
        long daemonSetMemoryMiB) {

    public Allocatable {
        Objects.requireNonNull(machineType, "machineType");
        // The totals are components so callers read them directly; they must agree with the breakdown.
        if (cpuMillicores != capacityCpuMillicores - kubeReservedCpuMillicores - daemonSetCpuMillicores) {
            throw new IllegalArgumentException("CPU total does not match its breakdown");
        }
        if (memoryMiB != nominalMemoryMiB - vmOverheadMemoryMiB - kubeReservedMemoryMiB - evictionMemoryMiB
                - daemonSetMemoryMiB) {
            throw new IllegalArgumentException("memory total does not match its breakdown");
        }
    }

    static Allocatable of(MachineType type, long kubeReservedCpu, long vmOverheadMemory, long kubeReservedMemory,
            long evictionMemory, DaemonSetAllowance daemonSets) {
        long capacityCpu = type.vcpu() * 1000L;
        long nominal = type.memoryMiB();
        return new Allocatable(
                capacityCpu - kubeReservedCpu - daemonSets.cpuMillicores(),
                nominal - vmOverheadMemory - kubeReservedMemory - evictionMemory - daemonSets.memoryMiB(),
                type,
                capacityCpu, kubeReservedCpu, daemonSets.cpuMillicores(),
                nominal, vmOverheadMemory, kubeReservedMemory, evictionMemory, daemonSets.memoryMiB());
    }

    /** Memory the kubelet reports as {@code capacity}: the nominal size less firmware and kernel reservations. */
    public long capacityMemoryMiB() {
        return nominalMemoryMiB - vmOverheadMemoryMiB;
    }

    /** What {@code kubectl describe node} would show as allocatable memory, before DaemonSets. */
    public long nodeAllocatableMemoryMiB() {
        return capacityMemoryMiB() - kubeReservedMemoryMiB - evictionMemoryMiB;
    }

    /** What {@code kubectl describe node} would show as allocatable CPU, before DaemonSets. */
    public long nodeAllocatableCpuMillicores() {
        return capacityCpuMillicores - kubeReservedCpuMillicores;
    }

    /** One line per resource, for plan output and refusal messages. */
    public String breakdown() {
        return machineType.name() + " on " + machineType.cloud() + ": memory "
                + nominalMemoryMiB + "Mi nominal - "
                + vmOverheadMemoryMiB + "Mi VM/kernel overhead - "
                + kubeReservedMemoryMiB + "Mi kube-reserved - "
                + evictionMemoryMiB + "Mi eviction threshold - "
                + daemonSetMemoryMiB + "Mi DaemonSets = " + memoryMiB + "Mi; CPU "
                + capacityCpuMillicores + "m - "
                + kubeReservedCpuMillicores + "m kube-reserved - "
                + daemonSetCpuMillicores + "m DaemonSets = " + cpuMillicores + "m";
    }
}
