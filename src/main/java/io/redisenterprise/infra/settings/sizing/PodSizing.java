package io.redisenterprise.infra.settings.sizing;

import io.redisenterprise.infra.settings.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Derives the Redis Enterprise container size that fills one node, and checks sizes users chose, alongside the
 * operator's bootstrapper sidecar.
 *
 * <p>Both containers get requests equal to limits (Guaranteed QoS), so the pod needs the sum of both on one node.
 */
public final class PodSizing {

    /** The operator's default {@code bootstrapperResources} CPU (REC spec). */
    public static final Quantity DEFAULT_SIDECAR_CPU = Quantity.of("100m");

    /** The operator's default {@code bootstrapperResources} memory (REC spec). */
    public static final Quantity DEFAULT_SIDECAR_MEMORY = Quantity.of("128Mi");

    /**
     * Redis memory is rounded down to a multiple of 256Mi: readable sizes (quarters of a GiB) that give up less than
     * 256Mi, so any node leaving at least 1.7GiB for the pod is filled to 85% or more. On the catalogue the lowest
     * fill is 98% (Standard_D4s_v5); the smallest node leaves about 4.7GiB.
     */
    public static final long MEMORY_STEP_MIB = 256;

    /** Redis CPU is rounded down to a multiple of 100m: a tenth of a core is the finest step anyone reads. */
    public static final long CPU_STEP_MILLICORES = 100;

    private static final BigDecimal BYTES_PER_MIB = BigDecimal.valueOf(1024L * 1024L);

    private final Quantity sidecarCpu;
    private final Quantity sidecarMemory;
    private final String companions;

    /** Sizing with the operator's default bootstrapper requests (100m, 128Mi). */
    public PodSizing() {
        this(DEFAULT_SIDECAR_CPU, DEFAULT_SIDECAR_MEMORY);
    }

    /** Sizing with the bootstrapper requests the deployment sets. */
    public PodSizing(Quantity sidecarCpu, Quantity sidecarMemory) {
        this(sidecarCpu, sidecarMemory, "the bootstrapper sidecar");
    }

    /**
     * Sizing that leaves room on every node for everything else the deployment runs there (the "sidecar" figures are
     * then their sum), e.g. {@link NodeCompanions#OPERATOR}.
     */
    public PodSizing(NodeCompanions companions) {
        this(companions.cpu(), companions.memory(), companions.description());
    }

    private PodSizing(Quantity sidecarCpu, Quantity sidecarMemory, String companions) {
        this.sidecarCpu = requirePositive(sidecarCpu, "sidecar CPU");
        this.sidecarMemory = requirePositive(sidecarMemory, "sidecar memory");
        this.companions = companions;
    }

    /** The largest Redis container, in whole steps, that fits next to the sidecar in what the node leaves. */
    public RedisPodSize fill(Allocatable node) {
        long cpu = roundDown(node.cpuMillicores() - sidecarCpu.millicores(), CPU_STEP_MILLICORES);
        long memory = roundDown(node.memoryMiB() - ceilMebibytes(sidecarMemory), MEMORY_STEP_MIB);
        if (cpu < CPU_STEP_MILLICORES || memory < MEMORY_STEP_MIB) {
            throw new IllegalArgumentException("a " + node.machineType().name() + " node is too small for a Redis pod: "
                    + node.breakdown());
        }
        return new RedisPodSize(Quantity.ofMillicores(cpu), Quantity.ofMebibytes(memory), sidecarCpu, sidecarMemory,
                node);
    }

    /** Whether a Redis container of the given size (requests = limits) fits on the node next to the sidecar. */
    public PodFit fits(Allocatable node, Quantity cpu, Quantity memory) {
        requirePositive(cpu, "Redis CPU");
        requirePositive(memory, "Redis memory");
        // Requests are rounded up so a size that fits here also fits for the scheduler.
        long neededCpu = cpu.millicores() + sidecarCpu.millicores();
        long neededMemory = ceilMebibytes(memory) + ceilMebibytes(sidecarMemory);
        return new PodFit(node, cpu, memory, neededCpu, neededMemory, companions);
    }

    public Quantity sidecarCpu() {
        return sidecarCpu;
    }

    public Quantity sidecarMemory() {
        return sidecarMemory;
    }

    static long ceilMebibytes(Quantity memory) {
        return memory.value().divide(BYTES_PER_MIB, 0, RoundingMode.CEILING).longValueExact();
    }

    private static long roundDown(long value, long step) {
        return Math.floorDiv(value, step) * step;
    }

    private static Quantity requirePositive(Quantity quantity, String what) {
        Objects.requireNonNull(quantity, what);
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException(what + " must be positive, was " + quantity);
        }
        return quantity;
    }
}
