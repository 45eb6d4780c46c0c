package io.redisenterprise.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.exceptions.RunException;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import io.redisenterprise.infra.plan.Plan;
import io.redisenterprise.infra.plan.PlanMocks;
import io.redisenterprise.infra.platform.PlatformRegistry;
import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.DeploymentMode;
import io.redisenterprise.infra.settings.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node pool replacement is judged against the stack's previous deployment: warned about in both deployments, and
 * refused in operator mode while the RedisEnterpriseCluster changes in the same update (the operator's roll would
 * overlap the old pools' deletion).
 */
class NodePoolReplacementVerdictTest {
    static final List<String> OLD = List.of("redis-us-east-1a-095812", "redis-us-east-1b-1a2b3c", "redis-us-east-1c-4d5e6f");
    static final List<String> NEW = List.of("redis-us-east-1a-777777", "redis-us-east-1b-888888", "redis-us-east-1c-999999");
    static final Map<String, Object> SPEC = Map.of("nodes", 3L, "redisEnterpriseNodeResources", Map.of(
            "limits", Map.of("cpu", "2700m", "memory", "27904Mi"), "requests", Map.of("cpu", "2700m", "memory", "27904Mi")),
            "persistentSpec", Map.of("volumeSize", "140Gi", "enabled", true));
    /** The same spec as Pulumi hands it back through a stack reference: numbers as doubles. */
    static final Map<String, Object> SPEC_AS_READ = Map.of("nodes", 3.0, "redisEnterpriseNodeResources", Map.of(
            "limits", Map.of("cpu", "2700m", "memory", "27904Mi"), "requests", Map.of("cpu", "2700m", "memory", "27904Mi")),
            "persistentSpec", Map.of("volumeSize", "140Gi", "enabled", true));
    static final String EKS_WARNING = "redis-enterprise:nodePool: this update replaces node pools redis-us-east-1a-095812,"
            + " redis-us-east-1b-1a2b3c, redis-us-east-1c-4d5e6f -> redis-us-east-1a-777777, redis-us-east-1b-888888,"
            + " redis-us-east-1c-999999: the new pools are created first, the old ones drained and deleted at its end,"
            + " last zone first. EKS drains them for a few minutes only, then terminates the VMs: to be sure that at most"
            + " one Redis node is down, replace one zone per pulumi up --target (README, \"Changing the machine type\").";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void nothingToSayWithoutAPreviousDeploymentOrWithTheSamePools() {
        assertThat(judge(DeploymentMode.OPERATOR, null, null, NEW, SPEC)).isEqualTo(NodePoolReplacement.Verdict.NOTHING);
        assertThat(judge(DeploymentMode.OPERATOR, OLD, Map.of("nodes", 5L), OLD, SPEC)).isEqualTo(NodePoolReplacement.Verdict.NOTHING);
        // More zones add pools and delete none.
        List<String> more = new ArrayList<>(OLD);
        more.add("redis-us-east-1d-000000");
        assertThat(judge(DeploymentMode.OPERATOR, OLD, Map.of(), more, SPEC)).isEqualTo(NodePoolReplacement.Verdict.NOTHING);
    }

    @Test
    void aReplacementIsWarnedAboutWithWhatTheCloudDoesToTheRedisPods() {
        assertThat(judge(DeploymentMode.STATEFULSET, OLD, null, NEW, null).warning()).contains(EKS_WARNING);
        // Operator mode, the cluster unchanged (numbers compared by value): the same warning, no refusal.
        var unchanged = judge(DeploymentMode.OPERATOR, OLD, SPEC_AS_READ, NEW, SPEC);
        assertThat(unchanged.refusal()).isEmpty();
        assertThat(unchanged.warning()).contains(EKS_WARNING);
        assertThat(NodePoolReplacement.judge(Cloud.GCP, DeploymentMode.OPERATOR, List.of("redis-b-1"), SPEC, List.of("redis-b-2"),
                Optional.of(SPEC)).warning().orElseThrow()).endsWith(" GKE deletes their pods without honouring the"
                + " PodDisruptionBudget: to be sure that at most one Redis node is down, replace one zone per pulumi up"
                + " --target (README, \"Changing the machine type\").");
        assertThat(NodePoolReplacement.judge(Cloud.AZURE, DeploymentMode.STATEFULSET, List.of("redis1aaaaaa"), null,
                List.of("redis1bbbbbb"), Optional.empty()).warning().orElseThrow()).endsWith(" AKS drains them honouring the"
                + " PodDisruptionBudget (README, \"Changing the machine type\").");
    }

    @Test
    void operatorModeRefusesNewPoolsWhileTheClusterChanges() {
        Map<String, Object> bigger = new LinkedHashMap<>(SPEC);
        bigger.put("redisEnterpriseNodeResources", Map.of("limits", Map.of("cpu", "6500m", "memory", "58Gi"),
                "requests", Map.of("cpu", "6500m", "memory", "58Gi")));
        bigger.put("persistentSpec", Map.of("volumeSize", "290Gi", "enabled", true));
        var verdict = judge(DeploymentMode.OPERATOR, OLD, SPEC_AS_READ, NEW, bigger);
        assertThat(verdict.warning()).isEmpty();
        assertThat(verdict.refusal()).contains("redis-enterprise:nodePool: must not replace the node pools while the"
                + " RedisEnterpriseCluster changes (persistentSpec, redisEnterpriseNodeResources): the operator would roll"
                + " the Redis pods while Pulumi deletes the old pools, which pulumi up cannot wait for (the cluster's status"
                + " has no observed generation), so two Redis nodes could be down at once. Change one, then the other, in"
                + " two pulumi up: for a bigger machine type the pools first, keeping redis.cpu 2700m and redis.memory"
                + " 27904Mi (the current ones), then the cluster; for a smaller one the cluster first (README, \"Changing"
                + " the machine type\"), got node pools"
                + " redis-us-east-1a-095812, redis-us-east-1b-1a2b3c, redis-us-east-1c-4d5e6f -> redis-us-east-1a-777777,"
                + " redis-us-east-1b-888888, redis-us-east-1c-999999");
    }

    @Test
    void aPreviousDeploymentWithoutTheClusterSpecIsWarnedAboutNotRefused() {
        var verdict = judge(DeploymentMode.OPERATOR, OLD, null, NEW, SPEC);
        assertThat(verdict.refusal()).isEmpty();
        assertThat(verdict.warning().orElseThrow()).startsWith(EKS_WARNING).endsWith(" The previous deployment records no"
                + " redisEnterpriseClusterSpec (an earlier version of this program), so whether the RedisEnterpriseCluster"
                + " changes in the same update is unknown: if it does (a machine type whose redis.cpu and redis.memory are"
                + " derived), the operator rolls the pods while the old pools are deleted; cancel and change the pools"
                + " first (README).");
    }

    /**
     * The whole program, as {@code pulumi preview} runs it after an r6i.xlarge deployment: a bigger machine with the
     * derived pod size is refused (the program fails, so preview does); with redis.cpu and redis.memory pinned to the
     * deployed values the pools are replaced with a warning only; then, the pools in place, the cluster may grow.
     */
    @Test
    void theProgramRefusesABiggerMachineWithADerivedPodSizeAndAcceptsItInTwoSteps() {
        Plan deployed = TestStacks.aws().plan();
        Map<String, Object> previous = asPulumiReturnsIt(deployed.outputs());
        @SuppressWarnings("unchecked")
        Map<String, Object> limits = (Map<String, Object>) TestStacks.at(previous, "redisEnterpriseClusterSpec",
                "redisEnterpriseNodeResources", "limits");

        Run refused = run(TestStacks.aws().with("nodePool", "machineType", "r6i.2xlarge").settings(), previous);
        // One error, the line alone (the engine prints a RunException's message without a stack trace).
        assertThat(refused.result.errors()).singleElement().asString()
                .startsWith("redis-enterprise:nodePool: must not replace the node pools");
        assertThat(refused.result.exceptions()).isNotEmpty().allSatisfy(e -> assertThat(rootCause(e))
                .isInstanceOf(RunException.class).hasMessageStartingWith("redis-enterprise:nodePool: must not replace the"
                        + " node pools while the RedisEnterpriseCluster changes (persistentSpec, redisEnterpriseNodeResources)")
                .hasMessageContaining("keeping redis.cpu " + limits.get("cpu") + " and redis.memory "
                        + limits.get("memory") + " (the current ones)"));

        // The cluster waits for the check: a refused run never sends its update (not even with up --skip-preview).
        assertThat(refused.result.resources()).extracting(r -> r.pulumiResourceType())
                .doesNotContain("kubernetes:app.redislabs.com/v1:RedisEnterpriseCluster")
                .contains("aws:eks/nodeGroup:NodeGroup");

        Settings pinned = TestStacks.aws().with("nodePool", "machineType", "r6i.2xlarge")
                .with("redis", "cpu", limits.get("cpu")).with("redis", "memory", limits.get("memory")).settings();
        Run poolsFirst = run(pinned, previous);
        assertThat(poolsFirst.result.exceptions()).isEmpty();
        assertThat(poolsFirst.warnings).anySatisfy(w -> assertThat(w).startsWith("redis-enterprise:nodePool: this update"
                + " replaces node pools redis-us-east-1a-"));

        Map<String, Object> afterPools = asPulumiReturnsIt(Map.of(
                "nodePools", PulumiTest.extractValue(poolsFirst.result.output("nodePools")),
                "redisEnterpriseClusterSpec", PulumiTest.extractValue(poolsFirst.result.output("redisEnterpriseClusterSpec"))));
        Run clusterNext = run(TestStacks.aws().with("nodePool", "machineType", "r6i.2xlarge").settings(), afterPools);
        assertThat(clusterNext.result.exceptions()).isEmpty();
        assertThat(clusterNext.result.resources()).extracting(r -> r.pulumiResourceType())
                .contains("kubernetes:app.redislabs.com/v1:RedisEnterpriseCluster");
        assertThat(clusterNext.warnings).noneMatch(w -> w.startsWith("redis-enterprise:nodePool:"));
    }

    /** A smaller machine: the cluster first (on the old pools), then the pools with the cluster as it now is. */
    @Test
    void aSmallerMachineTakesTheClusterFirst() {
        TestStacks.Config big = TestStacks.aws().with("nodePool", "machineType", "r6i.2xlarge").with("redis", "volumeSize", "200Gi");
        Map<String, Object> deployed = asPulumiReturnsIt(big.plan().outputs());
        assertThat(run(TestStacks.aws().with("redis", "volumeSize", "200Gi").settings(), deployed).result.errors())
                .singleElement().asString().startsWith("redis-enterprise:nodePool: must not replace the node pools");

        TestStacks.Config clusterFirst = TestStacks.aws().with("nodePool", "machineType", "r6i.2xlarge")
                .with("redis", "volumeSize", "200Gi").with("redis", "cpu", "2700m").with("redis", "memory", "27904Mi");
        Run first = run(clusterFirst.settings(), deployed);
        assertThat(first.result.exceptions()).isEmpty();
        Map<String, Object> afterCluster = asPulumiReturnsIt(clusterFirst.plan().outputs());
        Run poolsNext = run(TestStacks.aws().with("redis", "volumeSize", "200Gi").with("redis", "cpu", "2700m")
                .with("redis", "memory", "27904Mi").settings(), afterCluster);
        assertThat(poolsNext.result.exceptions()).isEmpty();
        assertThat(poolsNext.warnings).anySatisfy(w -> assertThat(w).startsWith("redis-enterprise:nodePool: this update replaces"));
    }

    /** The databases wait for the cluster: a refused run ends (with the one error) rather than waiting for them. */
    @Test
    void aRefusalWithDatabasesEndsWithTheOneError() {
        Map<String, Object> previous = asPulumiReturnsIt(TestStacks.aws()
                .set("databases", List.of(Map.of("name", "sessions", "memory", "2Gi"))).plan().outputs());
        Run refused = run(TestStacks.aws().set("databases", List.of(Map.of("name", "sessions", "memory", "2Gi")))
                .with("nodePool", "machineType", "r6i.2xlarge").settings(), previous);
        assertThat(refused.result.errors()).singleElement().asString()
                .startsWith("redis-enterprise:nodePool: must not replace the node pools");
        assertThat(refused.result.resources()).extracting(r -> r.pulumiResourceType())
                .doesNotContain("kubernetes:app.redislabs.com/v1alpha1:RedisEnterpriseDatabase");
    }

    @Test
    void theStatefulSetDeploymentIsWarnedNotRefused() {
        Map<String, Object> previous = asPulumiReturnsIt(TestStacks.aws().statefulSet().plan().outputs());
        assertThat(previous).doesNotContainKey("redisEnterpriseClusterSpec");
        Run run = run(TestStacks.aws().statefulSet().with("nodePool", "machineType", "r6i.2xlarge").settings(), previous);
        assertThat(run.result.exceptions()).isEmpty();
        assertThat(run.warnings).anySatisfy(w -> assertThat(w).startsWith("redis-enterprise:nodePool: this update replaces"));
    }

    static NodePoolReplacement.Verdict judge(DeploymentMode mode, Object previousPools, Object previousSpec,
                                             List<String> pools, Map<String, Object> spec) {
        return NodePoolReplacement.judge(Cloud.AWS, mode, previousPools, previousSpec, pools, Optional.ofNullable(spec));
    }

    record Run(TestResult result, List<String> warnings) {
    }

    /** The whole program under the plan's mocks, the stack reference reading {@code previous}; warnings captured. */
    static Run run(Settings settings, Map<String, Object> previous) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger engineLog = Logger.getLogger(com.pulumi.test.internal.PulumiTestInternal.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(String.valueOf(record.getMessage()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parents = engineLog.getUseParentHandlers();
        engineLog.setUseParentHandlers(false);
        engineLog.addHandler(capture);
        try {
            PlanMocks plan = new PlanMocks();
            Mocks mocks = new Mocks() {
                @Override
                public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                    if (args.type.equals("pulumi:pulumi:StackReference")) {
                        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name),
                                Map.of("name", args.inputs.get("name"), "outputs", previous, "secretOutputNames", List.of())));
                    }
                    return plan.newResourceAsync(args);
                }

                @Override
                public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                    return plan.callAsync(args);
                }
            };
            TestResult result = PulumiTest.withMocks(mocks)
                    .withOptions(TestOptions.builder().projectName("redis-enterprise").stackName("aws").preview(true).build())
                    .runTest(ctx -> RedisEnterpriseStack.deploy(ctx, settings, PlatformRegistry.discover()));
            return new Run(result, warnings);
        } finally {
            engineLog.removeHandler(capture);
            engineLog.setUseParentHandlers(parents);
            PulumiTest.cleanup();
        }
    }

    /** Outputs as a stack reference returns them: numbers as doubles. */
    @SuppressWarnings("unchecked")
    static <T> T asPulumiReturnsIt(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), asPulumiReturnsIt(v)));
            return (T) out;
        }
        if (value instanceof List<?> l) {
            return (T) l.stream().map(NodePoolReplacementVerdictTest::asPulumiReturnsIt).toList();
        }
        if (value instanceof Number n) {
            return (T) Double.valueOf(n.doubleValue());
        }
        return value;
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
