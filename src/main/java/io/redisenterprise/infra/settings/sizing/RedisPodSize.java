package io.redisenterprise.infra.settings.sizing;

import io.redisenterprise.infra.settings.Quantity;
import java.util.Locale;

/**
 * The Redis Enterprise container size derived for one node (requests = limits), with the sidecar it shares the node
 * with and the node figures it was derived from.
 */
public record RedisPodSize(Quantity cpu, Quantity memory, Quantity sidecarCpu, Quantity sidecarMemory,
        Allocatable node) {

    /** Share of the memory the node leaves for the pod that Redis and the sidecar request: 1.0 is a perfect fit. */
    public double utilisation() {
        long used = PodSizing.ceilMebibytes(memory) + PodSizing.ceilMebibytes(sidecarMemory);
        return (double) used / node.memoryMiB();
    }

    /** Share of the CPU the node leaves for the pod that Redis and the sidecar request. */
    public double cpuUtilisation() {
        return (double) (cpu.millicores() + sidecarCpu.millicores()) / node.cpuMillicores();
    }

    /** For plan output: "Redis 3500m / 28Gi on r6i.xlarge (99.3% of 28997Mi left for the pod)". */
    public String summary() {
        return String.format(Locale.ROOT, "Redis %s / %s on %s (%.1f%% of %dMi left for the pod)",
                cpu, memory, node.machineType().name(), utilisation() * 100, node.memoryMiB());
    }
}
