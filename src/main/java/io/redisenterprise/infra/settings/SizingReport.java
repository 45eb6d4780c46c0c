package io.redisenterprise.infra.settings;

/**
 * How the Redis Enterprise pod fits the pool's machine type: what one node leaves for the pod after the
 * cloud's reservations and DaemonSets, what the pod requests, and how much of that it uses.
 *
 * @param derived          whether cpu and memory were derived (true) or given by the user and checked (false)
 * @param memoryUtilisation (Redis + sidecar memory) / memory the node leaves for the pod
 */
public record SizingReport(
        String machineType,
        int vcpu,
        long machineMemoryMiB,
        long allocatableCpuMillicores,
        long allocatableMemoryMiB,
        long podCpuMillicores,
        long podMemoryMiB,
        double memoryUtilisation,
        double cpuUtilisation,
        boolean derived,
        String breakdown) {
}
