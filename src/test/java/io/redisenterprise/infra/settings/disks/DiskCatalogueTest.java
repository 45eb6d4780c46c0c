package io.redisenterprise.infra.settings.disks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.sizing.MachineCatalogue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DiskCatalogueTest {
    private final DiskCatalogue catalogue = DiskCatalogue.standard();

    static JsonNode storageSchema() throws IOException {
        return new ObjectMapper().readTree(Path.of("stacks", "stack-config.schema.json").toFile())
                .at("/properties/config/properties/redis-enterprise:storage/properties");
    }

    @Test
    void theSchemaOffersExactlyTheCataloguedDataDisks() throws IOException {
        Set<String> offered = new TreeSet<>();
        storageSchema().path("diskType").path("enum").forEach(n -> offered.add(n.asText()));
        assertThat(offered).isEqualTo(catalogue.allDataDiskTypes());
    }

    @Test
    void theSchemaStatesEveryProvisionedRangeTheCatalogueEnforces() throws IOException {
        String iops = storageSchema().path("iops").path("description").asText();
        String throughput = storageSchema().path("throughputMiBps").path("description").asText();
        for (Cloud cloud : new Cloud[] {Cloud.AWS, Cloud.GCP, Cloud.AZURE}) {
            for (String name : catalogue.dataDiskTypes(cloud)) {
                DiskType type = catalogue.find(cloud, name).orElseThrow();
                type.iops().ifPresent(p -> assertThat(iops).contains(name + " " + p.min() + "-" + p.max()));
                type.throughputMiBps().ifPresent(p -> assertThat(throughput).contains(name + " " + p.min() + "-" + p.max()));
            }
        }
        assertThat(storageSchema().path("iops").path("maximum").asLong()).isEqualTo(256000);
        assertThat(storageSchema().path("throughputMiBps").path("maximum").asLong()).isEqualTo(2400);
    }

    @ParameterizedTest
    @CsvSource({"aws, gp3", "gcp, pd-ssd", "azure, Premium_LRS"})
    void theFirstDataDiskIsTheDefault(String cloudKey, String disk) {
        assertThat(catalogue.defaultDataDisk(Cloud.fromKey(cloudKey).orElseThrow())).hasValue(disk);
    }

    @ParameterizedTest
    @EnumSource(value = Cloud.class, names = {"AWS", "GCP", "AZURE"})
    void everyRowNamesItsSources(Cloud cloud) {
        assertThat(catalogue.bootDisk(cloud).orElseThrow().sources()).isNotEmpty()
                .allSatisfy(s -> assertThat(s).contains("https://"));
        for (String name : catalogue.dataDiskTypes(cloud)) {
            assertThat(catalogue.find(cloud, name).orElseThrow().sources()).as(name).isNotEmpty()
                    .allSatisfy(s -> assertThat(s).contains("https://"));
        }
    }

    // The figures as the clouds publish them today (sources in storage/disk-types.yaml).
    @ParameterizedTest
    @CsvSource({
        // cloud, type, size GiB, max IOPS at that size, IOPS, max throughput at those IOPS
        "aws,   gp3,           1,     3000,   3000,  750",
        "aws,   gp3,           32,    16000,  8000,  2000",
        "aws,   gp3,           200,   80000,  80000, 2000",
        "aws,   io2,           48,    48000,  0,     0",
        "aws,   io2,           4000,  256000, 0,     0",
        "gcp,   hyperdisk-balanced, 100, 160000, 3000, 2400",
        "azure, PremiumV2_LRS, 6,     3000,   3000,  750",
        "azure, PremiumV2_LRS, 10,    5000,   4000,  1000",
        "azure, PremiumV2_LRS, 160,   80000,  8000,  2000",
    })
    void performanceCapsFollowSizeAndIops(String cloudKey, String name, long gib, long maxIops, long iops, long maxThroughput) {
        DiskType type = catalogue.find(Cloud.fromKey(cloudKey).orElseThrow(), name).orElseThrow();
        assertThat(type.maxIops(gib)).isEqualTo(maxIops);
        assertThat(type.maxThroughputMiBps(iops)).isEqualTo(maxThroughput);
    }

    @Test
    void sizeLimits() {
        assertThat(catalogue.find(Cloud.AWS, "io2").orElseThrow().size()).isEqualTo(new SizeRange(4, 65536));
        assertThat(catalogue.find(Cloud.AZURE, "Premium_LRS").orElseThrow().size().maxGiB()).isEqualTo(32767);
        assertThat(catalogue.bootDisk(Cloud.AZURE).orElseThrow().size()).isEqualTo(new SizeRange(30, 2048));
        assertThat(catalogue.find(Cloud.GCP, "pd-ssd").orElseThrow().iops()).isEmpty();
        assertThat(catalogue.find(Cloud.AWS, "io2").orElseThrow().iops().orElseThrow().required()).isTrue();
        assertThat(catalogue.bootDisk(Cloud.KUBERNETES)).isEmpty();
        assertThat(catalogue.dataDiskTypes(Cloud.KUBERNETES)).isEmpty();
    }

    @Test
    void everyGcpSeriesBootsFromADiskGkeOffers() {
        // GKE's custom boot disks: pd-balanced, pd-standard, pd-ssd, hyperdisk-balanced.
        Set<String> gkeBoot = Set.of("pd-balanced", "pd-standard", "pd-ssd", "hyperdisk-balanced");
        for (String machine : MachineCatalogue.standard().known(Cloud.GCP)) {
            MachineCatalogue.standard().series(Cloud.GCP, machine).ifPresent(s ->
                    assertThat(gkeBoot).as(machine).containsAll(s.bootDisks()));
        }
    }

    @Test
    void loadsOnce() {
        assertThat(DiskCatalogue.standard()).isSameAs(catalogue);
    }
}
