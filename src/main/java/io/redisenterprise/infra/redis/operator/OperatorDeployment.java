package io.redisenterprise.infra.redis.operator;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRole;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBinding;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.Resource;
import io.redisenterprise.infra.redis.ClusterTimeouts;
import io.redisenterprise.infra.redis.KubernetesObject;
import io.redisenterprise.infra.redis.NamespaceAndSecrets;
import io.redisenterprise.infra.redis.RedisDeployment;
import io.redisenterprise.infra.redis.RedisEnterpriseClusterArgs;
import io.redisenterprise.infra.redis.RedisLabels;
import io.redisenterprise.infra.redis.RedisPorts;
import io.redisenterprise.infra.redis.UpdateGuard;
import io.redisenterprise.infra.settings.OperatorSettings;
import io.redisenterprise.infra.settings.RedisSettings;
import io.redisenterprise.infra.settings.sizing.NodeCompanions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Redis Enterprise cluster run by the official Redis Enterprise operator (operator mode, the production path): the
 * operator from its pinned Helm chart (unless one already runs in the namespace), the credentials and licence Secrets,
 * the rack-awareness RBAC when the stack spans zones, the RedisEnterpriseCluster itself, and an admission policy against
 * the two changes the operator cannot make. {@code pulumi up} waits until the operator reports the cluster
 * {@code Running}; deletion runs cluster before operator, so the operator is alive to clear the cluster's finalizers.
 *
 * <p>Databases (RedisEnterpriseDatabase) plug in through {@link #cluster()} and {@link #childOptions}: they depend on
 * the cluster, so they are created after it and deleted before it.
 */
public class OperatorDeployment extends ComponentResource implements RedisDeployment {
    public static final String TYPE = "redis-enterprise:index:OperatorDeployment";
    /**
     * What {@code pulumi up} waits for: the provider's {@code pulumi.com/waitFor} (kubernetes provider 4.18.0 and later,
     * fixed in 4.18.4; the explicit provider pins such a plugin) with both conditions: the operator's ClusterState
     * {@code Running} ("the cluster's sub-resources have been created and are in running state") and a valid spec.
     */
    public static final String WAIT_FOR_ANNOTATION = "pulumi.com/waitFor";
    public static final String READY_CONDITIONS =
            "[\"jsonpath={.status.state}=Running\", \"jsonpath={.status.specStatus}=Valid\"]";
    /**
     * What one Redis Enterprise pod of the operator may legitimately take to stop during a roll, in minutes: its
     * pre-stop fails its primary shards over to other nodes first. The operator bounded that with "a hard-coded timeout
     * of 15 minutes for a node to be stopped/drained" until it made the grace period configurable
     * (redisEnterpriseTerminationGracePeriodSeconds, operator 7.2.4-12 release notes, RED-111471); since then the
     * failover "attempts are retried indefinitely within the grace period, which by default is 1 year" (operator
     * 6.2.12-1 release notes, RED-75388), and the API reference asks to keep it: "Pods should not be forcefully
     * terminated as clean shutdown prevents data loss. The default value is intentionally large (1 year). For pure
     * caching configurations where data loss is acceptable, a shorter value may be used" (redis_enterprise_cluster_api.md
     * of operator 8.0.20-23). So the cluster keeps the operator's default grace period (this program sets none), and
     * {@code pulumi up} budgets the operator's former bound per node: a stop that takes longer makes {@code up} fail
     * loudly while the pod keeps draining, never a forced kill.
     */
    static final int NODE_STOP_MINUTES = 15;
    /** The operator deletes its StatefulSet and services before it releases the cluster's finalizer. */
    static final int DELETE_MINUTES = 10;

    private final String clusterName;
    private final String namespace;
    private final RedisEnterpriseClusterArgs shared;
    private final KubernetesObject cluster;
    private final Map<String, Object> clusterSpec;
    private final Optional<Release> release;

    public OperatorDeployment(String name, OperatorDeploymentArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.shared = args.shared();
        RedisSettings redis = shared.redis();
        OperatorSettings operator = args.operator();
        this.clusterName = redis.name();
        this.namespace = redis.namespace();
        boolean protect = redis.protect();
        Map<String, String> labels = RedisLabels.common(clusterName);

        List<Resource> clusterDeps = new ArrayList<>(shared.nodePools());
        List<Resource> inNamespace = new ArrayList<>();
        if (operator.install()) {
            // Deleting the namespace would delete every claim in it: it is protected with the cluster.
            var ns = NamespaceAndSecrets.namespace(clusterName, namespace, podSecurity(labels),
                    childOptions(List.of()).protect(protect).build());
            inNamespace.add(ns);
            this.release = Optional.of(new Release(clusterName + "-operator", ReleaseArgs.builder()
                    .name(OperatorChart.RELEASE_NAME)
                    .namespace(namespace)
                    .chart(OperatorChart.CHART)
                    .version(operator.version())
                    .repositoryOpts(RepositoryOptsArgs.builder().repo(OperatorChart.REPOSITORY).build())
                    .values(OperatorChart.values(operator))
                    .timeout(OperatorChart.INSTALL_TIMEOUT_SECONDS)
                    .build(), childOptions(inNamespace).build()));
            clusterDeps.add(release.get());
        } else {
            this.release = Optional.empty();
        }

        clusterDeps.add(NamespaceAndSecrets.adminCredentials(clusterName, namespace, labels, shared.credentials(),
                childOptions(inNamespace).build()));
        NamespaceAndSecrets.license(clusterName, namespace, labels, shared.credentials(), childOptions(inNamespace).build())
                .ifPresent(clusterDeps::add);
        if (shared.placement().rackAware()) {
            clusterDeps.addAll(rackAwarenessAccess(labels));
        }

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", clusterName);
        metadata.put("namespace", namespace);
        metadata.put("labels", labels);
        metadata.put("annotations", Map.of(WAIT_FOR_ANNOTATION, READY_CONDITIONS));
        this.clusterSpec = clusterSpec(shared, args.sourceRangesAnnotation());
        this.cluster = new KubernetesObject(clusterName, ClusterSpec.API_VERSION, ClusterSpec.KIND, metadata, clusterSpec,
                childOptions(List.of())
                        // The same dependencies, once the gate has passed (a failed gate: never registered).
                        .dependsOn(args.clusterGate().applyValue(passed -> List.copyOf(clusterDeps)))
                        .protect(protect)
                        .customTimeouts(timeouts(redis.nodes()))
                        .build());

        guard(labels, inNamespace);

        registerOutputs(Map.of(
                "namespace", namespaceName(),
                "redisEnterpriseCluster", Output.of(clusterName),
                "uiEndpoint", uiEndpoint(),
                "apiEndpoint", apiEndpoint(),
                "metricsEndpoint", metricsEndpoint()));
    }

    /**
     * The cluster's Pulumi timeouts: create = forming {@code nodes} ({@link ClusterTimeouts#formation}); update = the
     * operator's rolling update, one pod at a time, each stopping within {@value #NODE_STOP_MINUTES} min and then
     * starting and rejoining ({@link ClusterTimeouts#rollingUpdate}), the longest change an update can bring (an image
     * upgrade, new resources; more nodes only add joins); delete = {@value #DELETE_MINUTES} min. 3 nodes: 25, 70 and 10
     * minutes.
     */
    static CustomTimeouts timeouts(int nodes) {
        return new CustomTimeouts(ClusterTimeouts.formation(nodes),
                ClusterTimeouts.rollingUpdate(nodes, Duration.ofMinutes(NODE_STOP_MINUTES)),
                Duration.ofMinutes(DELETE_MINUTES));
    }

    /** The RedisEnterpriseCluster resource: a database depends on it, so it is created after and deleted before it. */
    public KubernetesObject cluster() {
        return cluster;
    }

    /** The RedisEnterpriseCluster's spec, plain data, from what both deployments are made of and this cloud's annotation. */
    public static Map<String, Object> clusterSpec(RedisEnterpriseClusterArgs shared, String sourceRangesAnnotation) {
        return ClusterSpec.spec(new ClusterSpec.Inputs(shared.redis(), shared.credentials(), shared.services(),
                shared.placement(), shared.storageClassName(), shared.internalLoadBalancerAnnotations(),
                sourceRangesAnnotation, NodeCompanions.OPERATOR));
    }

    /** The RedisEnterpriseCluster's spec as registered, plain data (the stack records it to compare the next up with). */
    public Map<String, Object> clusterSpec() {
        return clusterSpec;
    }

    /** The RedisEnterpriseCluster's name, which a RedisEnterpriseDatabase names in {@code spec.redisEnterpriseCluster}. */
    public String clusterName() {
        return clusterName;
    }

    /** The namespace of the cluster and its operator. */
    public String namespace() {
        return namespace;
    }

    /** The operator's Helm release, when this program installs the operator. */
    public Optional<Release> release() {
        return release;
    }

    /** Options for a child of this deployment: its parent, the explicit provider, and what it waits for. */
    public CustomResourceOptions.Builder childOptions(List<Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(this).provider(shared.provider()).dependsOn(dependsOn);
    }

    @Override
    public Output<String> namespaceName() {
        return Output.of(namespace);
    }

    /** The operator names the StatefulSet of the Redis Enterprise nodes after the cluster. */
    @Override
    public Output<String> statefulSetName() {
        return Output.of(clusterName);
    }

    @Override
    public Output<String> headlessServiceDns() {
        return Output.of(shared.redis().clusterFqdn());
    }

    /** The operator's UI service {@code <name>-ui} (https://redis.io/docs/latest/operate/kubernetes/re-clusters/connect-to-admin-console/). */
    @Override
    public Output<String> uiEndpoint() {
        return Output.of("https://" + shared.redis().serviceFqdn(clusterName + "-ui") + ":" + RedisPorts.UI);
    }

    /** The operator's API service is named after the cluster (https://redis.io/docs/latest/operate/kubernetes/networking/cluster-aware-clients/). */
    @Override
    public Output<String> apiEndpoint() {
        return Output.of("https://" + shared.redis().serviceFqdn(clusterName) + ":" + RedisPorts.API);
    }

    /** The operator's metrics service {@code <name>-prom} (https://redis.io/docs/latest/operate/kubernetes/re-clusters/connect-prometheus-operator/). */
    @Override
    public Output<String> metricsEndpoint() {
        return Output.of("https://" + shared.redis().serviceFqdn(clusterName + "-prom") + ":" + RedisPorts.METRICS + "/v2");
    }

    /**
     * Rack awareness: the operator reads every node's zone label, which needs a ClusterRole for nodes (get, list, watch)
     * bound to its service account (RedisLabs/redis-enterprise-k8s-docs rack_awareness/rack_aware_cluster_role.yaml and
     * _binding.yaml; the chart does not create them). Named per namespace, so two clusters never clash.
     */
    private List<Resource> rackAwarenessAccess(Map<String, String> labels) {
        String roleName = rackAwarenessRoleName(namespace);
        var role = new ClusterRole(clusterName + "-rack-awareness", ClusterRoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(roleName).labels(labels).build())
                .rules(PolicyRuleArgs.builder().apiGroups("").resources("nodes").verbs("get", "list", "watch").build())
                .build(), childOptions(List.of()).build());
        var binding = new ClusterRoleBinding(clusterName + "-rack-awareness-binding", ClusterRoleBindingArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(roleName).labels(labels).build())
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("ClusterRole").name(roleName).build())
                .subjects(SubjectArgs.builder().kind("ServiceAccount").name(OperatorChart.SERVICE_ACCOUNT)
                        .namespace(namespace).build())
                .build(), childOptions(List.of(role)).build());
        return List.of(role, binding);
    }

    static String rackAwarenessRoleName(String namespace) {
        return "redis-enterprise-rack-awareness-" + namespace;
    }

    private void guard(Map<String, String> labels, List<Resource> inNamespace) {
        UpdateGuard.register(clusterName + "-cluster-guard", ClusterGuard.policyName(namespace, clusterName), labels,
                namespace, ClusterGuard.policySpec(clusterName), inNamespace, deps -> childOptions(deps).build());
    }

    /**
     * The operator's own pods do not meet the "restricted" Pod Security profile (the operator's release notes:
     * "would violate PodSecurity restricted", RED-97381), so the namespace enforces "baseline" (no privileged or host
     * access; the Redis Enterprise container drops all capabilities by default, per
     * https://redis.io/docs/latest/operate/kubernetes/security/allow-resource-adjustment/) and warns and audits against
     * "restricted".
     */
    private static Map<String, String> podSecurity(Map<String, String> labels) {
        Map<String, String> m = new LinkedHashMap<>(labels);
        m.put("pod-security.kubernetes.io/enforce", "baseline");
        m.put("pod-security.kubernetes.io/warn", "restricted");
        m.put("pod-security.kubernetes.io/audit", "restricted");
        return m;
    }

}
