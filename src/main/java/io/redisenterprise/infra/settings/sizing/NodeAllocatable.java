package io.redisenterprise.infra.settings.sizing;

import io.redisenterprise.infra.settings.Cloud;

/**
 * Works out, from each managed Kubernetes service's published reservation rules, how much CPU and memory one node of a
 * machine type leaves for the Redis pod.
 *
 * <p>Sources: EKS {@code awslabs/amazon-eks-ami} ({@code bootstrap.sh} and {@code nodeadm}), GKE
 * https://cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes, AKS
 * https://learn.microsoft.com/azure/aks/node-resource-reservations (Kubernetes 1.29 and later). When a live node is
 * available its {@code status.allocatable} is the better figure; this class is for plan time, before nodes exist.
 */
public final class NodeAllocatable {

    /**
     * Memory the kubelet never sees, in thousandths of the nominal size: 75 = 7.5%.
     *
     * <p>The kubelet's capacity is the guest's MemTotal, below the advertised size (firmware, kernel, crash kernel),
     * but providers compute kube-reserved from the advertised size. 7.5% is Karpenter's default
     * {@code vmMemoryOverheadPercent}; with it, this class reproduces Karpenter's published EKS allocatable exactly
     * (for example 29317Mi for r6i.xlarge and m7i.2xlarge). The one AKS observation in the research lost 3% (218Mi of
     * a 7 GiB DS2_v2), so 7.5% over-reserves there: the price of never sizing a pod the scheduler cannot place.
     */
    public static final int VM_MEMORY_OVERHEAD_PERMILLE = 75;

    /** {@code evictionHard memory.available} on EKS (nodeadm), GKE and AKS 1.29+. */
    public static final long EVICTION_HARD_MEMORY_MIB = 100;

    /**
     * Pods per node assumed for AKS kube-reserved memory when the caller does not say: 250 is the default of Azure
     * CNI Overlay, the AKS default network plugin. The reservation grows by 20MiB per pod, so a dedicated Redis pool
     * should set maxPods lower (30 frees 4400MiB per node) and pass the same value here.
     */
    public static final int AKS_DEFAULT_MAX_PODS = 250;

    /** AKS accepts --max-pods from 10 to 250. */
    public static final int AKS_MIN_MAX_PODS = 10;
    public static final int AKS_MAX_MAX_PODS = 250;

    private static final long GIB = 1024;

    private final int aksMaxPods;

    /** Rules with the AKS default of {@value #AKS_DEFAULT_MAX_PODS} pods per node. */
    public NodeAllocatable() {
        this(AKS_DEFAULT_MAX_PODS);
    }

    /** @param aksMaxPods the {@code maxPods} of the AKS node pool; ignored on the other clouds */
    public NodeAllocatable(int aksMaxPods) {
        if (!acceptsAksMaxPods(aksMaxPods)) {
            throw new IllegalArgumentException("AKS maxPods must be between " + AKS_MIN_MAX_PODS + " and "
                    + AKS_MAX_MAX_PODS + ", was " + aksMaxPods);
        }
        this.aksMaxPods = aksMaxPods;
    }

    /** Whether AKS accepts this maxPods for a node pool. */
    public static boolean acceptsAksMaxPods(int maxPods) {
        return maxPods >= AKS_MIN_MAX_PODS && maxPods <= AKS_MAX_MAX_PODS;
    }

    public int aksMaxPods() {
        return aksMaxPods;
    }

    /** The room for the Redis pod on one node, with the cloud's estimated DaemonSet allowance. */
    public Allocatable compute(MachineType type) {
        return compute(type, DaemonSetAllowance.defaultFor(type.cloud()));
    }

    /** The room for the Redis pod on one node, with DaemonSet requests the caller measured or chose. */
    public Allocatable compute(MachineType type, DaemonSetAllowance daemonSets) {
        long vmOverhead = vmOverheadMiB(type.memoryMiB());
        return switch (type.cloud()) {
            case AWS -> Allocatable.of(type, tieredCpuReservedMillicores(type.vcpu()), vmOverhead,
                    eksKubeReservedMemoryMiB(type), EVICTION_HARD_MEMORY_MIB, daemonSets);
            case GCP -> Allocatable.of(type, tieredCpuReservedMillicores(type.vcpu()), vmOverhead,
                    gkeKubeReservedMemoryMiB(type.memoryMiB()), EVICTION_HARD_MEMORY_MIB, daemonSets);
            case AZURE -> Allocatable.of(type, aksCpuReservedMillicores(type.vcpu()), vmOverhead,
                    aksKubeReservedMemoryMiB(type.memoryMiB()), EVICTION_HARD_MEMORY_MIB, daemonSets);
            case KUBERNETES -> throw new IllegalArgumentException("an existing Kubernetes cluster has no published "
                    + "reservation rules: read status.allocatable from one of its nodes instead");
        };
    }

    private static long vmOverheadMiB(long nominalMiB) {
        // Rounded up so the capacity is rounded down, matching Karpenter's int(nominal * 0.925).
        return ceilDiv(nominalMiB * VM_MEMORY_OVERHEAD_PERMILLE, 1000);
    }

    /** EKS: 255MiB + 11MiB per pod, from the ENI-file maxPods even when the node group caps the kubelet lower. */
    private static long eksKubeReservedMemoryMiB(MachineType type) {
        int maxPods = type.maxPods().orElseThrow(() -> new IllegalArgumentException(
                type.name() + ": EKS kube-reserved memory needs the instance type's ENI maxPods"));
        return 255 + 11L * maxPods;
    }

    /**
     * GKE: 255MiB below 1GiB, otherwise 25% of the first 4GiB, 20% of the next 4, 10% of the next 8, 6% of the next 112
     * and 2% of the rest. Fractions of a MiB are rounded up, so the pod is never sized into the reservation.
     */
    private static long gkeKubeReservedMemoryMiB(long nominalMiB) {
        if (nominalMiB < GIB) {
            return 255;
        }
        long[][] bands = {{0, 4 * GIB, 25}, {4 * GIB, 8 * GIB, 20}, {8 * GIB, 16 * GIB, 10}, {16 * GIB, 128 * GIB, 6},
                {128 * GIB, Long.MAX_VALUE, 2}};
        long hundredthsOfMiB = 0;
        for (long[] band : bands) {
            long inBand = Math.max(0, Math.min(nominalMiB, band[1]) - band[0]);
            hundredthsOfMiB += inBand * band[2];
        }
        return ceilDiv(hundredthsOfMiB, 100);
    }

    /** AKS 1.29+: the smaller of 20MiB per pod plus 50MiB and a quarter of the machine's memory. */
    private long aksKubeReservedMemoryMiB(long nominalMiB) {
        return Math.min(20L * aksMaxPods + 50, ceilDiv(nominalMiB, 4));
    }

    /**
     * EKS and GKE: 6% of the first core, 1% of the second, 0.5% of the third and fourth, 0.25% of each further core,
     * each band truncated to whole millicores as {@code bootstrap.sh} does.
     */
    private static long tieredCpuReservedMillicores(int vcpu) {
        return bandedMillicores(vcpu, new long[] {600, 100, 50, 25}, 10_000);
    }

    /**
     * AKS publishes a table (1, 2, 4, 8, 16, 32, 64 cores: 60, 100, 140, 180, 260, 420, 740m), not a formula. 6% of the
     * first core, 4% of the second, 2% of the third and fourth and 1% of each further core reproduces every entry, and
     * gives an answer between them.
     */
    private static long aksCpuReservedMillicores(int vcpu) {
        return bandedMillicores(vcpu, new long[] {6, 4, 2, 1}, 100);
    }

    private static long bandedMillicores(int vcpu, long[] rates, long divisor) {
        long total = vcpu * 1000L;
        long[] starts = {0, 1000, 2000, 4000};
        long reserved = 0;
        for (int i = 0; i < rates.length; i++) {
            long end = i + 1 < starts.length ? starts[i + 1] : Long.MAX_VALUE;
            long inBand = Math.max(0, Math.min(total, end) - starts[i]);
            reserved += inBand * rates[i] / divisor;
        }
        return reserved;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
