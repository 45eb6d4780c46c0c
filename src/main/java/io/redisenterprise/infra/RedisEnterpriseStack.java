package io.redisenterprise.infra;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.platform.ClusterConnection;
import io.redisenterprise.infra.platform.Platform;
import io.redisenterprise.infra.platform.PlatformRegistry;
import io.redisenterprise.infra.platform.PreviousDeployment;
import io.redisenterprise.infra.platform.RedisStorageClass;
import io.redisenterprise.infra.platform.StorageClassSpec;
import io.redisenterprise.infra.redis.RedisDeployment;
import io.redisenterprise.infra.redis.RedisEnterpriseCluster;
import io.redisenterprise.infra.redis.RedisEnterpriseClusterArgs;
import io.redisenterprise.infra.redis.operator.OperatorDatabases;
import io.redisenterprise.infra.redis.operator.OperatorDeployment;
import io.redisenterprise.infra.redis.operator.OperatorDeploymentArgs;
import io.redisenterprise.infra.settings.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole program, one direction: settings → placement → the chosen cloud's platform → the Redis Enterprise
 * cluster → stack outputs. {@code pulumi up}, the tests and the offline plan all run exactly this.
 */
public final class RedisEnterpriseStack {

    private RedisEnterpriseStack() {
    }

    public static void deploy(Context ctx, Settings settings, PlatformRegistry registry) {
        Platform platform = registry.forCloud(settings.cloud());
        Placement placement = Placement.from(settings);

        ClusterConnection cluster = platform.connect(settings, placement);
        Optional<StorageClassSpec> classSpec = platform.storageClass(settings);
        // The cluster (StatefulSet or RedisEnterpriseCluster) names the class as plain text and waits for it through
        // dependsOn only: an input derived from the class would make the engine consider replacing the cluster
        // whenever the class is replaced (delete-before-replace), which its protection refuses (docs/architecture.md,
        // storage parameters).
        String storageClassName = classSpec.map(StorageClassSpec::name).orElse(settings.storage().effectiveClassName());
        List<Resource> beforeCluster = new ArrayList<>(cluster.nodePools());
        // What the last deployment exported, for the checks that compare (storage class parameters, node pools); an
        // existing cluster with an existing class has neither, and reads nothing.
        Optional<PreviousDeployment> previous = classSpec.isPresent() || !cluster.nodePools().isEmpty()
                ? Optional.of(PreviousDeployment.of(ctx)) : Optional.empty();
        classSpec.ifPresent(spec -> beforeCluster.add(
                RedisStorageClass.register(ctx, previous.orElseThrow(), spec, cluster.kubernetes())));

        var shared = new RedisEnterpriseClusterArgs(
                settings.redis(), settings.credentials(), settings.services(), placement, storageClassName,
                cluster.kubernetes(), beforeCluster, platform.internalLoadBalancerAnnotations());
        var componentOptions = ComponentResourceOptions.builder().providers(cluster.kubernetes()).build();
        // The pools, compared with the last deployment's: a replacement is warned about and, in operator mode, refused
        // while the cluster's spec changes too (NodePoolReplacement). The cluster waits for the check before it is
        // registered, and the nodePools export carries it, so a refusal fails the program (at preview, before anything
        // changes) and the cluster is never updated by a refused run.
        Optional<Map<String, Object>> clusterSpec = settings.deployment().usesOperator()
                ? Optional.of(OperatorDeployment.clusterSpec(shared, platform.loadBalancerSourceRangesAnnotation()))
                : Optional.empty();
        // Volumes the new pools could not reach (a zone removed, a series that cannot attach the disks) are refused
        // the same way (StrandedVolumes).
        Output<List<String>> checkedPools = previous.map(last -> Output.tuple(
                        last.output(NodePoolReplacement.NODE_POOLS_OUTPUT),
                        last.output(NodePoolReplacement.CLUSTER_SPEC_OUTPUT), cluster.nodePoolNames(),
                        last.output(StrandedVolumes.ZONES_OUTPUT), last.output("redisNodes"),
                        last.output(StrandedVolumes.DISK_TYPES_OUTPUT), last.output(RedisStorageClass.PARAMETERS_OUTPUT))
                .applyValue(t -> {
                    List<String> refusals = new ArrayList<>();
                    if (!cluster.nodePools().isEmpty()) {
                        refusals.addAll(StrandedVolumes.judge(settings.cloud(), settings.nodePool(), placement,
                                t.t4, t.t5, t.t6, t.t7));
                    }
                    var verdict = NodePoolReplacement.judge(settings.cloud(), settings.deployment().mode(), t.t1, t.t2,
                            t.t3, clusterSpec);
                    verdict.refusal().ifPresent(refusals::add);
                    if (!refusals.isEmpty()) {
                        throw new RunException(String.join("\n", refusals));
                    }
                    verdict.warning().ifPresent(ctx.log()::warn);
                    return t.t3;
                })).orElse(cluster.nodePoolNames());
        RedisDeployment redis = switch (settings.deployment().mode()) {
            case STATEFULSET -> new RedisEnterpriseCluster(settings.redis().name(), shared, componentOptions);
            case OPERATOR -> new OperatorDeployment(settings.redis().name(), new OperatorDeploymentArgs(
                    shared, settings.deployment().operator(), platform.loadBalancerSourceRangesAnnotation(),
                    checkedPools), componentOptions);
        };
        // Declared databases (operator mode; settings refuse them otherwise): after the cluster, deleted before it.
        Map<String, OperatorDatabases.Endpoint> databases = redis instanceof OperatorDeployment operator
                ? OperatorDatabases.register(operator, settings.databases(), settings.redis().protect()) : Map.of();

        ctx.export("cloud", Output.of(settings.cloud().key()));
        ctx.export("deployment", Output.of(settings.deployment().mode().key()));
        ctx.export("cluster", cluster.clusterName());
        ctx.export(NodePoolReplacement.NODE_POOLS_OUTPUT, checkedPools);
        if (!cluster.nodePools().isEmpty()) {
            ctx.export(StrandedVolumes.ZONES_OUTPUT, Output.of(StrandedVolumes.zonesOutput(placement)));
        }
        previous.ifPresent(last -> classSpec.ifPresent(spec -> ctx.export(StrandedVolumes.DISK_TYPES_OUTPUT,
                Output.tuple(last.output(StrandedVolumes.DISK_TYPES_OUTPUT), last.output(RedisStorageClass.PARAMETERS_OUTPUT))
                        .applyValue(t -> StrandedVolumes.diskTypesOutput(t.t1, t.t2,
                                StrandedVolumes.diskType(spec.parameters()))))));
        clusterSpec.ifPresent(spec -> ctx.export(NodePoolReplacement.CLUSTER_SPEC_OUTPUT, Output.of(spec)));
        ctx.export("storageClass", Output.of(storageClassName));
        ctx.export("namespace", redis.namespaceName());
        ctx.export("statefulSet", redis.statefulSetName());
        if (redis instanceof OperatorDeployment operator) {
            ctx.export("redisEnterpriseCluster", Output.of(operator.clusterName()));
        }
        ctx.export("headlessServiceDns", redis.headlessServiceDns());
        ctx.export("uiEndpoint", redis.uiEndpoint());
        ctx.export("apiEndpoint", redis.apiEndpoint());
        ctx.export("metricsEndpoint", redis.metricsEndpoint());
        ctx.export("adminUsername", Output.of(settings.credentials().adminUsername()));
        ctx.export("redisNodes", Output.of(settings.redis().nodes()));
        ctx.export("kubeconfig", cluster.kubeconfig());
        if (!databases.isEmpty()) {
            // Per database: its Service, its port and the Secret holding its password (never the password).
            Map<String, Output<Map<String, Object>>> endpoints = new LinkedHashMap<>();
            databases.forEach((name, endpoint) -> endpoints.put(name, endpoint.asOutput()));
            ctx.export("databases", Output.all(List.copyOf(endpoints.values())).applyValue(values -> {
                Map<String, Object> out = new LinkedHashMap<>();
                List<String> names = List.copyOf(endpoints.keySet());
                for (int i = 0; i < names.size(); i++) {
                    out.put(names.get(i), values.get(i));
                }
                return out;
            }));
        }
    }
}
