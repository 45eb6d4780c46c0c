package io.redisenterprise.infra.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code redis.deployment} and {@code redis-enterprise:operator}: which of the two deployments runs the cluster, and
 * the rules that only one of them has. Structure (allowed values, the version's form) is the schema's.
 */
final class DeploymentReader {
    static final String OPERATOR_KEY = "operator";

    private DeploymentReader() {
    }

    /** {@code redis.deployment}; a value the schema refused reads as the default, so sizing still runs once. */
    static DeploymentMode mode(ConfigObject redis) {
        return DeploymentMode.fromKey(redis.stringOrDefault("deployment")).orElse(DeploymentMode.OPERATOR);
    }

    static DeploymentSettings read(ReadContext c, ConfigObject redis, DeploymentMode mode, RedisSettings settings) {
        ConfigObject o = c.object(OPERATOR_KEY);
        JsonNode given = c.document().value(SettingsLoader.NAMESPACE + ":" + OPERATOR_KEY);
        String version = o.stringOrDefault("version");
        OperatorSettings operator = new OperatorSettings(o.boolOrDefault("install"), version,
                o.boolOrDefault("openshift"), OperatorRelease.find(version));
        if (mode == DeploymentMode.STATEFULSET) {
            if (!given.isMissingNode()) {
                c.problems().add(OPERATOR_KEY, "applies only with redis.deployment operator", Problems.show(given));
            }
            return new DeploymentSettings(mode, operator);
        }
        boolean versionAccepted = operatorRules(c, o, operator);
        // A version the schema or the rules below refused reads as the default: no image rule is computed from it.
        clusterRules(c, redis, versionAccepted ? operator.release() : Optional.empty(), settings);
        return new DeploymentSettings(mode, operator);
    }

    /** The operator's own rules; whether {@code operator.version} stands (an image rule may be computed from it). */
    private static boolean operatorRules(ReadContext c, ConfigObject o, OperatorSettings operator) {
        o.refuseUnless(c.cloud() == Cloud.KUBERNETES, "openshift",
                "applies only when cloud is kubernetes (OpenShift clusters are reached by kubeconfig)");
        if (c.cloud() == Cloud.KUBERNETES) {
            o.refuseUnless(operator.install(), "openshift",
                    "applies only with operator.install true (it configures the operator's Helm chart)");
        }
        // Helm fetches the chart from the repository in the middle of `up` ("chart not found"): refuse a release whose
        // chart the repository did not publish. Without install nothing is fetched; the version then only names the
        // operator that already runs there, whose image rule still applies (clusterRules).
        boolean versionAccepted = o.usable("version");
        Optional<OperatorRelease> unpublished = operator.release().filter(known -> !known.chartPublished());
        if (operator.install() && versionAccepted && unpublished.isPresent()) {
            versionAccepted = false;
            c.problems().add(o.keyOf("version"), "must be a release whose Helm chart " + OperatorRelease.CHART_REPOSITORY
                    + " publishes, since operator.install true installs the operator from it (operator "
                    + unpublished.get().operator() + " was announced in its release notes, but its chart was not in the"
                    + " repository when this program's release catalogue was last checked): choose one of "
                    + String.join(", ", OperatorRelease.published()), Problems.quote(operator.version()));
        }
        if (o.usable("version") && operator.release().isEmpty()) {
            c.warnings().add(SettingsLoader.NAMESPACE + ":operator.version: " + operator.version()
                    + " is not in this program's release catalogue (operator/releases.yaml), so redis.image is not"
                    + " checked against it: set redis.image to the Redis Software image its release notes list");
        }
        return versionAccepted;
    }

    private static void clusterRules(ReadContext c, ConfigObject redis, Optional<OperatorRelease> release,
                                     RedisSettings r) {
        Problems problems = c.problems();
        if (c.cloud() == Cloud.KUBERNETES && redis.valid("nodes") && r.nodes() == 1) {
            // RedisReader allows one node on an existing cluster; the operator does not.
            problems.add(redis.keyOf("nodes"), "must be odd and at least 3 with redis.deployment operator (the operator"
                    + " does not support single-node clusters; redis.deployment statefulset runs one node for development)",
                    "1");
        }
        // A value the schema refused has its line already.
        if (redis.valid("confirmScaleDown")) {
            redis.refuseUnless(false, "confirmScaleDown", "applies only with redis.deployment statefulset: the operator"
                    + " does not support decreasing the number of nodes (README, Day-2 operations)");
        }
        if (redis.valid("bootstrapImage")) {
            redis.refuseUnless(false, "bootstrapImage",
                    "applies only with redis.deployment statefulset (the operator runs its own bootstrapper)");
        }
        ConfigObject pool = c.object("nodePool");
        List<String> zones = pool.stringList("zones").orElse(List.of());
        if (c.cloud() == Cloud.KUBERNETES && pool.usable("zones") && !zones.isEmpty()) {
            // The statefulset deployment pins pods to the zones (Placement.requiredNodeAffinity, which says why the
            // cluster cannot); here the pool label (Placement.POOL_LABEL) is what confines them.
            String confine = pool.boolOrDefault("dedicated")
                    ? "label only nodes of " + String.join(", ", zones) + " redis.io/node-pool="
                    + pool.stringOrDefault("name")
                    : "with nodePool.dedicated false they may run on any node, in any zone";
            c.warnings().add(SettingsLoader.NAMESPACE + ":" + pool.keyOf("zones") + ": with redis.deployment operator the"
                    + " Redis Enterprise pods are not pinned to these zones by node affinity, as with statefulset: the"
                    + " RedisEnterpriseCluster has no field for one this program can rely on (README, `pulumi up` per"
                    + " cloud); " + confine);
        }
        if (redis.valid("volumeSize") && !wholeNumber(r.volumeSize())) {
            problems.add(redis.keyOf("volumeSize"), "must be a whole number of its unit with redis.deployment operator"
                    + " (the operator does not accept decimal volume sizes, RED-62132), such as "
                    + Quantity.ofMebibytes(r.volumeSize().mebibytes()), Problems.quote(r.volumeSize().text()));
        }
        if (!redis.usable("image")) {
            return;
        }
        Optional<RedisImage> image = RedisImage.parse(r.image());
        if (image.isEmpty()) {
            problems.add(redis.keyOf("image"), "must be repository:tag with redis.deployment operator (the cluster's"
                    + " redisEnterpriseImageSpec takes a repository and a version tag, no digest)",
                    Problems.quote(r.image()));
            return;
        }
        release.filter(known -> !image.get().carries(known.redisTag())).ifPresent(known ->
                problems.add(redis.keyOf("image"), "must be the Redis Software image operator " + known.operator()
                        + " ships (tag " + known.redisTag() + ", such as " + known.redisImage() + "): the operator"
                        + " stops managing a cluster whose version does not match it, so operator.version and"
                        + " redis.image change together (README, Day-2 operations)", Problems.quote(r.image())));
    }

    /** The number the user wrote, before its unit, has no fraction: {@code 100Gi} yes, {@code 1.5Ti} no. */
    private static boolean wholeNumber(Quantity q) {
        String number = q.text().replaceFirst("(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])$", "");
        try {
            return new java.math.BigDecimal(number).stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException e) {
            // Exponent forms (5e9) are whole byte counts or not; the quantity's value decides.
            return q.value().stripTrailingZeros().scale() <= 0;
        }
    }
}
