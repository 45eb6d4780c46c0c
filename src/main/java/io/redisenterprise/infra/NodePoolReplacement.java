package io.redisenterprise.infra;

import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.DeploymentMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a {@code pulumi up} does to the node pools, judged against the stack's previous deployment: pools whose names
 * change (a property the cloud sets only at creation changed, {@code NodePoolNames}) are created anew and the old ones
 * deleted at the end of the update, last zone first, each drained by its cloud; how far the drain respects the Redis
 * pods' PodDisruptionBudget depends on the cloud (README, "Changing the machine type").
 *
 * <p>In operator mode one combination is refused: old pools deleted while the RedisEnterpriseCluster's spec changes in
 * the same update. The operator then rolls the Redis pods (one at a time) while Pulumi deletes the old pools: {@code
 * pulumi up} cannot wait for the roll before the deletions, because the cluster's status carries no observed
 * generation (the {@code pulumi.com/waitFor} on {@code status.state} may pass before the operator has started), and
 * a pool deletion takes its zone's Redis pod down whatever the roll is doing: on EKS after a few minutes of drain, on
 * GKE at once (pods deleted, PodDisruptionBudget not honoured). Two Redis nodes could be down at once. In two {@code
 * up}s the two never overlap: first the pools with the cluster as it is, then the cluster (the operator's roll then
 * deletes nothing). The statefulset deployment needs no such rule: its StatefulSet's update is awaited (the roll has
 * ended) before Pulumi deletes anything.
 *
 * <p>The refusal is an error of the program: {@code pulumi preview} (which {@code pulumi up} runs first) fails before
 * any resource is changed, and a failed program never reaches Pulumi's delete phase (pulumi/pulumi
 * pkg/resource/deploy/deployment_executor.go {@code Execute}: deletes are generated only after the program has
 * finished without error), so even {@code up --skip-preview} deletes no pool.
 */
public final class NodePoolReplacement {
    /** The stack output listing each zone's pool (its name as the cloud knows it). */
    public static final String NODE_POOLS_OUTPUT = "nodePools";
    /** The stack output recording the RedisEnterpriseCluster's spec as deployed (operator mode). */
    public static final String CLUSTER_SPEC_OUTPUT = "redisEnterpriseClusterSpec";
    static final String KEY = "redis-enterprise:nodePool";

    /** A warning to print, or a refusal to stop the program with; both empty when no pool is deleted. */
    public record Verdict(Optional<String> warning, Optional<String> refusal) {
        static final Verdict NOTHING = new Verdict(Optional.empty(), Optional.empty());
    }

    private NodePoolReplacement() {
    }

    /**
     * @param previousPools the {@value #NODE_POOLS_OUTPUT} output of the last deployment ({@code null}: none)
     * @param previousSpec  the {@value #CLUSTER_SPEC_OUTPUT} output of the last deployment ({@code null}: none)
     * @param pools         the pools this program declares, by name
     * @param spec          the RedisEnterpriseCluster's spec this program declares (empty in statefulset mode)
     */
    public static Verdict judge(Cloud cloud, DeploymentMode mode, Object previousPools, Object previousSpec,
                                List<String> pools, Optional<Map<String, Object>> spec) {
        if (!(previousPools instanceof List<?> before)) {
            return Verdict.NOTHING;
        }
        List<String> deleted = before.stream().map(String::valueOf).filter(p -> !pools.contains(p)).toList();
        if (deleted.isEmpty()) {
            return Verdict.NOTHING;
        }
        List<String> created = pools.stream().filter(p -> !before.contains(p)).toList();
        String replacement = "node pools " + String.join(", ", deleted) + " -> " + (created.isEmpty() ? "(none)"
                : String.join(", ", created));
        if (mode == DeploymentMode.OPERATOR && spec.isPresent() && previousSpec instanceof Map<?, ?> last) {
            List<String> changed = changedKeys(last, spec.get());
            if (!changed.isEmpty()) {
                return new Verdict(Optional.empty(), Optional.of(KEY + ": must not replace the node pools while the"
                        + " RedisEnterpriseCluster changes (" + String.join(", ", changed) + "): the operator would roll"
                        + " the Redis pods while Pulumi deletes the old pools, which pulumi up cannot wait for (the"
                        + " cluster's status has no observed generation), so two Redis nodes could be down at once."
                        + " Change one, then the other, in two pulumi up: for a bigger machine type the pools first"
                        + keep(last) + ", then the cluster; for a smaller one the cluster first (README, \"Changing the"
                        + " machine type\"), got " + replacement));
            }
        }
        String warning = KEY + ": this update replaces " + replacement + ": the new pools are created first, the old"
                + " ones drained and deleted at its end, last zone first. " + drain(cloud);
        if (mode == DeploymentMode.OPERATOR && !(previousSpec instanceof Map<?, ?>)) {
            warning += " The previous deployment records no " + CLUSTER_SPEC_OUTPUT + " (an earlier version of this"
                    + " program), so whether the RedisEnterpriseCluster changes in the same update is unknown: if it"
                    + " does (a machine type whose redis.cpu and redis.memory are derived), the operator rolls the pods"
                    + " while the old pools are deleted; cancel and change the pools first (README).";
        }
        return new Verdict(Optional.of(warning), Optional.empty());
    }

    /** What each cloud does to a deleted pool's Redis pods (sources: README, "Changing the machine type"). */
    static String drain(Cloud cloud) {
        return switch (cloud) {
            case AWS -> "EKS drains them for a few minutes only, then terminates the VMs: to be sure that at most one"
                    + " Redis node is down, replace one zone per pulumi up --target (README, \"Changing the machine"
                    + " type\").";
            case GCP -> "GKE deletes their pods without honouring the PodDisruptionBudget: to be sure that at most one"
                    + " Redis node is down, replace one zone per pulumi up --target (README, \"Changing the machine"
                    + " type\").";
            case AZURE -> "AKS drains them honouring the PodDisruptionBudget (README, \"Changing the machine type\").";
            case KUBERNETES -> "(README, \"Changing the machine type\").";
        };
    }

    /** For a bigger machine: what keeps the cluster as it is while the pools are replaced (its current node resources). */
    private static String keep(Map<?, ?> last) {
        if (last.get("redisEnterpriseNodeResources") instanceof Map<?, ?> resources
                && resources.get("limits") instanceof Map<?, ?> limits
                && limits.get("cpu") != null && limits.get("memory") != null) {
            return ", keeping redis.cpu " + limits.get("cpu") + " and redis.memory " + limits.get("memory")
                    + " (the current ones)";
        }
        return ", keeping the cluster as it is";
    }

    /** The top-level spec fields whose values differ, numbers compared by value (Pulumi returns them as doubles). */
    static List<String> changedKeys(Map<?, ?> before, Map<String, Object> after) {
        TreeSet<String> keys = new TreeSet<>(after.keySet());
        before.keySet().forEach(k -> keys.add(String.valueOf(k)));
        List<String> changed = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(normal(before.get(key)), normal(after.get(key)))) {
                changed.add(key);
            }
        }
        return changed;
    }

    private static Object normal(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), normal(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(NodePoolReplacement::normal).toList();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        return value;
    }
}
