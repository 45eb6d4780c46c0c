package io.redisenterprise.infra;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.platform.ClusterConnection;
import io.redisenterprise.infra.platform.Platform;
import io.redisenterprise.infra.platform.PlatformRegistry;
import io.redisenterprise.infra.platform.RedisStorageClass;
import io.redisenterprise.infra.platform.StorageClassSpec;
import io.redisenterprise.infra.redis.RedisEnterpriseCluster;
import io.redisenterprise.infra.redis.RedisEnterpriseClusterArgs;
import io.redisenterprise.infra.settings.Settings;
import java.util.ArrayList;
import java.util.List;
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
        // The StatefulSet names the class as plain text and waits for it through dependsOn only: an input derived
        // from the class would make the engine consider replacing the StatefulSet whenever the class is replaced
        // (delete-before-replace), which its protection refuses (docs/architecture.md, storage parameters).
        String storageClassName = classSpec.map(StorageClassSpec::name).orElse(settings.storage().effectiveClassName());
        List<Resource> beforeStatefulSet = new ArrayList<>(cluster.nodePools());
        classSpec.ifPresent(spec -> beforeStatefulSet.add(RedisStorageClass.register(ctx, spec, cluster.kubernetes())));

        var redis = new RedisEnterpriseCluster(settings.redis().name(), new RedisEnterpriseClusterArgs(
                settings.redis(), settings.credentials(), settings.services(), placement, Output.of(storageClassName),
                cluster.kubernetes(), beforeStatefulSet, platform.internalLoadBalancerAnnotations()),
                ComponentResourceOptions.builder().providers(cluster.kubernetes()).build());

        ctx.export("cloud", Output.of(settings.cloud().key()));
        ctx.export("cluster", cluster.clusterName());
        ctx.export("nodePools", cluster.nodePoolNames());
        ctx.export("storageClass", Output.of(storageClassName));
        ctx.export("namespace", redis.namespaceName());
        ctx.export("statefulSet", redis.statefulSetName());
        ctx.export("headlessServiceDns", redis.headlessServiceDns());
        ctx.export("uiEndpoint", redis.uiEndpoint());
        ctx.export("apiEndpoint", redis.apiEndpoint());
        ctx.export("metricsEndpoint", redis.metricsEndpoint());
        ctx.export("adminUsername", Output.of(settings.credentials().adminUsername()));
        ctx.export("redisNodes", Output.of(settings.redis().nodes()));
        ctx.export("kubeconfig", cluster.kubeconfig());
    }
}
