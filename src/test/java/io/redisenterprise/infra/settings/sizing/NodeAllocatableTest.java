package io.redisenterprise.infra.settings.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redisenterprise.infra.settings.Cloud;
import java.util.OptionalInt;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected values are worked out here from the providers' published rules, or taken from published allocatable
 * tables, never from the class under test.
 */
class NodeAllocatableTest {
    private final MachineCatalogue catalogue = MachineCatalogue.standard();
    private final NodeAllocatable rules = new NodeAllocatable();

    private MachineType type(Cloud cloud, String name) {
        return catalogue.find(cloud, name).orElseThrow();
    }

    /** The kubelet's capacity under the documented 7.5% VM/kernel overhead: Karpenter's int(nominal * 0.925). */
    private static long capacity(long nominalMiB) {
        return (long) Math.floor(nominalMiB * 0.925);
    }

    // Karpenter's generated instance-types.md (AL2023, vmMemoryOverheadPercent 0.075) publishes these allocatable
    // figures for m6i; the EKS rule must reproduce them before DaemonSets.
    @ParameterizedTest
    @CsvSource({
        "m6i.large,     1930,   6903",
        "m6i.xlarge,    3920,  14162",
        "m6i.2xlarge,   7910,  29317",
        "m6i.4xlarge,  15890,  57691",
        "m6i.8xlarge,  31850, 118312",
        "m6i.12xlarge, 47810, 178933",
        "m6i.16xlarge, 63770, 234021",
        "i3.large,      1930,  13770",
        "r7i.large,     1930,  14481",
    })
    void eksMatchesKarpentersPublishedAllocatable(String name, long cpu, long memory) {
        Allocatable node = rules.compute(type(Cloud.AWS, name));

        assertThat(node.nodeAllocatableCpuMillicores()).isEqualTo(cpu);
        assertThat(node.nodeAllocatableMemoryMiB()).isEqualTo(memory);
    }

    @Test
    void eksWorkedExampleR6iXlarge() {
        Allocatable node = rules.compute(type(Cloud.AWS, "r6i.xlarge"));

        long kubeReserved = 255 + 11 * 58;                       // 893: bootstrap.sh, ENI maxPods 58
        long cpuReserved = 60 + 10 + 2 * 5;                      // 6% + 1% + 0.5% + 0.5% of a core
        assertThat(node.kubeReservedMemoryMiB()).isEqualTo(kubeReserved).isEqualTo(893);
        assertThat(node.evictionMemoryMiB()).isEqualTo(100);
        assertThat(node.capacityMemoryMiB()).isEqualTo(capacity(32768)).isEqualTo(30310);
        assertThat(node.nodeAllocatableMemoryMiB()).isEqualTo(30310 - 893 - 100);
        assertThat(node.kubeReservedCpuMillicores()).isEqualTo(cpuReserved);
        assertThat(node.daemonSetMemoryMiB()).isEqualTo(DaemonSetAllowance.EKS.memoryMiB());
        assertThat(node.memoryMiB()).isEqualTo(29317 - DaemonSetAllowance.EKS.memoryMiB());
        assertThat(node.cpuMillicores()).isEqualTo(4000 - 80 - DaemonSetAllowance.EKS.cpuMillicores());
    }

    @ParameterizedTest
    @CsvSource({"2, 70", "4, 80", "8, 90", "16, 110", "32, 150", "48, 190", "64, 230"})
    void eksAndGkeCpuTiers(int vcpu, long reserved) {
        assertThat(rules.compute(new MachineType(Cloud.AWS, "t", vcpu, 65536, OptionalInt.of(58)))
                .kubeReservedCpuMillicores()).isEqualTo(reserved);
        assertThat(rules.compute(new MachineType(Cloud.GCP, "t", vcpu, 65536)).kubeReservedCpuMillicores())
                .isEqualTo(reserved);
    }

    @Test
    void gkeWorkedExampleN2Highmem4() {
        Allocatable node = rules.compute(type(Cloud.GCP, "n2-highmem-4"));

        // 25% of 4GiB + 20% of 4GiB + 10% of 8GiB + 6% of the remaining 16GiB = 3645.44MiB, rounded up.
        double reserved = 0.25 * 4096 + 0.20 * 4096 + 0.10 * 8192 + 0.06 * 16384;
        assertThat(reserved).isCloseTo(3645.44, Offset.offset(1e-9));
        assertThat(node.kubeReservedMemoryMiB()).isEqualTo((long) Math.ceil(reserved));
        assertThat(node.nodeAllocatableMemoryMiB()).isEqualTo(capacity(32768) - 3646 - 100).isEqualTo(26564);
        assertThat(node.nodeAllocatableCpuMillicores()).isEqualTo(3920);
        assertThat(node.memoryMiB()).isEqualTo(26564 - DaemonSetAllowance.GKE.memoryMiB());
    }

    @Test
    void gkeLargeMachineUsesTheTwoPercentBand() {
        Allocatable node = rules.compute(type(Cloud.GCP, "n2-highmem-32"));

        double reserved = 0.25 * 4096 + 0.20 * 4096 + 0.10 * 8192 + 0.06 * (131072 - 16384) + 0.02 * (262144 - 131072);
        assertThat(node.kubeReservedMemoryMiB()).isEqualTo((long) Math.ceil(reserved)).isEqualTo(12166);
        assertThat(node.nodeAllocatableCpuMillicores()).isEqualTo(31850);
    }

    @Test
    void gkeBelowOneGibReservesAFlat255() {
        Allocatable node = rules.compute(new MachineType(Cloud.GCP, "tiny", 1, 614), DaemonSetAllowance.NONE);

        assertThat(node.kubeReservedMemoryMiB()).isEqualTo(255);
    }

    @Test
    void aksWorkedExampleE4sV5WithOverlayDefault() {
        Allocatable node = rules.compute(type(Cloud.AZURE, "Standard_E4s_v5"));

        long reserved = Math.min(20 * 250 + 50, 32768 / 4);      // 5050
        assertThat(rules.aksMaxPods()).isEqualTo(250);
        assertThat(node.kubeReservedMemoryMiB()).isEqualTo(reserved).isEqualTo(5050);
        assertThat(node.nodeAllocatableMemoryMiB()).isEqualTo(capacity(32768) - 5050 - 100).isEqualTo(25160);
        assertThat(node.kubeReservedCpuMillicores()).isEqualTo(140);
        assertThat(node.memoryMiB()).isEqualTo(25160 - DaemonSetAllowance.AKS.memoryMiB());
        assertThat(node.cpuMillicores()).isEqualTo(3860 - DaemonSetAllowance.AKS.cpuMillicores());
    }

    @Test
    void aksMaxPodsIsConfigurableAndDrivesTheReservation() {
        MachineType e4 = type(Cloud.AZURE, "Standard_E4s_v5");

        assertThat(new NodeAllocatable(110).compute(e4).kubeReservedMemoryMiB()).isEqualTo(20 * 110 + 50);
        assertThat(new NodeAllocatable(30).compute(e4).kubeReservedMemoryMiB()).isEqualTo(650);
    }

    @Test
    void aksDocumentationExamples() {
        // "8 GB and 30 pods: 650 MB"; "4 GB and 70 pods: 25% = 1000 MB" (binary: 1024MiB).
        assertThat(new NodeAllocatable(30).compute(type(Cloud.AZURE, "Standard_D2s_v5")).kubeReservedMemoryMiB())
                .isEqualTo(650);
        assertThat(new NodeAllocatable(70).compute(new MachineType(Cloud.AZURE, "four-gib", 2, 4096))
                .kubeReservedMemoryMiB()).isEqualTo(1024);
    }

    // The AKS documentation's kube-reserved CPU table.
    @ParameterizedTest
    @CsvSource({"1, 60", "2, 100", "4, 140", "8, 180", "16, 260", "32, 420", "64, 740"})
    void aksCpuTable(int cores, long reserved) {
        assertThat(rules.compute(new MachineType(Cloud.AZURE, "t", cores, 65536)).kubeReservedCpuMillicores())
                .isEqualTo(reserved);
    }

    @Test
    void aksMaxPodsOutsideTheServiceRangeIsRefused() {
        assertThatThrownBy(() -> new NodeAllocatable(9)).hasMessageContaining("between 10 and 250");
        assertThatThrownBy(() -> new NodeAllocatable(251)).hasMessageContaining("between 10 and 250");
    }

    @Test
    void overheadIsAtLeastTheObservedGap() {
        // A 7GiB DS2_v2 on AKS reported capacity 7116264Ki against 7340032Ki nominal: 218.5MiB less.
        long observedGapMiB = (7340032 - 7116264) / 1024;
        Allocatable node = rules.compute(new MachineType(Cloud.AZURE, "Standard_DS2_v2", 2, 7168),
                DaemonSetAllowance.NONE);

        assertThat(node.vmOverheadMemoryMiB()).isGreaterThanOrEqualTo(observedGapMiB);
    }

    @Test
    void daemonSetAllowanceCanBeOverridden() {
        MachineType r6i = type(Cloud.AWS, "r6i.xlarge");

        Allocatable node = rules.compute(r6i, new DaemonSetAllowance(1000, 2048));

        assertThat(node.memoryMiB()).isEqualTo(29317 - 2048);
        assertThat(node.cpuMillicores()).isEqualTo(3920 - 1000);
        assertThat(rules.compute(r6i, DaemonSetAllowance.NONE).memoryMiB()).isEqualTo(29317);
    }

    @Test
    void negativeAllowanceIsRefused() {
        assertThatThrownBy(() -> new DaemonSetAllowance(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void breakdownNamesEveryDeduction() {
        String breakdown = rules.compute(type(Cloud.AWS, "r6i.xlarge"), new DaemonSetAllowance(300, 320)).breakdown();

        assertThat(breakdown).contains("r6i.xlarge on aws", "32768Mi nominal", "2458Mi VM/kernel overhead",
                "893Mi kube-reserved", "100Mi eviction", "320Mi DaemonSets = 28997Mi", "80m kube-reserved",
                "300m DaemonSets = 3620m");
    }

    @Test
    void plainKubernetesHasNoPublishedRules() {
        MachineType custom = new MachineType(Cloud.KUBERNETES, "whatever", 4, 32768);

        assertThatThrownBy(() -> rules.compute(custom, DaemonSetAllowance.NONE))
                .hasMessageContaining("status.allocatable");
        assertThatThrownBy(() -> DaemonSetAllowance.defaultFor(Cloud.KUBERNETES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void awsTypeWithoutMaxPodsIsRefused() {
        assertThatThrownBy(() -> rules.compute(new MachineType(Cloud.AWS, "x9.large", 2, 8192)))
                .hasMessageContaining("maxPods");
    }
}
