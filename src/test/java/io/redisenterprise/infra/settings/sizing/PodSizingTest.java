package io.redisenterprise.infra.settings.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.Quantity;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PodSizingTest {
    private final MachineCatalogue catalogue = MachineCatalogue.standard();
    private final NodeAllocatable rules = new NodeAllocatable();
    private final PodSizing sizing = new PodSizing();

    private Allocatable node(Cloud cloud, String name) {
        return rules.compute(catalogue.find(cloud, name).orElseThrow());
    }

    // Expected sizes: what the node leaves for the pod (see NodeAllocatableTest), less the 100m / 128Mi
    // bootstrapper, rounded down to 100m and 256Mi.
    @ParameterizedTest
    @CsvSource({
        "aws,   r6i.xlarge,      3620, 28997, 3500m, 28Gi",
        "gcp,   n2-highmem-4,    3420, 25988, 3300m, 25856Mi",
        "azure, Standard_E4s_v5, 3510, 24520, 3400m, 23.75Gi",
    })
    void defaultMachineTypesAreFilled(String cloudKey, String name, long nodeCpu, long nodeMemory, String cpu,
            String memory) {
        Allocatable node = node(Cloud.fromKey(cloudKey).orElseThrow(), name);
        assertThat(node.cpuMillicores()).isEqualTo(nodeCpu);
        assertThat(node.memoryMiB()).isEqualTo(nodeMemory);

        RedisPodSize pod = sizing.fill(node);

        assertThat(pod.cpu()).isEqualByComparingTo(Quantity.of(cpu));
        assertThat(pod.memory()).isEqualByComparingTo(Quantity.of(memory));
        assertThat(pod.memory().mebibytes() % 256).isZero();
        assertThat(pod.cpu().millicores() % 100).isZero();
        assertThat(pod.utilisation()).isBetween(0.85, 1.0);
        double expectedUtilisation = (pod.memory().mebibytes() + 128.0) / nodeMemory;
        assertThat(pod.utilisation()).isEqualTo(expectedUtilisation);
        assertThat(sizing.fits(node, pod.cpu(), pod.memory()).fits()).isTrue();
    }

    static Stream<Arguments> everyCatalogueType() {
        MachineCatalogue catalogue = MachineCatalogue.standard();
        return Stream.of(Cloud.AWS, Cloud.GCP, Cloud.AZURE)
                .flatMap(cloud -> catalogue.known(cloud).stream().map(name -> Arguments.of(cloud, name)));
    }

    @ParameterizedTest
    @MethodSource("everyCatalogueType")
    void everyCatalogueTypeIsFilledToAtLeast85Percent(Cloud cloud, String name) {
        Allocatable node = node(cloud, name);

        RedisPodSize pod = sizing.fill(node);

        assertThat(pod.utilisation()).as(pod.summary()).isBetween(0.85, 1.0);
        assertThat(pod.cpuUtilisation()).as(pod.summary()).isLessThanOrEqualTo(1.0);
        assertThat(sizing.fits(node, pod.cpu(), pod.memory()).fits()).isTrue();
    }

    @Test
    void oversizedPodIsRefusedWithTheShortfall() {
        Allocatable node = node(Cloud.AWS, "r6i.xlarge");          // 3620m / 28997Mi left for the pod

        PodFit fit = sizing.fits(node, Quantity.of("4"), Quantity.of("30Gi"));

        assertThat(fit.fits()).isFalse();
        assertThat(fit.cpuShortfallMillicores()).isEqualTo(4000 + 100 - 3620);
        assertThat(fit.memoryShortfallMiB()).isEqualTo(30 * 1024 + 128 - 28997);
        assertThat(fit.message()).contains("r6i.xlarge", "short by 480m CPU and 1851Mi memory", "kube-reserved");
    }

    @Test
    void memoryAloneCanFallShort() {
        Allocatable node = node(Cloud.GCP, "n2-highmem-4");

        PodFit fit = sizing.fits(node, Quantity.of("1"), Quantity.of("32Gi"));

        assertThat(fit.cpuShortfallMillicores()).isZero();
        assertThat(fit.message()).contains("short by " + (32768 + 128 - node.memoryMiB()) + "Mi memory")
                .doesNotContain("m CPU and");
    }

    @Test
    void fitIsExactAtTheBoundary() {
        Allocatable node = node(Cloud.AWS, "r6i.xlarge");
        Quantity cpu = Quantity.ofMillicores(3620 - 100);

        assertThat(sizing.fits(node, cpu, Quantity.ofMebibytes(28997 - 128)).fits()).isTrue();
        PodFit over = sizing.fits(node, cpu, Quantity.ofMebibytes(28997 - 128 + 1));
        assertThat(over.fits()).isFalse();
        assertThat(over.memoryShortfallMiB()).isEqualTo(1);
        assertThat(sizing.fits(node, cpu, Quantity.ofMebibytes(1)).message()).isEmpty();
    }

    @Test
    void userMemoryIsRoundedUpToWholeMebibytes() {
        Allocatable node = node(Cloud.AWS, "r6i.xlarge");

        // 1 byte over the largest size that fits still needs a whole MiB more.
        long bytes = (28997L - 128) * 1024 * 1024 + 1;
        assertThat(sizing.fits(node, Quantity.of("1"), Quantity.of(String.valueOf(bytes))).memoryShortfallMiB())
                .isEqualTo(1);
    }

    @Test
    void sidecarRequestsAreAParameter() {
        Allocatable node = node(Cloud.AWS, "r6i.xlarge");

        RedisPodSize pod = new PodSizing(Quantity.of("500m"), Quantity.of("1Gi")).fill(node);

        assertThat(pod.cpu()).isEqualByComparingTo(Quantity.of("3100m"));
        assertThat(pod.memory().mebibytes()).isEqualTo((28997 - 1024) / 256 * 256);
        assertThat(pod.utilisation()).isEqualTo((pod.memory().mebibytes() + 1024.0) / 28997);
    }

    @Test
    void nodeTooSmallForAnyPodIsRefused() {
        Allocatable tiny = rules.compute(new MachineType(Cloud.GCP, "tiny", 1, 1024));

        assertThatThrownBy(() -> sizing.fill(tiny)).hasMessageContaining("too small").hasMessageContaining("tiny");
    }

    @Test
    void nonPositiveSizesAreRefused() {
        Allocatable node = node(Cloud.AWS, "r6i.xlarge");

        assertThatThrownBy(() -> sizing.fits(node, Quantity.of("0"), Quantity.of("1Gi")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PodSizing(Quantity.of("100m"), Quantity.of("0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summaryIsReadable() {
        assertThat(sizing.fill(node(Cloud.AWS, "r6i.xlarge")).summary())
                .isEqualTo("Redis 3500m / 28Gi on r6i.xlarge (99.3% of 28997Mi left for the pod)");
    }
}
