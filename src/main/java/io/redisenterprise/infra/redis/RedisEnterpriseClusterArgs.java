package io.redisenterprise.infra.redis;

import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.settings.CredentialSettings;
import io.redisenterprise.infra.settings.RedisSettings;
import io.redisenterprise.infra.settings.ServiceSettings;
import java.util.List;
import java.util.Map;

/**
 * Inputs of a {@link RedisEnterpriseCluster}.
 *
 * @param storageClassName the class for data volumes (created by the platform layer, or an existing one), named in
 *                         plain text: the StatefulSet or the cluster waits for a created class through {@code dependsOn}
 *                         only, so replacing the class never plans to replace them (docs/architecture.md)
 * @param provider         the explicit Kubernetes provider every child uses
 * @param nodePools        the node pool resources the StatefulSet waits for (empty on an existing cluster)
 * @param internalLoadBalancerAnnotations what makes a LoadBalancer Service private on this cloud
 */
public record RedisEnterpriseClusterArgs(
        RedisSettings redis,
        CredentialSettings credentials,
        ServiceSettings services,
        Placement placement,
        String storageClassName,
        Provider provider,
        List<Resource> nodePools,
        Map<String, String> internalLoadBalancerAnnotations) {

    public RedisEnterpriseClusterArgs {
        nodePools = List.copyOf(nodePools);
        internalLoadBalancerAnnotations = Map.copyOf(internalLoadBalancerAnnotations);
    }
}
