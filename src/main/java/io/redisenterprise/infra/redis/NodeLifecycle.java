package io.redisenterprise.infra.redis;

import com.pulumi.resources.CustomTimeouts;
import java.time.Duration;
import java.util.List;

/**
 * How a Redis Enterprise pod stops and comes back, and the Pulumi timeouts that follow from it.
 *
 * <p>Stopping: Kubernetes runs each container's {@code preStop} hook and sends that container SIGTERM only when
 * its own hook has finished, all within {@code terminationGracePeriodSeconds}, which counts from the deletion and
 * includes the hooks (https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/,
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination). The bootstrap sidecar's hook
 * ({@code bootstrap.py drain}) puts the node into Redis Enterprise maintenance mode, keeping the replica shards in
 * place and demoting the primaries (https://redis.io/docs/latest/operate/rs/clusters/maintenance-mode/,
 * {@code POST /v1/nodes/<uid>/actions/maintenance_on}), within {@link #DRAIN_SECONDS}, then writes
 * {@code <dir>/drained}; the Redis Enterprise container's hook waits for that file (at most
 * {@link #NODE_WAIT_SECONDS}), so Redis Enterprise is only told to stop once its primaries have failed over.
 *
 * <p>Figures: demoting primaries moves no data (the replicas already hold it), so {@link #DRAIN_SECONDS} (10 min) is
 * ample; shards of databases without replication are migrated if the other nodes have room, or stay and are
 * reloaded from persistence after the restart. The grace period, {@link #TERMINATION_GRACE_SECONDS} (15 min),
 * adds what Redis Enterprise needs to stop its processes after SIGTERM (at least 270 s). It is also the longest
 * EKS waits: a managed node group terminates a node whose pods have not left within 15 minutes regardless
 * (docs.aws.amazon.com eks managed-node-groups, "Pod disruption budgets aren't respected when terminating a node with
 * AZRebalance or reducing the desired node count ... if it takes more than 15 minutes, the node is terminated
 * regardless"), and its upgrades fail at 15 minutes (managed-node-update-behavior, PodEvictionFailure); GKE caps a
 * pod's grace at one hour when it deletes a pool, AKS waits 30 minutes per drain during upgrades. The operator
 * defaults to a year (redisEnterpriseTerminationGracePeriodSeconds) because it cannot bound its own shutdown; here
 * the drain is bounded, so a longer grace would buy nothing.
 */
final class NodeLifecycle {
    /** The emptyDir both containers mount: {@code drain} writes {@code drained} there when it is done. */
    static final String VOLUME = "lifecycle";
    static final String DIR = "/var/run/redis-enterprise-lifecycle";
    static final String DRAINED_FILE = "drained";
    /** The sidecar's budget for maintenance mode (DRAIN_TIMEOUT_SECONDS of bootstrap.py). */
    static final int DRAIN_SECONDS = 600;
    /** How long the Redis Enterprise container's preStop hook waits for the drain: its budget and 30 s to spare. */
    static final int NODE_WAIT_SECONDS = DRAIN_SECONDS + 30;
    /** Deletion to SIGKILL: the wait for the drain, then at least 270 s for Redis Enterprise's own shutdown. */
    static final int TERMINATION_GRACE_SECONDS = 900;
    /** Seconds between the sidecar's membership checks; a Redis Enterprise restart takes longer (bootstrap.py). */
    static final int MONITOR_SECONDS = 10;

    private NodeLifecycle() {
    }

    /**
     * The Redis Enterprise container's preStop hook: wait for the sidecar's drain, never longer than
     * {@link #NODE_WAIT_SECONDS}. Shell built-ins and {@code sleep} only, which any Redis Enterprise image has.
     */
    static List<String> nodePreStop() {
        String drained = DIR + "/" + DRAINED_FILE;
        return List.of("/bin/sh", "-c", "n=0; while [ ! -e " + drained + " ] && [ \"$n\" -lt " + NODE_WAIT_SECONDS
                + " ]; do sleep 1; n=$((n+1)); done");
    }

    /** The bootstrap sidecar's preStop hook. */
    static List<String> sidecarPreStop() {
        return List.of("python3", BootstrapScript.path(), "drain");
    }

    /**
     * The StatefulSet's Pulumi timeouts, from what a legitimate run may take (figures: {@link ClusterTimeouts}).
     *
     * <ul>
     *   <li>create: every pod starts and joins; pods start together, the joins follow pod 0's creation:
     *       {@link ClusterTimeouts#formation};</li>
     *   <li>update: a rolling update replaces one pod at a time, each taking up to the grace period to stop and then
     *       starting, joining and leaving maintenance mode: {@link ClusterTimeouts#rollingUpdate} with the grace
     *       period per node;</li>
     *   <li>delete: the pods stop together, each within the grace period: grace period +
     *       {@value ClusterTimeouts#FORMATION_BASE_MINUTES} min.</li>
     * </ul>
     * Past these, {@code pulumi up} fails loudly instead of reporting success. 3 nodes: 25 min, 70 min, 25 min.
     */
    static CustomTimeouts statefulSetTimeouts(int nodes) {
        Duration grace = Duration.ofSeconds(TERMINATION_GRACE_SECONDS);
        return new CustomTimeouts(ClusterTimeouts.formation(nodes), ClusterTimeouts.rollingUpdate(nodes, grace),
                grace.plusMinutes(ClusterTimeouts.FORMATION_BASE_MINUTES));
    }
}
