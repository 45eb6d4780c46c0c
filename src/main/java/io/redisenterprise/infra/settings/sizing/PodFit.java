package io.redisenterprise.infra.settings.sizing;

import io.redisenterprise.infra.settings.Quantity;

/**
 * The answer to "does a Redis pod of this size fit on that node?", with the shortfall when it does not.
 *
 * @param neededCpuMillicores Redis plus sidecar CPU requests
 * @param neededMemoryMiB     Redis plus sidecar memory requests, rounded up to whole MiB
 * @param companions          how the message names what shares the node with Redis ("the bootstrapper sidecar")
 */
public record PodFit(Allocatable node, Quantity cpu, Quantity memory, long neededCpuMillicores,
        long neededMemoryMiB, String companions) {

    public boolean fits() {
        return cpuShortfallMillicores() == 0 && memoryShortfallMiB() == 0;
    }

    public long cpuShortfallMillicores() {
        return Math.max(0, neededCpuMillicores - node.cpuMillicores());
    }

    public long memoryShortfallMiB() {
        return Math.max(0, neededMemoryMiB - node.memoryMiB());
    }

    /** Why the pod does not fit, for a configuration error; empty when it fits. */
    public String message() {
        if (fits()) {
            return "";
        }
        StringBuilder shortBy = new StringBuilder();
        if (cpuShortfallMillicores() > 0) {
            shortBy.append(cpuShortfallMillicores()).append("m CPU");
        }
        if (memoryShortfallMiB() > 0) {
            if (shortBy.length() > 0) {
                shortBy.append(" and ");
            }
            shortBy.append(memoryShortfallMiB()).append("Mi memory");
        }
        return "a Redis pod of " + cpu + " CPU / " + memory + " memory (" + neededCpuMillicores + "m / "
                + neededMemoryMiB + "Mi with " + companions + ") does not fit on a "
                + node.machineType().name() + " node: short by " + shortBy + ". " + node.breakdown();
    }
}
