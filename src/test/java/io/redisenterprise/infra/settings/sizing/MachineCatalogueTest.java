package io.redisenterprise.infra.settings.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redisenterprise.infra.settings.Cloud;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MachineCatalogueTest {
    private final MachineCatalogue catalogue = MachineCatalogue.standard();

    // Spot checks against the providers' published figures (EC2 / Compute Engine / Azure size pages,
    // amazon-vpc-cni-k8s eni-max-pods.txt), memory in MiB = GiB x 1024.
    @ParameterizedTest
    @CsvSource({
        "aws,   r6i.xlarge,      4,  32768, 58",
        "aws,   m6i.large,       2,   8192, 29",
        "aws,   m6i.16xlarge,   64, 262144, 737",
        "aws,   i3.large,        2,  15616, 29",
        "aws,   r7i.2xlarge,     8,  65536, 58",
        "aws,   i4i.4xlarge,    16, 131072, 234",
        "gcp,   n2-highmem-4,    4,  32768, ",
        "gcp,   e2-standard-8,   8,  32768, ",
        "gcp,   c3-highmem-8,    8,  65536, ",
        "gcp,   n4-highmem-32,  32, 262144, ",
        "azure, Standard_E4s_v5, 4,  32768, ",
        "azure, Standard_D2s_v5, 2,   8192, ",
        "azure, Standard_E32ds_v5, 32, 262144, ",
    })
    void publishedValues(String cloudKey, String name, int vcpu, long memoryMiB, Integer maxPods) {
        Cloud cloud = Cloud.fromKey(cloudKey).orElseThrow();

        MachineType type = catalogue.find(cloud, name).orElseThrow();

        assertThat(type.cloud()).isEqualTo(cloud);
        assertThat(type.name()).isEqualTo(name);
        assertThat(type.vcpu()).isEqualTo(vcpu);
        assertThat(type.memoryMiB()).isEqualTo(memoryMiB);
        assertThat(type.maxPods()).isEqualTo(maxPods == null ? OptionalInt.empty() : OptionalInt.of(maxPods));
    }

    @Test
    void unknownNamesAreNotGuessed() {
        assertThat(catalogue.find(Cloud.AWS, "r6i.huge")).isEmpty();
        // Not seen in a retrieved source, so deliberately absent.
        assertThat(catalogue.find(Cloud.AWS, "r6i.large")).isEmpty();
        // GCP has no c3-standard-2.
        assertThat(catalogue.find(Cloud.GCP, "c3-standard-2")).isEmpty();
    }

    @Test
    void lookUpIsPerCloud() {
        assertThat(catalogue.find(Cloud.GCP, "r6i.xlarge")).isEmpty();
        assertThat(catalogue.find(Cloud.AZURE, "n2-highmem-4")).isEmpty();
        assertThat(catalogue.find(Cloud.AWS, "Standard_E4s_v5")).isEmpty();
        assertThat(catalogue.find(Cloud.KUBERNETES, "r6i.xlarge")).isEmpty();
    }

    @Test
    void namesMatchExactlyAsTheCloudApisSpellThem() {
        assertThat(catalogue.find(Cloud.AZURE, "standard_e4s_v5")).isEmpty();
        assertThat(catalogue.find(Cloud.AWS, "R6I.XLARGE")).isEmpty();
    }

    @Test
    void knownListsEachCloudInCatalogueOrder() {
        assertThat(catalogue.known(Cloud.AWS)).hasSize(52).startsWith("m5.xlarge", "m5.2xlarge")
                .contains("r6i.xlarge", "i4i.16xlarge").doesNotContain("n2-highmem-4");
        assertThat(catalogue.known(Cloud.GCP)).hasSize(43).contains("n2-highmem-4", "n4-standard-2");
        assertThat(catalogue.known(Cloud.AZURE)).hasSize(20).contains("Standard_E4s_v5", "Standard_D32ds_v5");
        assertThat(catalogue.known(Cloud.KUBERNETES)).isEmpty();
    }

    @Test
    void knownIsReadOnly() {
        assertThatThrownBy(() -> catalogue.known(Cloud.AWS).add("x1.32xlarge"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @EnumSource(value = Cloud.class, names = {"AWS", "GCP", "AZURE"})
    void everyCloudNamesItsSources(Cloud cloud) {
        assertThat(catalogue.sources(cloud)).isNotEmpty().allSatisfy(s -> assertThat(s).contains("https://"));
    }

    @Test
    void onlyAwsTypesCarryMaxPodsBecauseOnlyEksReservesByIt() {
        for (String name : catalogue.known(Cloud.AWS)) {
            assertThat(catalogue.find(Cloud.AWS, name).orElseThrow().maxPods()).as(name).isPresent();
        }
        for (Cloud cloud : new Cloud[] {Cloud.GCP, Cloud.AZURE}) {
            for (String name : catalogue.known(cloud)) {
                assertThat(catalogue.find(cloud, name).orElseThrow().maxPods()).as(name).isEmpty();
            }
        }
    }

    @Test
    void hyperdiskOnlySeriesAttachNoPersistentDisk() {
        // Google: "N4 doesn't support Persistent Disk", "C4A doesn't support Persistent Disk" (the PD CSI driver's
        // compatibility data says otherwise; Compute Engine enforces Google's pages).
        for (String series : new String[] {"n4-highmem-8", "c4a-standard-4", "c4-highmem-8", "c4d-standard-8", "n4d-standard-4"}) {
            MachineSeries s = catalogue.series(Cloud.GCP, series).orElseThrow();
            assertThat(s.attaches("pd-ssd")).as(series).isFalse();
            assertThat(s.attaches("pd-balanced")).as(series).isFalse();
            assertThat(s.bootDisk()).as(series).isEqualTo("hyperdisk-balanced");
        }
        MachineSeries n2 = catalogue.series(Cloud.GCP, "n2-highmem-4").orElseThrow();
        assertThat(n2.attaches("hyperdisk-balanced")).isFalse();
        assertThat(n2.bootDisk()).isEqualTo("pd-balanced");
        assertThat(catalogue.series(Cloud.GCP, "c3-highmem-8").orElseThrow().attaches("hyperdisk-balanced")).isTrue();
    }

    @Test
    void seriesAreGcpOnlyAndNeverGuessed() {
        assertThat(catalogue.series(Cloud.GCP, "z9-standard-8")).isEmpty();
        assertThat(catalogue.series(Cloud.AWS, "r6i.xlarge")).isEmpty();
        assertThat(catalogue.series(Cloud.GCP, "n4")).isEmpty();
        for (String name : catalogue.known(Cloud.GCP)) {
            catalogue.series(Cloud.GCP, name).ifPresent(s -> assertThat(s.source()).contains("https://cloud.google.com/"));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AWS   | r6i.xlrge        | r6i.xlarge",
        "AWS   | r6i.24xlarge     | r6i.16xlarge",
        "AWS   | R6I.XLARGE       | r6i.xlarge",
        "GCP   | n2-highmem-5     | n2-highmem-4, n2-highmem-8",
        "GCP   | n2-highmem-1     | n2-highmem-2",
        "GCP   | c3-highmem-16    | c3-highmem-8",
        "AZURE | Standard_E6s_v5  | Standard_E4s_v5, Standard_E8s_v5",
        "GCP   | qqqq             | ''",
    })
    void nearestNamesAreTheFamilysNeighbours(Cloud cloud, String typed, String expected) {
        assertThat(String.join(", ", catalogue.nearest(cloud, typed))).isEqualTo(expected);
    }

    @Test
    void loadsOnce() {
        assertThat(MachineCatalogue.standard()).isSameAs(catalogue);
    }
}
