package io.redisenterprise.infra.redis;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.settings.RedisSettings;
import java.util.List;

/**
 * Inputs of a {@link RedisEnterpriseCluster}.
 *
 * @param storageClassName the class for data volumes (created by the platform layer, or an existing one)
 * @param provider         the explicit Kubernetes provider every child uses
 * @param nodePools        the node pool resources the StatefulSet waits for (empty on an existing cluster)
 */
public record RedisEnterpriseClusterArgs(
        RedisSettings redis,
        Placement placement,
        Output<String> storageClassName,
        Provider provider,
        List<Resource> nodePools) {

    public RedisEnterpriseClusterArgs {
        nodePools = List.copyOf(nodePools);
    }
}
