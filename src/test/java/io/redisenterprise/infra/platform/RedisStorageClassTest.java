package io.redisenterprise.infra.platform;

import static io.redisenterprise.infra.TestStacks.at;
import static io.redisenterprise.infra.TestStacks.only;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Log;
import com.pulumi.core.internal.Internal;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import io.redisenterprise.infra.RedisEnterpriseStack;
import io.redisenterprise.infra.TestStacks;
import io.redisenterprise.infra.plan.Plan;
import io.redisenterprise.infra.plan.PlanMocks;
import io.redisenterprise.infra.plan.PlanSummary;
import io.redisenterprise.infra.plan.PlannedResource;
import io.redisenterprise.infra.settings.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A change of the StorageClass's parameters is never silent, and replacing the class (Kubernetes cannot change
 * its parameters) touches nothing else: not the StatefulSet, not the claims, not the volumes.
 */
class RedisStorageClassTest {
    static final StorageClassSpec GP3 = new StorageClassSpec("redis-enterprise-ssd", "ebs.csi.aws.com",
            Map.of("type", "gp3", "encrypted", "true", "csi.storage.k8s.io/fstype", "ext4", "iops", "3000"));
    static final String CLASS = "kubernetes:storage.k8s.io/v1:StorageClass";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void noWarningOnTheFirstDeploymentOrWithoutAChange() {
        assertThat(RedisStorageClass.changeWarning(null, GP3)).isEmpty();
        assertThat(RedisStorageClass.changeWarning(RedisStorageClass.deployed(GP3), GP3)).isEmpty();
        // Another class name is another class: the old one is deleted, this one created, nothing is replaced.
        assertThat(RedisStorageClass.changeWarning(RedisStorageClass.deployed(
                new StorageClassSpec("other", GP3.provisioner(), Map.of("type", "io2"))), GP3)).isEmpty();
    }

    @Test
    void aChangedParameterIsNamedWithTheConsequenceForExistingVolumes() {
        var io2 = new StorageClassSpec(GP3.name(), GP3.provisioner(), Map.of("type", "io2", "encrypted", "true",
                "csi.storage.k8s.io/fstype", "ext4", "iops", "6000", "kmsKeyId", "arn:aws:kms:us-east-1:1:key/k"));
        assertThat(RedisStorageClass.changeWarning(RedisStorageClass.deployed(GP3), io2)).contains(
                "StorageClass redis-enterprise-ssd changes (iops 3000 -> 6000, kmsKeyId (unset) -> arn:aws:kms:us-east-1:1:key/k,"
                        + " type gp3 -> io2). A class's parameters cannot change in place, so the class is deleted and"
                        + " created again. Existing volumes keep their old disk type, performance and encryption key: only"
                        + " volumes created from now on get the new values. To change the existing volumes, see the README,"
                        + " \"Changing the storage of existing volumes\".");
        var other = new StorageClassSpec(GP3.name(), "disk.csi.azure.com", Map.of());
        assertThat(RedisStorageClass.changeWarning(RedisStorageClass.deployed(GP3), other).orElseThrow())
                .startsWith("StorageClass redis-enterprise-ssd changes (provisioner ebs.csi.aws.com -> disk.csi.azure.com,"
                        + " csi.storage.k8s.io/fstype ext4 -> (unset), encrypted true -> (unset), iops 3000 -> (unset),"
                        + " type gp3 -> (unset)).");
    }

    /** The program itself reads the stack's previous output and warns; under the mock engine, with a made-up past. */
    @Test
    void upWarnsWhenTheStackLastDeployedOtherParameters() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Map<String, Object> lastDeployed = new HashMap<>(RedisStorageClass.deployed(GP3));
        lastDeployed.put("parameters", Map.of("type", "gp3", "encrypted", "true", "csi.storage.k8s.io/fstype", "ext4", "iops", "4000"));
        List<String> referenced = new CopyOnWriteArrayList<>();
        TestResult result = PulumiTest.withMocks(withPreviousOutputs(Map.of(RedisStorageClass.PARAMETERS_OUTPUT, lastDeployed), referenced))
                .withOptions(TestOptions.builder().projectName("redis-enterprise").stackName("prod").build())
                .runTest(ctx -> RedisStorageClass.register(ctx, PreviousDeployment.of(ctx), GP3, new Provider("k8s", ProviderArgs.Empty),
                        warnings::add));

        assertThat(result.exceptions()).isEmpty();
        assertThat(referenced).containsExactly("organization/redis-enterprise/prod");
        assertThat(warnings).singleElement().asString().startsWith("StorageClass redis-enterprise-ssd changes (iops 4000 -> 3000).");
        assertThat(PulumiTest.extractValue(result.output(RedisStorageClass.PARAMETERS_OUTPUT)))
                .isEqualTo(RedisStorageClass.deployed(GP3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "gcp", "azure"})
    void theClassIsReplaceableWithoutTouchingTheStatefulSetOrTheClaims(String cloud) {
        Map<String, Set<String>> inputDependencies = new ConcurrentHashMap<>();
        Plan plan = planRecordingInputDependencies(TestStacks.forCloud(cloud).statefulSet().settings(), inputDependencies);
        PlannedResource storageClass = only(plan, CLASS);
        String classKey = CLASS + "::" + storageClass.name();

        // Not protected: a parameter change may replace it (delete, then create under the same name).
        assertThat(storageClass.isProtected()).isFalse();
        assertThat(storageClass.options()).doesNotContainKey("deleteBeforeReplace");
        assertThat(at(storageClass.inputs(), "reclaimPolicy")).isEqualTo("Retain");
        // No input of any resource is derived from the class, so the engine never plans to replace a dependent of
        // it (pulumi/pulumi step_generator.go calculateDependentReplacements looks only at inputs' dependencies).
        assertThat(inputDependencies).allSatisfy((resource, deps) -> assertThat(deps).as(resource).doesNotContain(classKey));
        // The StatefulSet waits for the class only by dependsOn, and names it in plain text.
        PlannedResource sts = only(plan, "kubernetes:apps/v1:StatefulSet");
        assertThat(sts.dependsOn()).contains(classKey);
        assertThat(at(sts.inputs(), "spec", "volumeClaimTemplates", 0, "spec", "storageClassName"))
                .isEqualTo(at(storageClass.inputs(), "metadata", "name"));
        assertThat(sts.options().get("ignoreChanges")).isEqualTo(List.of("spec.volumeClaimTemplates"));
        // Claims are made by the StatefulSet controller, not by Pulumi; the size patches do not depend on the class.
        assertThat(plan.ofType("kubernetes:core/v1:PersistentVolumeClaim")).isEmpty();
        assertThat(plan.ofType("kubernetes:core/v1:PersistentVolumeClaimPatch"))
                .allSatisfy(p -> assertThat(p.dependsOn()).doesNotContain(classKey));
        // The stack output the next up compares with, and the reference that reads it.
        assertThat(plan.outputs()).containsKey(RedisStorageClass.PARAMETERS_OUTPUT);
        assertThat(at(only(plan, "pulumi:pulumi:StackReference").inputs(), "name"))
                .isEqualTo("organization/redis-enterprise/test");
    }

    /** Operator mode: the RedisEnterpriseCluster waits for the class only by dependsOn and names it in plain text. */
    @ParameterizedTest
    @ValueSource(strings = {"aws", "gcp", "azure"})
    void theClassIsReplaceableWithoutTouchingTheRedisEnterpriseCluster(String cloud) {
        Map<String, Set<String>> inputDependencies = new ConcurrentHashMap<>();
        Plan plan = planRecordingInputDependencies(TestStacks.forCloud(cloud).settings(), inputDependencies);
        PlannedResource storageClass = only(plan, CLASS);
        String classKey = CLASS + "::" + storageClass.name();
        assertThat(inputDependencies).allSatisfy((resource, deps) -> assertThat(deps).as(resource).doesNotContain(classKey));
        PlannedResource cluster = only(plan, "kubernetes:app.redislabs.com/v1:RedisEnterpriseCluster");
        assertThat(cluster.dependsOn()).contains(classKey);
        assertThat(at(cluster.inputs(), "spec", "persistentSpec", "storageClassName"))
                .isEqualTo(at(storageClass.inputs(), "metadata", "name"));
    }

    @Test
    void planSummaryStatesWhatAParameterChangeDoes() {
        String summary = PlanSummary.render(TestStacks.aws().with("storage", "iops", 6000).plan());
        assertThat(summary).contains("  parameters       ebs.csi.aws.com csi.storage.k8s.io/fstype=ext4, encrypted=true,"
                        + " iops=6000, type=gp3")
                .contains("a new disk type, IOPS, throughput or key replaces the class: only volumes")
                .contains("created afterwards get it, existing ones keep theirs");
        assertThat(PlanSummary.render(TestStacks.kubernetes().plan())).doesNotContain("replaces the class");
    }

    /** The plan's mocks, but a stack reference reads the given outputs (and records the stack it names). */
    private static Mocks withPreviousOutputs(Map<String, Object> outputs, List<String> referenced) {
        PlanMocks plan = new PlanMocks();
        return new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                if (args.type.equals("pulumi:pulumi:StackReference")) {
                    referenced.add(String.valueOf(args.inputs.get("name")));
                    return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name),
                            Map.of("name", args.inputs.get("name"), "outputs", outputs, "secretOutputNames", List.of())));
                }
                return plan.newResourceAsync(args);
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                return plan.callAsync(args);
            }
        };
    }

    /** Runs the whole program as the plan does, noting for each resource the resources its inputs derive from. */
    private static Plan planRecordingInputDependencies(Settings settings, Map<String, Set<String>> inputDependencies) {
        PlanMocks mocks = new PlanMocks();
        List<CompletableFuture<?>> pending = new CopyOnWriteArrayList<>();
        ResourceTransformation recorder = args -> {
            String key = args.resource().pulumiResourceType() + "::" + args.resource().pulumiResourceName();
            Set<String> deps = ConcurrentHashMap.newKeySet();
            inputDependencies.put(key, deps);
            pending.add(Internal.from(args.args()).toMapAsync(Log.ignore()).thenCompose(inputs -> {
                List<CompletableFuture<?>> each = new ArrayList<>();
                inputs.values().forEach(output -> each.add(Internal.of(output).getDataAsync().thenAccept(d -> {
                    for (Resource r : d.getResources()) {
                        deps.add(r.pulumiResourceType() + "::" + r.pulumiResourceName());
                    }
                })));
                return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new));
            }));
            return Optional.empty();
        };
        TestResult result = PulumiTest.withMocks(mocks)
                .withOptions(TestOptions.builder().projectName("redis-enterprise").stackName("test")
                        .resourceTransformations(List.of(mocks.secretTracker(), recorder)).build())
                .runTest(ctx -> RedisEnterpriseStack.deploy(ctx, settings, PlatformRegistry.discover()));
        assertThat(result.exceptions()).isEmpty();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        Map<String, Object> outputs = new LinkedHashMap<>();
        result.outputs().forEach((k, v) -> outputs.put(k, PulumiTest.extractValue(v)));
        return new Plan("redis-enterprise", "test", settings, mocks.resources(), outputs);
    }
}
