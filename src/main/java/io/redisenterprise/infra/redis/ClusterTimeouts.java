package io.redisenterprise.infra.redis;

import java.time.Duration;

/**
 * How long {@code pulumi up} waits for a Redis Enterprise cluster to form or roll, in both deployments: the one
 * declaration of the formation budget the StatefulSet ({@link NodeLifecycle}) and the RedisEnterpriseCluster
 * ({@code operator.OperatorDeployment}) share. Each deployment adds what one of its nodes may take to stop. Past a
 * budget {@code pulumi up} fails loudly instead of reporting success; the cluster itself goes on (a timeout never
 * stops a pod or a roll).
 */
public final class ClusterTimeouts {
    /**
     * A fixed start: the images pulled onto new VMs, the first node creating the cluster (or the first pod of a roll
     * being scheduled), in minutes.
     */
    public static final int FORMATION_BASE_MINUTES = 10;
    /** One node starting, joining (or rejoining) the cluster and turning Ready, in minutes. */
    public static final int START_AND_JOIN_MINUTES = 5;

    private ClusterTimeouts() {
    }

    /**
     * Forming a cluster of {@code nodes}: {@value #FORMATION_BASE_MINUTES} min + {@value #START_AND_JOIN_MINUTES} min
     * per node (the joins follow the first node's creation). 3 nodes: 25 min.
     */
    public static Duration formation(int nodes) {
        return Duration.ofMinutes(FORMATION_BASE_MINUTES + (long) START_AND_JOIN_MINUTES * nodes);
    }

    /**
     * A rolling update that replaces one node at a time, each stopping within {@code stopPerNode} and then starting and
     * rejoining: {@value #FORMATION_BASE_MINUTES} min + per node ({@code stopPerNode} + {@value #START_AND_JOIN_MINUTES}
     * min). With 15 minutes to stop, 3 nodes: 70 min.
     */
    public static Duration rollingUpdate(int nodes, Duration stopPerNode) {
        return Duration.ofMinutes(FORMATION_BASE_MINUTES)
                .plus(stopPerNode.plusMinutes(START_AND_JOIN_MINUTES).multipliedBy(nodes));
    }
}
