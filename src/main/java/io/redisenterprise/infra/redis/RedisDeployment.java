package io.redisenterprise.infra.redis;

import com.pulumi.core.Output;

/**
 * A Redis Enterprise cluster on Kubernetes, however it is deployed ({@code redis.deployment}): what the stack
 * exports about it. Two implementations share the same inputs ({@link RedisEnterpriseClusterArgs}: settings,
 * placement, storage class, sizing): {@link RedisEnterpriseCluster}, this program's StatefulSet (statefulset mode),
 * and {@link io.redisenterprise.infra.redis.operator.OperatorDeployment}, the official operator managing a
 * RedisEnterpriseCluster custom resource (operator mode).
 */
public interface RedisDeployment {

    /** The namespace the cluster runs in. */
    Output<String> namespaceName();

    /** The StatefulSet of the Redis Enterprise nodes (the operator names its StatefulSet after the cluster). */
    Output<String> statefulSetName();

    /** The cluster's FQDN, {@code <name>.<namespace>.svc.cluster.local}. */
    Output<String> headlessServiceDns();

    /** The admin UI, {@code https://<service>:8443}. */
    Output<String> uiEndpoint();

    /** The REST API, {@code https://<service>:9443}. */
    Output<String> apiEndpoint();

    /** Prometheus metrics, {@code https://<service>:8070/v2}. */
    Output<String> metricsEndpoint();
}
