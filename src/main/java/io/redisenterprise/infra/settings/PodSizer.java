package io.redisenterprise.infra.settings;

import io.redisenterprise.infra.settings.sizing.Allocatable;
import io.redisenterprise.infra.settings.sizing.DaemonSetAllowance;
import io.redisenterprise.infra.settings.sizing.MachineCatalogue;
import io.redisenterprise.infra.settings.sizing.MachineType;
import io.redisenterprise.infra.settings.sizing.NodeAllocatable;
import io.redisenterprise.infra.settings.sizing.NodeCompanions;
import io.redisenterprise.infra.settings.sizing.PodFit;
import io.redisenterprise.infra.settings.sizing.PodSizing;
import io.redisenterprise.infra.settings.sizing.RedisPodSize;
import java.util.List;
import java.util.Optional;

/**
 * {@code redis.cpu} and {@code redis.memory} against {@code nodePool.machineType} and Redis Enterprise's minimum per
 * node ({@link NodeMinimum}): derives the Redis container that fills one VM, or checks that a given one fits, and
 * reports the sizing the plan prints.
 */
final class PodSizer {
    private static final MachineCatalogue CATALOGUE = MachineCatalogue.standard();
    /** An existing cluster's nodes are not ours to know: explicit sizes, or a small development default. */
    private static final Quantity KUBERNETES_CPU = Quantity.of("2");
    private static final Quantity KUBERNETES_MEMORY = Quantity.of("4Gi");

    /**
     * The Redis container size, derived or given and checked, with the report the plan prints.
     *
     * @param cpuKnown    whether {@code cpu} is a real size (given and accepted, or derived from a catalogued machine)
     *                    rather than a stand-in for a refused or underivable one: only then may rules read it
     * @param memoryKnown the same for {@code memory}
     */
    record PodSize(Quantity cpu, Quantity memory, boolean cpuKnown, boolean memoryKnown, Optional<SizingReport> report) {
    }

    private PodSizer() {
    }

    /** @param companions what the deployment runs next to Redis on each VM ({@link DeploymentMode#companions()}) */
    static PodSize size(ReadContext c, NodePoolSettings pool, ConfigObject poolObject, ConfigObject redis,
                        NodeCompanions companions) {
        PodSizing podSizing = new PodSizing(companions);
        Cloud cloud = c.cloud();
        Problems problems = c.problems();
        NodeMinimum minimum = NodeMinimum.forCloud(cloud);
        Optional<Quantity> cpu = redis.quantity("cpu").filter(q -> atLeastMinimum(c, redis, "cpu", q, minimum));
        Optional<Quantity> memory = redis.quantity("memory").filter(q -> atLeastMinimum(c, redis, "memory", q, minimum));
        boolean cpuGiven = redis.has("cpu");
        boolean memoryGiven = redis.has("memory");
        if (cloud == Cloud.KUBERNETES) {
            return new PodSize(cpu.orElse(KUBERNETES_CPU), memory.orElse(KUBERNETES_MEMORY),
                    cpu.isPresent() || !cpuGiven, memory.isPresent() || !memoryGiven, Optional.empty());
        }
        if (!poolObject.usable("machineType")) {
            // The schema refused the machine type: the default machine standing in for it sizes nothing real.
            return new PodSize(cpu.orElse(KUBERNETES_CPU), memory.orElse(KUBERNETES_MEMORY), cpu.isPresent(),
                    memory.isPresent(), Optional.empty());
        }
        Optional<MachineType> machine = CATALOGUE.find(cloud, pool.machineType());
        if (machine.isEmpty()) {
            if (!cpuGiven || !memoryGiven) {
                problems.add(poolObject.keyOf("machineType"), "is not in the sizing catalogue for " + cloud
                        + ", so set redis.cpu and redis.memory explicitly" + suggestion(cloud, pool.machineType()),
                        Problems.quote(pool.machineType()));
            }
            // Nothing derived here is real: rules that read an underived size must not run.
            return new PodSize(cpu.orElse(KUBERNETES_CPU), memory.orElse(KUBERNETES_MEMORY), cpu.isPresent(),
                    memory.isPresent(), Optional.empty());
        }
        DaemonSetAllowance allowance = allowance(cloud, poolObject);
        // An out-of-range maxPods is already reported; size with the default rather than fail twice.
        int maxPods = cloud == Cloud.AZURE && NodeAllocatable.acceptsAksMaxPods(pool.maxPods())
                ? pool.maxPods() : NodeAllocatable.AKS_DEFAULT_MAX_PODS;
        Allocatable node = new NodeAllocatable(maxPods).compute(machine.get(), allowance);
        RedisPodSize filled;
        try {
            filled = podSizing.fill(node);
        } catch (IllegalArgumentException e) {
            problems.add(poolObject.keyOf("machineType"), "is too small for a Redis Enterprise pod (" + node.breakdown() + ")",
                    Problems.quote(pool.machineType()));
            return new PodSize(cpu.orElse(KUBERNETES_CPU), memory.orElse(KUBERNETES_MEMORY), cpu.isPresent(),
                    memory.isPresent(), Optional.empty());
        }
        // A refused maxPods or DaemonSet allowance was replaced by its default: nothing computed from the node is real.
        boolean nodeReal = poolObject.usable("maxPods") && poolObject.usable("daemonSetAllowance");
        boolean cpuDerivable = cpuGiven ? cpu.isPresent() : nodeReal;
        boolean memoryDerivable = memoryGiven ? memory.isPresent() : nodeReal;
        Quantity finalCpu = cpu.orElse(filled.cpu());
        Quantity finalMemory = memory.orElse(filled.memory());
        boolean derivedTooSmall = (!cpuGiven && minimum.cpu().map(m -> filled.cpu().compareTo(m) < 0).orElse(false))
                || (!memoryGiven && filled.memory().compareTo(minimum.memory()) < 0);
        if (derivedTooSmall && nodeReal && poolObject.usable("machineType")) {
            problems.add(poolObject.keyOf("machineType"), "is too small for " + minimum.describe()
                    + ": one node leaves the Redis container " + filled.cpu() + " CPU and " + filled.memory()
                    + " memory after the cloud's reservations and " + companions.description(), Problems.quote(pool.machineType()));
            return new PodSize(finalCpu, finalMemory, cpu.isPresent(), memory.isPresent(), Optional.empty());
        }
        PodFit fit = podSizing.fits(node, finalCpu, finalMemory);
        if (!fit.fits() && nodeReal && cpuDerivable && memoryDerivable) {
            String key = fit.memoryShortfallMiB() > 0 && memory.isPresent() ? "memory" : "cpu";
            Quantity given = key.equals("memory") ? finalMemory : finalCpu;
            boolean machineBelowMinimum = minimum.cpu().map(m -> filled.cpu().compareTo(m) < 0).orElse(false)
                    || filled.memory().compareTo(minimum.memory()) < 0;
            // Suggesting a size below Redis Enterprise's minimum would only lead to the next refusal.
            String remedy = machineBelowMinimum
                    ? " This machine cannot hold " + minimum.describe() + " at all (it leaves cpu " + filled.cpu()
                    + ", memory " + filled.memory() + "): choose a larger nodePool.machineType"
                    : " Largest that fits: cpu " + filled.cpu() + ", memory " + filled.memory();
            problems.add(redis.keyOf(key), "must fit one " + pool.machineType() + " node with " + companions.description() + ": "
                    + fit.message() + remedy, Problems.quote(given.text()));
        }
        long podCpu = fit.neededCpuMillicores();
        long podMemory = fit.neededMemoryMiB();
        SizingReport report = new SizingReport(pool.machineType(), machine.get().vcpu(), machine.get().memoryMiB(),
                node.cpuMillicores(), node.memoryMiB(), podCpu, podMemory,
                (double) podMemory / node.memoryMiB(), (double) podCpu / node.cpuMillicores(),
                !cpuGiven && !memoryGiven, node.breakdown());
        return new PodSize(finalCpu, finalMemory, cpuDerivable && redis.usable("cpu"),
                memoryDerivable && redis.usable("memory"), Optional.of(report));
    }

    /** Redis Enterprise's minimum per node; a memory size written as bare bytes gets the hint it probably meant GiB. */
    private static boolean atLeastMinimum(ReadContext c, ConfigObject redis, String field, Quantity given, NodeMinimum minimum) {
        Optional<Quantity> floor = field.equals("cpu") ? minimum.cpu() : Optional.of(minimum.memory());
        if (floor.isEmpty() || given.compareTo(floor.get()) >= 0) {
            return true;
        }
        String hint = field.equals("memory") ? given.bytesHint().map(h -> "; " + h).orElse("") : "";
        c.problems().add(redis.keyOf(field), "must be at least " + floor.get() + " (" + minimum.describe() + ")" + hint,
                redis.shown(field));
        return false;
    }

    private static String suggestion(Cloud cloud, String typed) {
        List<String> nearest = CATALOGUE.nearest(cloud, typed);
        if (!nearest.isEmpty()) {
            return " (or use a catalogued one: nearest " + String.join(", ", nearest) + ")";
        }
        return " (or use a catalogued one, e.g. " + NodePoolReader.DEFAULT_MACHINE.get(cloud) + ")";
    }

    private static DaemonSetAllowance allowance(Cloud cloud, ConfigObject poolObject) {
        DaemonSetAllowance standard = DaemonSetAllowance.defaultFor(cloud);
        ConfigObject given = poolObject.object("daemonSetAllowance");
        long cpu = given.nonNegativeQuantity("cpu").map(Quantity::millicores).orElse(standard.cpuMillicores());
        long memory = given.nonNegativeQuantity("memory").map(Quantity::mebibytes).orElse(standard.memoryMiB());
        return new DaemonSetAllowance(cpu, memory);
    }
}
