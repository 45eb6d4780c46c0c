package io.redisenterprise.infra.settings;

import io.redisenterprise.infra.settings.sizing.Allocatable;
import io.redisenterprise.infra.settings.sizing.DaemonSetAllowance;
import io.redisenterprise.infra.settings.sizing.MachineCatalogue;
import io.redisenterprise.infra.settings.sizing.MachineType;
import io.redisenterprise.infra.settings.sizing.NodeAllocatable;
import io.redisenterprise.infra.settings.sizing.PodFit;
import io.redisenterprise.infra.settings.sizing.PodSizing;
import io.redisenterprise.infra.settings.sizing.RedisPodSize;
import java.util.Optional;

/**
 * {@code redis.cpu} and {@code redis.memory} against {@code nodePool.machineType}: derives the Redis container that
 * fills one VM, or checks that a given one fits, and reports the sizing the plan prints.
 */
final class PodSizer {
    private static final MachineCatalogue CATALOGUE = MachineCatalogue.standard();
    private static final PodSizing POD_SIZING = new PodSizing();
    /** An existing cluster's nodes are not ours to know: explicit sizes, or a small development default. */
    private static final Quantity KUBERNETES_CPU = Quantity.of("2");
    private static final Quantity KUBERNETES_MEMORY = Quantity.of("4Gi");

    /** The Redis container size, derived or given and checked, with the report the plan prints. */
    record PodSize(Quantity cpu, Quantity memory, Optional<SizingReport> report) {
    }

    private PodSizer() {
    }

    static PodSize size(ReadContext c, NodePoolSettings pool, ConfigObject poolObject, ConfigObject redis) {
        Cloud cloud = c.cloud();
        Problems problems = c.problems();
        Optional<Quantity> cpu = redis.quantity("cpu");
        Optional<Quantity> memory = redis.quantity("memory");
        if (cloud == Cloud.KUBERNETES) {
            return new PodSize(cpu.orElse(KUBERNETES_CPU), memory.orElse(KUBERNETES_MEMORY), Optional.empty());
        }
        Optional<MachineType> machine = CATALOGUE.find(cloud, pool.machineType());
        if (machine.isEmpty()) {
            if ((cpu.isEmpty() || memory.isEmpty()) && poolObject.usable("machineType")) {
                problems.add(poolObject.keyOf("machineType"), "is not in the sizing catalogue for " + cloud
                        + ", so set redis.cpu and redis.memory explicitly (or use one of "
                        + String.join(", ", CATALOGUE.known(cloud).stream().limit(6).toList()) + ", ...)",
                        Problems.quote(pool.machineType()));
            }
            return new PodSize(cpu.orElse(KUBERNETES_CPU), memory.orElse(KUBERNETES_MEMORY), Optional.empty());
        }
        DaemonSetAllowance allowance = allowance(cloud, poolObject);
        // An out-of-range maxPods is already reported; size with the default rather than fail twice.
        int maxPods = cloud == Cloud.AZURE && NodeAllocatable.acceptsAksMaxPods(pool.maxPods())
                ? pool.maxPods() : NodeAllocatable.AKS_DEFAULT_MAX_PODS;
        Allocatable node = new NodeAllocatable(maxPods).compute(machine.get(), allowance);
        RedisPodSize filled;
        try {
            filled = POD_SIZING.fill(node);
        } catch (IllegalArgumentException e) {
            problems.add(poolObject.keyOf("machineType"), "is too small for a Redis Enterprise pod (" + node.breakdown() + ")",
                    Problems.quote(pool.machineType()));
            return new PodSize(cpu.orElse(Quantity.of("1")), memory.orElse(Quantity.of("1Gi")), Optional.empty());
        }
        Quantity finalCpu = cpu.orElse(filled.cpu());
        Quantity finalMemory = memory.orElse(filled.memory());
        PodFit fit = POD_SIZING.fits(node, finalCpu, finalMemory);
        if (!fit.fits()) {
            String key = fit.memoryShortfallMiB() > 0 && memory.isPresent() ? "memory" : "cpu";
            Quantity given = key.equals("memory") ? finalMemory : finalCpu;
            problems.add(redis.keyOf(key), "must fit one " + pool.machineType() + " node with the bootstrap sidecar: "
                    + fit.message() + " Largest that fits: cpu " + filled.cpu() + ", memory " + filled.memory(),
                    Problems.quote(given.text()));
        }
        long podCpu = fit.neededCpuMillicores();
        long podMemory = fit.neededMemoryMiB();
        SizingReport report = new SizingReport(pool.machineType(), machine.get().vcpu(), machine.get().memoryMiB(),
                node.cpuMillicores(), node.memoryMiB(), podCpu, podMemory,
                (double) podMemory / node.memoryMiB(), (double) podCpu / node.cpuMillicores(),
                cpu.isEmpty() && memory.isEmpty(), node.breakdown());
        return new PodSize(finalCpu, finalMemory, Optional.of(report));
    }

    private static DaemonSetAllowance allowance(Cloud cloud, ConfigObject poolObject) {
        DaemonSetAllowance standard = DaemonSetAllowance.defaultFor(cloud);
        ConfigObject given = poolObject.object("daemonSetAllowance");
        long cpu = given.nonNegativeQuantity("cpu").map(Quantity::millicores).orElse(standard.cpuMillicores());
        long memory = given.nonNegativeQuantity("memory").map(Quantity::mebibytes).orElse(standard.memoryMiB());
        return new DaemonSetAllowance(cpu, memory);
    }
}
