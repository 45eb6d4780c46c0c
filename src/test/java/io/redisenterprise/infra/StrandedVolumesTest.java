package io.redisenterprise.infra;

import static io.redisenterprise.infra.NodePoolReplacementVerdictTest.asPulumiReturnsIt;
import static io.redisenterprise.infra.NodePoolReplacementVerdictTest.rootCause;
import static io.redisenterprise.infra.NodePoolReplacementVerdictTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.exceptions.RunException;
import io.redisenterprise.infra.NodePoolReplacementVerdictTest.Run;
import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.settings.Cloud;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A change whose new node pools could not reach the existing volumes is refused before anything changes: a zone that
 * ran Redis nodes removed (or left fewer VMs than its Redis nodes), a GCP machine series that cannot attach the disks.
 */
class StrandedVolumesTest {
    static final List<String> AWS_ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c");

    /** The refusal lines of a run, each as the engine prints it (the program's error, no stack trace). */
    static List<String> refusals(Run run) {
        assertThat(run.result().exceptions()).isNotEmpty().allSatisfy(e -> assertThat(rootCause(e)).isInstanceOf(RunException.class));
        return rootCause(run.result().exceptions().get(0)).getMessage().lines().toList();
    }

    @Test
    void theStackRecordsTheVmsOfEachZoneAndEveryDiskTypeOfItsClass() {
        Map<String, Object> outputs = TestStacks.aws().with("redis", "nodes", 5).with("nodePool", "sparePerZone", 1).plan().outputs();
        assertThat(outputs.get(StrandedVolumes.ZONES_OUTPUT))
                .isEqualTo(Map.of("us-east-1a", 3, "us-east-1b", 3, "us-east-1c", 2));
        // The types accumulate: a class's type reaches only new volumes, older ones keep theirs.
        assertThat(StrandedVolumes.diskTypesOutput(List.of("pd-ssd"),
                Map.of("parameters", Map.of("type", "pd-balanced")), java.util.Optional.of("hyperdisk-balanced")))
                .containsExactly("hyperdisk-balanced", "pd-balanced", "pd-ssd");
        // Azure Disk names its type skuName.
        assertThat(StrandedVolumes.diskTypesOutput(null, null, StrandedVolumes.diskType(Map.of("skuName", "Premium_LRS"))))
                .containsExactly("Premium_LRS");
        // An existing cluster has no pools of ours: nothing to record.
        assertThat(TestStacks.kubernetes().plan().outputs()).doesNotContainKey(StrandedVolumes.ZONES_OUTPUT);
    }

    @Test
    void aZoneSwappedForAnotherIsRefused() {
        Map<String, Object> previous = asPulumiReturnsIt(TestStacks.aws().plan().outputs());
        Run run = run(TestStacks.aws().with("nodePool", "zones", List.of("us-east-1a", "us-east-1b", "us-east-1d"))
                .settings(), previous);
        assertThat(refusals(run)).containsExactly("redis-enterprise:nodePool.zones: must keep every zone the Redis nodes"
                + " run in (us-east-1c removed): each Redis node's volume is a zonal disk, so a pod that ran there would"
                + " stay Pending on the remaining pools, and two at once lose the cluster's quorum. Zones can be added,"
                + " not removed or swapped: to leave a zone, move the data to a new stack (back up the databases,"
                + " restore them there), got [\"us-east-1a\",\"us-east-1b\",\"us-east-1d\"]");
        // Refused at the program's end of preview: the cluster is never sent.
        assertThat(run.result().resources()).extracting(r -> r.pulumiResourceType())
                .doesNotContain("kubernetes:app.redislabs.com/v1:RedisEnterpriseCluster");
    }

    @Test
    void reorderedZonesThatLeaveAZoneFewerVmsThanItsRedisNodesAreRefused() {
        // 5 nodes over a, b, c are 2 + 2 + 1 VMs; listed c, a, b they would be 2 + 2 + 1 over c, a, b: b keeps one VM.
        Map<String, Object> previous = asPulumiReturnsIt(TestStacks.aws().with("redis", "nodes", 5).plan().outputs());
        Run run = run(TestStacks.aws().with("redis", "nodes", 5)
                .with("nodePool", "zones", List.of("us-east-1c", "us-east-1a", "us-east-1b")).settings(), previous);
        assertThat(refusals(run)).containsExactly("redis-enterprise:nodePool.zones: must leave every zone at least 2 VMs,"
                + " the most Redis nodes the zone spread may have put in one zone (VMs per zone: us-east-1b 1 (had 2)):"
                + " each Redis node's volume is a zonal disk, so a pod whose VM goes would stay Pending; nodesPerZone,"
                + " sparePerZone and the order of the zones decide the VMs per zone,"
                + " got [\"us-east-1c\",\"us-east-1a\",\"us-east-1b\"]");
    }

    @Test
    void fewerSparesAreRefusedBelowTheMostRedisNodesAZoneMayRun() {
        // 5 nodes with a spare per zone: 3 + 3 + 2 VMs, and the pods may sit 2 + 1 + 2. Without the spares zone c
        // would keep one VM; nodesPerZone 2 keeps two everywhere.
        Map<String, Object> previous = asPulumiReturnsIt(TestStacks.aws().with("redis", "nodes", 5)
                .with("nodePool", "sparePerZone", 1).plan().outputs());
        assertThat(refusals(run(TestStacks.aws().with("redis", "nodes", 5).settings(), previous))).singleElement()
                .asString().startsWith("redis-enterprise:nodePool.zones: must leave every zone at least 2 VMs")
                .contains("us-east-1c 1 (had 2)");
        Run fixed = run(TestStacks.aws().with("redis", "nodes", 5).with("nodePool", "nodesPerZone", 2).settings(), previous);
        assertThat(fixed.result().exceptions()).isEmpty();
    }

    @Test
    void addingAZoneOrKeepingThemIsAccepted() {
        Map<String, Object> previous = asPulumiReturnsIt(TestStacks.aws().plan().outputs());
        assertThat(run(TestStacks.aws().settings(), previous).result().exceptions()).isEmpty();
        // One zone more with two more nodes: every zone keeps its VM.
        Placement five = new Placement("redis", Map.of(), java.util.Optional.empty(),
                List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"), List.of(2, 1, 1, 1), 5, false);
        assertThat(StrandedVolumes.judge(Cloud.AWS, TestStacks.aws().settings().nodePool(), five,
                Map.of("us-east-1a", 1.0, "us-east-1b", 1.0, "us-east-1c", 1.0), 3.0, null, null)).isEmpty();
    }

    @Test
    void fewerRedisNodesSkipTheVmFloorButNeverTheRemovedZone() {
        // The statefulset deployment's confirmed scale-down shrinks the zones with the nodes.
        Placement three = new Placement("redis", Map.of(), java.util.Optional.empty(), AWS_ZONES, List.of(1, 1, 1), 3, false);
        var pool = TestStacks.aws().settings().nodePool();
        Map<String, Double> before = Map.of("us-east-1a", 2.0, "us-east-1b", 2.0, "us-east-1c", 1.0);
        assertThat(StrandedVolumes.judge(Cloud.AWS, pool, three, before, 5.0, null, null)).isEmpty();
        // With 3 Redis nodes over 3 zones a zone runs at most one: one VM each is enough, spares may go.
        assertThat(StrandedVolumes.judge(Cloud.AWS, pool, three, before, 3.0, null, null)).isEmpty();
        Placement twoZones = new Placement("redis", Map.of(), java.util.Optional.empty(),
                List.of("us-east-1a", "us-east-1b"), List.of(2, 1), 3, false);
        assertThat(StrandedVolumes.judge(Cloud.AWS, pool, twoZones, before, 5.0, null, null)).singleElement()
                .asString().startsWith("redis-enterprise:nodePool.zones: must keep every zone the Redis nodes run in"
                        + " (us-east-1c removed)");
    }

    @Test
    void aGcpSeriesThatCannotAttachTheExistingDisksIsRefusedEvenWithANewDiskType() {
        Map<String, Object> previous = asPulumiReturnsIt(TestStacks.gcp().plan().outputs());
        assertThat(previous).extractingByKey("storageClassParameters").asString().contains("type=pd-ssd");
        String line = "redis-enterprise:nodePool.machineType: must be of a series that attaches the existing volumes'"
                + " disk type pd-ssd, which n4 machines cannot attach (they attach hyperdisk-balanced,"
                + " hyperdisk-balanced-high-availability, hyperdisk-throughput, see"
                + " https://cloud.google.com/compute/docs/general-purpose-machines#n4_series): the Redis pods would stay"
                + " Pending on the new pools. A new storage.diskType reaches only new volumes: keep a series that"
                + " attaches pd-ssd, or move the data to a new stack (README, \"Another machine series\"), got"
                + " \"n4-highmem-8\"";
        // The default disk type follows the series (hyperdisk-balanced), and the stack spells it out: both refused.
        assertThat(refusals(run(TestStacks.gcp().with("nodePool", "machineType", "n4-highmem-8").settings(), previous)))
                .contains(line);
        assertThat(refusals(run(TestStacks.gcp().with("nodePool", "machineType", "n4-highmem-8")
                .with("storage", "diskType", "hyperdisk-balanced").settings(), previous))).contains(line);
        // The types the class had before count too: pd-ssd volumes from an n2 era stay pd-ssd under a c3's
        // hyperdisk-balanced class.
        var n4 = TestStacks.gcp().with("nodePool", "machineType", "n4-highmem-8").settings().nodePool();
        Placement three = new Placement("redis", Map.of(), java.util.Optional.empty(),
                List.of("europe-west1-b", "europe-west1-c", "europe-west1-d"), List.of(1, 1, 1), 3, false);
        assertThat(StrandedVolumes.judge(Cloud.GCP, n4, three, null, null, List.of("hyperdisk-balanced", "pd-ssd"),
                Map.of("parameters", Map.of("type", "hyperdisk-balanced")))).singleElement().asString()
                .contains("the existing volumes' disk type pd-ssd, which n4 machines cannot attach");
        // A series that attaches Persistent Disk too strands nothing (refused only by the two-step rule for the
        // cluster's derived size, NodePoolReplacement).
        assertThat(refusals(run(TestStacks.gcp().with("nodePool", "machineType", "n2-highmem-8").settings(), previous)))
                .singleElement().asString().startsWith("redis-enterprise:nodePool: must not replace the node pools");
    }
}
