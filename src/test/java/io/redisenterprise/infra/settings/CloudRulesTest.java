package io.redisenterprise.infra.settings;

import static io.redisenterprise.infra.TestStacks.at;
import static io.redisenterprise.infra.TestStacks.aws;
import static io.redisenterprise.infra.TestStacks.azure;
import static io.redisenterprise.infra.TestStacks.gcp;
import static io.redisenterprise.infra.TestStacks.kubernetes;
import static io.redisenterprise.infra.TestStacks.only;
import static io.redisenterprise.infra.TestStacks.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.redisenterprise.infra.TestStacks;
import io.redisenterprise.infra.plan.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the cloud or Kubernetes would refuse in the middle of {@code pulumi up} is refused before anything is created
 * (issue 14): each instance the issue names, and the class of rules it belongs to, by the exact line a user reads.
 */
class CloudRulesTest {

    /** Disk performance rules per cloud and disk type (storage/disk-types.yaml). */
    @Nested
    class DiskTypeRules {
        @Test
        void io2IopsAboveItsPerGibRatioAreRefused() {
            // EC2 allows io2 1000 IOPS per GiB: 100000 IOPS need 100 GiB, the claim would stay Pending.
            assertThat(problems(aws().set("storage", Map.of("installCsiDriver", false, "diskType", "io2", "iops", 100000))
                    .with("redis", "memory", "16Gi").with("redis", "volumeSize", "48Gi"))).containsExactly(
                    "redis-enterprise:storage.iops: must be at most 48000 for a 48 GiB io2 volume (io2 allows 1000 IOPS per GiB): raise redis.volumeSize to 100Gi or lower storage.iops, got 100000");
            assertThat(aws().set("storage", Map.of("installCsiDriver", false, "diskType", "io2", "iops", 100000))
                    .with("redis", "memory", "16Gi").with("redis", "volumeSize", "100Gi").settings().storage().iops())
                    .hasValue(100000);
        }

        @Test
        void gp3IopsFollowTheVolumeSizeAboveItsBaseline() {
            assertThat(problems(aws().with("storage", "iops", 16000).with("redis", "memory", "8Gi")
                    .with("redis", "volumeSize", "24Gi"))).containsExactly(
                    "redis-enterprise:storage.iops: must be at most 12000 for a 24 GiB gp3 volume (gp3 allows 500 IOPS per GiB): raise redis.volumeSize to 32Gi or lower storage.iops, got 16000");
            // The 3000 IOPS baseline holds at any size.
            assertThat(aws().with("storage", "iops", 3000).with("redis", "memory", "8Gi")
                    .with("redis", "volumeSize", "24Gi").settings().storage().iops()).hasValue(3000);
        }

        @Test
        void gp3AcceptsTheLimitsRaisedInSeptember2025() {
            // 80000 IOPS need 160 GiB; 2000 MiB/s need 8000 IOPS (0.25 MiB/s per IOPS).
            StorageSettings s = aws().set("storage", Map.of("installCsiDriver", false, "iops", 80000, "throughputMiBps", 2000))
                    .with("redis", "volumeSize", "200Gi").settings().storage();
            assertThat(s.iops()).hasValue(80000);
            assertThat(s.throughputMiBps()).hasValue(2000);
        }

        @Test
        void throughputFollowsTheProvisionedIops() {
            assertThat(problems(aws().with("storage", "throughputMiBps", 1000))).containsExactly(
                    "redis-enterprise:storage.throughputMiBps: must be at most 750 with 3000 IOPS on gp3 (gp3 allows 0.25 MiB/s per provisioned IOPS): raise storage.iops to 4000 or lower the throughput, got 1000");
            assertThat(problems(azure().set("storage", Map.of("diskType", "PremiumV2_LRS", "iops", 4000, "throughputMiBps", 1500))))
                    .containsExactly(
                    "redis-enterprise:storage.throughputMiBps: must be at most 1000 with 4000 IOPS on PremiumV2_LRS (PremiumV2_LRS allows 0.25 MiB/s per provisioned IOPS): raise storage.iops to 6000 or lower the throughput, got 1500");
        }

        @Test
        void premiumSsdV2IopsFollowTheVolumeSize() {
            assertThat(problems(azure().set("storage", Map.of("diskType", "PremiumV2_LRS", "iops", 80000))
                    .with("redis", "memory", "16Gi").with("redis", "volumeSize", "100Gi"))).containsExactly(
                    "redis-enterprise:storage.iops: must be at most 50000 for a 100 GiB PremiumV2_LRS volume (PremiumV2_LRS allows 500 IOPS per GiB): raise redis.volumeSize to 160Gi or lower storage.iops, got 80000");
        }

        @Test
        void theVolumeMustBeASizeTheDiskTypeComesIn() {
            assertThat(problems(azure().with("redis", "volumeSize", "40Ti"))).containsExactly(
                    "redis-enterprise:redis.volumeSize: must be between 1Gi and 32767Gi for disk type Premium_LRS (the cloud's volume size limits), got \"40Ti\"");
            assertThat(problems(gcp().with("redis", "volumeSize", "65Ti"))).containsExactly(
                    "redis-enterprise:redis.volumeSize: must be between 10Gi and 65536Gi for disk type pd-ssd (the cloud's volume size limits), got \"65Ti\"");
        }

        @Test
        void aDerivedVolumeIsCheckedToo() {
            // 5 x 7Ti of memory would be a 35Ti volume, larger than any Premium SSD; 2 x 7Ti a boot disk AKS refuses.
            assertThat(problems(azure().with("nodePool", "machineType", "Standard_M416ms_v2")
                    .with("redis", "cpu", "100").with("redis", "memory", "7Ti"))).containsExactlyInAnyOrder(
                    "redis-enterprise:redis.volumeSize: must be between 1Gi and 32767Gi for disk type Premium_LRS (the cloud's volume size limits); its default, 5 x redis.memory, is 35840Gi: set redis.volumeSize, got nothing",
                    "redis-enterprise:nodePool.diskSizeGb: defaults to 2 x redis.memory (14336 GB for 7Ti), above the largest boot disk on azure (2048 GB): lower redis.memory, got nothing");
        }
    }

    /** Which disk types (boot and data) each machine series attaches (sizing/machine-types.yaml, series). */
    @Nested
    class MachineSeriesDisks {
        @Test
        void aHyperdiskOnlySeriesGetsHyperdiskForDataAndBoot() {
            Settings s = gcp().with("nodePool", "machineType", "n4-highmem-8").settings();
            assertThat(s.storage().diskType()).isEqualTo("hyperdisk-balanced");
            assertThat(s.nodePool().bootDiskType()).isEqualTo("hyperdisk-balanced");
            Plan plan = gcp().with("nodePool", "machineType", "n4-highmem-8").plan();
            assertThat(plan.ofType("gcp:container/nodePool:NodePool"))
                    .allSatisfy(p -> assertThat(at(p.inputs(), "nodeConfig", "diskType")).isEqualTo("hyperdisk-balanced"));
            assertThat(at(only(plan, "kubernetes:storage.k8s.io/v1:StorageClass").inputs(), "parameters", "type"))
                    .isEqualTo("hyperdisk-balanced");
        }

        @Test
        void persistentDiskSeriesKeepTheirBootDiskSoExistingPoolsAreNotReplaced() {
            Plan plan = gcp().plan();
            assertThat(plan.ofType("gcp:container/nodePool:NodePool"))
                    .allSatisfy(p -> assertThat(at(p.inputs(), "nodeConfig", "diskType")).isEqualTo("pd-balanced"));
            assertThat(gcp().settings().storage().diskType()).isEqualTo("pd-ssd");
            assertThat(aws().settings().nodePool().bootDiskType()).isEmpty();
        }

        @Test
        void aDataDiskTheSeriesCannotAttachIsRefused() {
            assertThat(problems(gcp().with("nodePool", "machineType", "n4-highmem-8").with("storage", "diskType", "pd-ssd")))
                    .containsExactly("redis-enterprise:storage.diskType: cannot be attached to n4 machines (nodePool.machineType n4-highmem-8), which attach only hyperdisk-balanced of this cloud's disk types, see https://cloud.google.com/compute/docs/general-purpose-machines#n4_series, got \"pd-ssd\"");
            assertThat(problems(gcp().with("storage", "diskType", "hyperdisk-balanced"))).containsExactly(
                    "redis-enterprise:storage.diskType: cannot be attached to n2 machines (nodePool.machineType n2-highmem-4), which attach only pd-ssd or pd-balanced of this cloud's disk types, see https://cloud.google.com/compute/docs/general-purpose-machines#n2_series, got \"hyperdisk-balanced\"");
        }

        @Test
        void theSeriesRuleHoldsForUncataloguedMachineTypesOfAKnownSeries() {
            assertThat(problems(gcp().with("nodePool", "machineType", "c4a-highmem-8").with("storage", "diskType", "pd-balanced")
                    .with("redis", "cpu", "6").with("redis", "memory", "48Gi"))).singleElement().asString()
                    .startsWith("redis-enterprise:storage.diskType: cannot be attached to c4a machines");
            // An unknown series is not guessed at.
            assertThat(gcp().with("nodePool", "machineType", "z9-standard-8").with("redis", "cpu", "6")
                    .with("redis", "memory", "24Gi").settings().storage().diskType()).isEqualTo("pd-ssd");
        }

        @Test
        void aSeriesAttachingBothKeepsTheCloudDefault() {
            Settings s = gcp().with("nodePool", "machineType", "c3-highmem-8").settings();
            assertThat(s.storage().diskType()).isEqualTo("pd-ssd");
            assertThat(s.nodePool().bootDiskType()).isEqualTo("pd-balanced");
        }
    }

    /** Redis Enterprise's minimum hardware per node, on every cloud. */
    @Nested
    class RedisEnterpriseMinimums {
        @Test
        void aMachineBelowTheMinimumSuggestsNoSizeBelowIt() {
            // m6i.large leaves well under 2 cores and 8 GB: naming what fits there would only lead to the next refusal.
            assertThat(problems(TestStacks.aws().with("nodePool", "machineType", "m6i.large")
                    .with("redis", "cpu", "8").with("redis", "memory", "64Gi")))
                    .singleElement().asString()
                    .startsWith("redis-enterprise:redis.memory: must fit one m6i.large node with")
                    .contains("This machine cannot hold Redis Enterprise's production minimum of 2 cores and 8 GB RAM per node at all")
                    .contains("choose a larger nodePool.machineType")
                    .doesNotContain("Largest that fits");
        }

        @Test
        void aBareNumberOfBytesGetsTheHintItMeantGibibytes() {
            assertThat(problems(kubernetes().with("redis", "memory", 32))).containsExactly(
                    "redis-enterprise:redis.memory: must be at least 4Gi (Redis Enterprise's development minimum of 4 GB RAM per node); 32 is 32 bytes: did you mean 32Gi?, got 32");
            assertThat(problems(kubernetes().with("redis", "memory", "500m"))).containsExactly(
                    "redis-enterprise:redis.memory: must be at least 4Gi (Redis Enterprise's development minimum of 4 GB RAM per node); 500m is 0.5 bytes (m is milli): did you mean 500Mi?, got \"500m\"");
        }

        @Test
        void anExistingClusterGetsTheDevelopmentMinimum() {
            // The development table names 4GB of RAM and no core count.
            assertThat(problems(kubernetes().set("redis", Map.of("cpu", "1", "memory", "1Gi")))).containsExactly(
                    "redis-enterprise:redis.memory: must be at least 4Gi (Redis Enterprise's development minimum of 4 GB RAM per node), got \"1Gi\"");
            assertThat(kubernetes().set("redis", Map.of("cpu", "1", "memory", "4Gi")).settings().redis().cpu().text())
                    .isEqualTo("1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"aws", "gcp", "azure"})
        void theCloudsGetTheProductionMinimum(String cloud) {
            assertThat(problems(TestStacks.forCloud(cloud).with("redis", "cpu", "1").with("redis", "memory", "4Gi")))
                    .containsExactlyInAnyOrder(
                            "redis-enterprise:redis.cpu: must be at least 2 (Redis Enterprise's production minimum of 2 cores and 8 GB RAM per node), got \"1\"",
                            "redis-enterprise:redis.memory: must be at least 8Gi (Redis Enterprise's production minimum of 2 cores and 8 GB RAM per node), got \"4Gi\"");
        }

        @Test
        void aMachineTooSmallForTheMinimumIsRefused() {
            assertThat(problems(aws().with("nodePool", "machineType", "m6i.large").statefulSet())).containsExactly(
                    "redis-enterprise:nodePool.machineType: is too small for Redis Enterprise's production minimum of 2 cores and 8 GB RAM per node: one node leaves the Redis container 1500m CPU and 6400Mi memory after the cloud's reservations and the bootstrap sidecar, got \"m6i.large\"");
        }

        @Test
        void aRefusedMemoryLeadsToNoFollowOnLine() {
            assertThat(problems(kubernetes().with("redis", "memory", "1Gi").with("redis", "volumeSize", "2Gi"))).containsExactly(
                    "redis-enterprise:redis.memory: must be at least 4Gi (Redis Enterprise's development minimum of 4 GB RAM per node), got \"1Gi\"");
        }

        @Test
        void aVolumeOfBareBytesGetsTheHintToo() {
            assertThat(problems(kubernetes().with("redis", "volumeSize", "100"))).containsExactly(
                    "redis-enterprise:redis.volumeSize: must be at least 3 x redis.memory (4Gi), Redis Enterprise's persistence guidance; 5 x is the default; 100 is 100 bytes: did you mean 100Gi?, got \"100\"");
        }
    }

    /** Upper bounds: Redis Enterprise's limits and the clouds' boot disk limits. */
    @Nested
    class UpperBounds {
        @Test
        void aHundredThousandNodesAreRefusedBySettingsAloneInWellUnderASecond() {
            TestStacks.Config config = gcp().with("redis", "nodes", 100001);
            problems(config);
            long start = System.nanoTime();
            // problems() reads settings only: nothing is planned, no resource is registered.
            assertThat(problems(config)).containsExactly("redis-enterprise:redis.nodes: must be at most 35, got 100001");
            assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds to refuse").isLessThan(1000);
        }

        @Test
        void hugeNumbersSayTheyAreTooLargeNotThatTheyAreNoNumber() {
            assertThat(problems(aws().with("redis", "nodes", 99999999999L))).containsExactly(
                    "redis-enterprise:redis.nodes: must be at most 35, got 99999999999");
            // pulumi up hands objects over as JSON text: the digits typed survive.
            assertThat(problems(aws().set("redis", "{\"memory\": 1e400}"))).containsExactly(
                    "redis-enterprise:redis.memory: is far too large: a Kubernetes quantity holds at most 2^63-1 of its base unit (about 8Ei bytes of memory, 9.2e18 cores of CPU), got 1E+400");
            assertThat(problems(kubernetes().with("redis", "memory", "9Ei"))).containsExactly(
                    "redis-enterprise:redis.memory: is far too large: a Kubernetes quantity holds at most 2^63-1 of its base unit (about 8Ei bytes of memory, 9.2e18 cores of CPU), got \"9Ei\"");
        }

        @Test
        void poolSizesAreBounded() {
            assertThat(problems(gcp().with("nodePool", "nodesPerZone", 71).with("nodePool", "sparePerZone", 36)))
                    .containsExactlyInAnyOrder(
                            "redis-enterprise:nodePool.nodesPerZone: must be at most 70, got 71",
                            "redis-enterprise:nodePool.sparePerZone: must be at most 35, got 36");
            assertThat(problems(gcp().with("redis", "confirmScaleDown", 36))).containsExactly(
                    "redis-enterprise:redis.confirmScaleDown: must be at most 35, got 36");
        }

        @ParameterizedTest
        @CsvSource({"aws, 20000, 20 and 16384", "azure, 4096, 30 and 2048", "azure, 25, 30 and 2048"})
        void bootDisksStayWithinTheCloudsLimits(String cloud, int gb, String range) {
            assertThat(problems(TestStacks.forCloud(cloud).with("nodePool", "diskSizeGb", gb))).containsExactly(
                    "redis-enterprise:nodePool.diskSizeGb: must be between " + range + " on " + cloud
                            + " (the node pool's boot disk limits), got " + gb);
            assertThat(problems(gcp().with("nodePool", "diskSizeGb", 70000))).containsExactly(
                    "redis-enterprise:nodePool.diskSizeGb: must be at most 65536, got 70000");
        }
    }

    /** Zones must belong to the cluster's region. */
    @Nested
    class ZonesOfTheRegion {
        @Test
        void awsZonesOfAnotherRegionAreRefused() {
            assertThat(problems(aws().with("nodePool", "zones", List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"))))
                    .containsExactly("redis-enterprise:nodePool.zones: must all be zones of aws:region us-east-1: us-east-1 followed by a letter (us-east-1a), or a Local Zone us-east-1-<location>-<number><letter>, got [\"eu-west-1a\",\"eu-west-1b\",\"eu-west-1c\"]");
        }

        @Test
        void awsLocalZonesOfTheRegionAreAccepted() {
            Settings s = aws().with("nodePool", "zones", List.of("us-east-1a", "us-east-1-bos-1a"))
                    .with("nodePool", "subnetIds", List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002")).settings();
            assertThat(s.nodePool().zones()).containsExactly("us-east-1a", "us-east-1-bos-1a");
        }

        @Test
        void awsZoneIdsAreNotZoneNames() {
            assertThat(problems(aws().with("nodePool", "zones", List.of("use1-az1", "use1-az2", "use1-az4")))).containsExactly(
                    "redis-enterprise:nodePool.zones: must name zones, not AZ IDs (use1-az1, use1-az2, use1-az4): nodes carry the zone name, such as us-east-1a, got [\"use1-az1\",\"use1-az2\",\"use1-az4\"]");
        }

        @Test
        void gcpZonesMustBeOfTheClustersRegion() {
            assertThat(problems(gcp().with("nodePool", "zones", List.of("us-central1-a", "us-central1-b")))).containsExactly(
                    "redis-enterprise:nodePool.zones: must all be zones of the GKE cluster's region europe-west1, named europe-west1-<letter>, got [\"us-central1-a\",\"us-central1-b\"]");
        }

        @Test
        void aZonalGkeClusterTakesZonesOfItsRegion() {
            TestStacks.Config zonal = gcp().with("cluster", "location", "europe-west1-b");
            assertThat(zonal.settings().nodePool().zones()).containsExactly("europe-west1-b", "europe-west1-c", "europe-west1-d");
            assertThat(problems(zonal.with("nodePool", "zones", List.of("europe-west1-b", "europe-west4-a")))).containsExactly(
                    "redis-enterprise:nodePool.zones: must all be zones of the region europe-west1 of the GKE cluster's zone europe-west1-b, named europe-west1-<letter>, got [\"europe-west1-b\",\"europe-west4-a\"]");
        }

        @Test
        void gcpLocationMustBeARegionOrZone() {
            assertThat(problems(gcp().with("cluster", "location", "westeurope"))).containsExactly(
                    "redis-enterprise:cluster.location: must be a Google Cloud region such as europe-west1 or a zone such as europe-west1-b, got \"westeurope\"");
            assertThat(problems(gcp().set("gcp:region", "west europe"))).containsExactly(
                    "gcp:region: must be a Google Cloud region such as europe-west1, got \"west europe\"");
        }
    }

    /** Every value that ends up in a Kubernetes object gets the rule the API server applies. */
    @Nested
    class KubernetesApiRules {
        static TestStacks.Config withRanges(String... ranges) {
            return aws().set("services", Map.of("type", "LoadBalancer", "loadBalancerSourceRanges", List.of(ranges)));
        }

        @Test
        void aPrefixBeyondTheAddressIsRefused() {
            assertThat(problems(withRanges("10.0.0.0/33"))).containsExactly(
                    "redis-enterprise:services.loadBalancerSourceRanges[0]: must be a CIDR block such as 10.0.0.0/8 (an IPv4 prefix of at most /32, IPv6 at most /128), got \"10.0.0.0/33\"");
        }

        @Test
        void ipv6IsParsedNotPatternMatched() {
            assertThat(problems(withRanges("2001:db8::/32", "1:2:3/64", "::ffff:10.0.0.0/104", "fe80::1/64", "fe80::1%eth0/64")))
                    .containsExactlyInAnyOrder(
                            "redis-enterprise:services.loadBalancerSourceRanges[1]: must be a CIDR block such as 10.0.0.0/8 (an IPv4 prefix of at most /32, IPv6 at most /128), got \"1:2:3/64\"",
                            "redis-enterprise:services.loadBalancerSourceRanges[2]: must not be an IPv4-mapped IPv6 address (Kubernetes refuses them): write 10.0.0.0/8 instead, got \"::ffff:10.0.0.0/104\"",
                            "redis-enterprise:services.loadBalancerSourceRanges[3]: must be a network address: fe80::1/64 has bits set beyond its /64 prefix, which Kubernetes calls ambiguous and its strict validation refuses (did you mean fe80::/64?), got \"fe80::1/64\"",
                            "redis-enterprise:services.loadBalancerSourceRanges[4]: must be a CIDR block such as 10.0.0.0/8 (an IPv4 prefix of at most /32, IPv6 at most /128), got \"fe80::1%eth0/64\"");
        }

        @Test
        void hostBitsGetTheNetworkThatWasMeant() {
            assertThat(problems(withRanges("10.0.0.1/24"))).containsExactly(
                    "redis-enterprise:services.loadBalancerSourceRanges[0]: must be a network address: 10.0.0.1/24 has bits set beyond its /24 prefix, which Kubernetes calls ambiguous and its strict validation refuses (did you mean 10.0.0.0/24?), got \"10.0.0.1/24\"");
            assertThat(withRanges("0.0.0.0/0", "192.168.1.7/32", "2001:db8::/32").settings().services().loadBalancerSourceRanges())
                    .hasSize(3);
        }

        @Test
        void theRedisNameNamesServicesSoItStartsWithALetter() {
            assertThat(problems(aws().with("redis", "name", "1redis"))).containsExactly(
                    "redis-enterprise:redis.name: must be a DNS-1035 label (lowercase letters, digits and '-', starting with a letter and ending with a letter or digit): it names Kubernetes Services, got \"1redis\"");
        }

        @Test
        void theClusterFqdnFitsRedisEnterprisesSixtyFourCharacters() {
            String name = "a".repeat(40);
            assertThat(problems(aws().with("redis", "name", name))).containsExactly(
                    "redis-enterprise:redis.name: with redis.namespace redis-enterprise makes the Redis Enterprise cluster name "
                            + name + ".redis-enterprise.svc.cluster.local 75 characters long; Redis Enterprise allows 64, so redis.name and redis.namespace may have 45 characters together, got \"" + name + "\"");
            assertThat(aws().with("redis", "name", name).with("redis", "namespace", "redis").settings().redis().clusterFqdn())
                    .hasSize(64);
        }

        @Test
        void theStatefulSetNameLeavesRoomForItsPodLabels() {
            // The StatefulSet controller labels pods controller-revision-hash=<name>-<10-character hash>, a label value
            // of at most 63 characters, so a StatefulSet name may have 52 (kubernetes/kubernetes#64023); Services are
            // named <name>-ui, -api, -metrics, DNS-1035 labels of at most 63. The schema's 40 covers both.
            int max = StackSchema.standard().key("redis-enterprise:redis").path("properties").path("name").path("maxLength").asInt();
            assertThat(max).isEqualTo(40).isLessThanOrEqualTo(63 - 1 - 10).isLessThanOrEqualTo(63 - "-metrics".length());
        }

        @ParameterizedTest
        @ValueSource(strings = {"default", "kube-system", "kube-public", "kube-node-lease"})
        void namespacesEveryClusterHasAreRefused(String namespace) {
            assertThat(problems(kubernetes().with("redis", "namespace", namespace))).containsExactly(
                    "redis-enterprise:redis.namespace: must not be one of the namespaces every cluster has (default, kube-node-lease, kube-public, kube-system): this program creates, labels and protects its own, got \"" + namespace + "\"");
        }

        @Test
        void theProvisionerIsAQualifiedName() {
            assertThat(problems(kubernetes().set("storage", Map.of("provisioner", "my driver")))).containsExactly(
                    "redis-enterprise:storage.provisioner: must be a CSI driver name such as ebs.csi.aws.com: a Kubernetes qualified name (at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit, after an optional DNS subdomain prefix and '/'), got \"my driver\"");
            assertThat(kubernetes().set("storage", Map.of("provisioner", "example.com/my-driver")).settings().storage().provisioner())
                    .hasValue("example.com/my-driver");
        }

        @Test
        void storageClassParametersStayWithinTheApisLimits() {
            Map<String, Object> many = new LinkedHashMap<>();
            for (int i = 0; i < 513; i++) {
                many.put("k" + i, "v");
            }
            assertThat(problems(kubernetes().set("storage", Map.of("provisioner", "x.csi.io", "parameters", many)))).containsExactly(
                    "redis-enterprise:storage.parameters: must have at most 512 entries (the Kubernetes API's StorageClass limit), got 513 entries, 2455 bytes");
            assertThat(problems(kubernetes().set("storage", Map.of("provisioner", "x.csi.io", "parameters", Map.of("big", "x".repeat(300_000))))))
                    .containsExactly("redis-enterprise:storage.parameters: must hold at most 262144 bytes of keys and values (256 KiB, the Kubernetes API's StorageClass limit), got 1 entries, 300003 bytes");
            assertThat(problems(kubernetes().set("storage", Map.of("provisioner", "x.csi.io", "parameters", Map.of("", "v"))))).containsExactly(
                    "redis-enterprise:storage.parameters: must not have an empty key (the Kubernetes API refuses it), got 1 entries, 1 bytes");
        }

        @Test
        void imagesAreReferencesTheKubeletCanPull() {
            assertThat(problems(aws().with("redis", "image", "Redis:Latest"))).containsExactly(
                    "redis-enterprise:redis.image: must be a container image reference such as registry.example.com/team/redis:7.22.2-189 (lowercase repository path, optional :tag, optional @sha256:digest), which the kubelet can pull, got \"Redis:Latest\"");
            assertThat(aws().with("redis", "bootstrapImage", "registry.example.com:5000/python@sha256:" + "a".repeat(64))
                    .statefulSet().settings().redis().bootstrapImage()).startsWith("registry.example.com:5000/python@sha256:");
        }
    }

    /** An unknown machine type is answered with the catalogued names nearest to it, and nothing computed from guesses. */
    @Nested
    class UnknownMachineTypes {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "aws   | r6i.xlrge       | nearest r6i.xlarge",
            "aws   | m7i.3xlarge     | nearest m7i.2xlarge, m7i.4xlarge",
            "aws   | r6j.xlarge      | nearest r6i.xlarge",
            "gcp   | n2-highmem-5    | nearest n2-highmem-4, n2-highmem-8",
            "gcp   | n2-highmen-4    | nearest n2-highmem-4",
            "azure | Standard_E6s_v5 | nearest Standard_E4s_v5, Standard_E8s_v5",
            "azure | standard_e4s_v5 | nearest Standard_E4s_v5",
        })
        void theNearestNamesAreSuggested(String cloud, String typed, String suggestion) {
            assertThat(problems(TestStacks.forCloud(cloud).with("nodePool", "machineType", typed))).containsExactly(
                    "redis-enterprise:nodePool.machineType: is not in the sizing catalogue for " + cloud
                            + ", so set redis.cpu and redis.memory explicitly (or use a catalogued one: " + suggestion + "), got \"" + typed + "\"");
        }

        @Test
        void nothingIsComputedFromStandInSizes() {
            // No memory was derived, so no volume rule may compare against a placeholder.
            assertThat(problems(aws().with("nodePool", "machineType", "r6i.xlrge").with("redis", "volumeSize", "5Gi")))
                    .singleElement().asString().startsWith("redis-enterprise:nodePool.machineType: is not in the sizing catalogue");
            // A refused machine type, maxPods or DaemonSet allowance is replaced by a default: nothing sized from it counts.
            assertThat(problems(aws().with("nodePool", "machineType", " ").with("redis", "volumeSize", "5Gi"))).containsExactly(
                    "redis-enterprise:nodePool.machineType: must be a non-empty string, got \" \"");
            assertThat(problems(azure().with("nodePool", "maxPods", 300).with("redis", "volumeSize", "5Gi")
                    .with("nodePool", "diskSizeGb", 30))).containsExactly("redis-enterprise:nodePool.maxPods: must be at most 250, got 300");
            assertThat(problems(aws().with("nodePool", "daemonSetAllowance", Map.of("memory", "lots"))
                    .with("redis", "memory", "30Gi"))).containsExactly(
                    "redis-enterprise:nodePool.daemonSetAllowance.memory: must be a Kubernetes quantity such as 4Gi or 500m, got \"lots\"");
        }
    }
}
