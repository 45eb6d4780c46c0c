package io.redisenterprise.infra.redis.operator;

import com.pulumi.core.Output;
import io.redisenterprise.infra.redis.RedisEnterpriseClusterArgs;
import io.redisenterprise.infra.settings.OperatorSettings;

/**
 * Inputs of an {@link OperatorDeployment}: exactly those of the statefulset deployment (settings, placement, storage
 * class, provider, node pools, load-balancer annotations), plus the operator and one more cloud fact.
 *
 * @param shared                 what both deployments are made from
 * @param operator               {@code redis-enterprise:operator}
 * @param sourceRangesAnnotation the Service annotation that limits a load balancer to source CIDRs on this cloud
 * @param clusterGate            an output the RedisEnterpriseCluster waits for before it is registered: the check of
 *                               the node pools against the last deployment, which fails when it refuses the update, so
 *                               a refused run never sends the cluster's update
 */
public record OperatorDeploymentArgs(RedisEnterpriseClusterArgs shared, OperatorSettings operator,
                                     String sourceRangesAnnotation, Output<?> clusterGate) {
}
