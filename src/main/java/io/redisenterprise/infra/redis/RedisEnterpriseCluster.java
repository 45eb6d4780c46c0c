package io.redisenterprise.infra.redis;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.StatefulSet;
import com.pulumi.kubernetes.apps.v1.StatefulSetArgs;
import com.pulumi.kubernetes.apps.v1.inputs.RollingUpdateStatefulSetStrategyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.StatefulSetPersistentVolumeClaimRetentionPolicyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.StatefulSetSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.StatefulSetUpdateStrategyArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimPatch;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimPatchArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecPatchArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsPatchArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaPatchArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
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
import com.pulumi.resources.Resource;
import io.redisenterprise.infra.settings.RedisSettings;
import io.redisenterprise.infra.settings.ServiceSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Redis Enterprise cluster on Kubernetes: namespace, credentials, RBAC, services, the StatefulSet of Redis
 * Enterprise nodes (one per VM, spread across zones, on network-attached volumes) with the bootstrap sidecar
 * that forms the cluster, its disruption budget and a guard against silent scale-down. Kubernetes places and
 * restarts the pods; Redis Enterprise itself owns membership, shards and failover.
 */
public class RedisEnterpriseCluster extends ComponentResource implements RedisDeployment {
    public static final String TYPE = "redis-enterprise:index:RedisEnterpriseCluster";
    /** The volume claim template name the Redis Enterprise operator uses too. */
    public static final String STORAGE_VOLUME = "redis-enterprise-storage";
    public static final String PERSIST_PATH = "/var/opt/redislabs/persist";
    /** Block storage attached to one node at a time, what Redis Enterprise requires (no shared/NFS storage). */
    static final String ACCESS_MODE = "ReadWriteOnce";
    public static final String CONTAINER = RedisPodTemplate.NODE_CONTAINER;
    /** Redis Enterprise runs as this non-root user in its image. */
    public static final int RUN_AS_USER = 1001;
    /**
     * Deletion to SIGKILL of a Redis Enterprise pod: its primaries move away (maintenance mode) and Redis Enterprise
     * stops cleanly within it. Figures and sources: {@link NodeLifecycle}.
     */
    public static final int TERMINATION_GRACE_SECONDS = NodeLifecycle.TERMINATION_GRACE_SECONDS;
    /** Lets a server-side-apply patch take over the fields the StatefulSet controller set on an existing claim. */
    static final String PATCH_FORCE_ANNOTATION = "pulumi.com/patchForce";
    /**
     * A claim the patch creates waits for its pod to be bound (WaitForFirstConsumer): the provider must not wait for
     * Bound first (pulumi-kubernetes 4.0.0 waits 5 minutes for a claim to bind, then fails).
     */
    static final String SKIP_AWAIT_ANNOTATION = "pulumi.com/skipAwait";

    private final Output<String> namespaceName;
    private final Output<String> statefulSetName;
    private final Output<String> headlessServiceDns;
    private final Output<String> uiEndpoint;
    private final Output<String> apiEndpoint;
    private final Output<String> metricsEndpoint;

    public RedisEnterpriseCluster(String name, RedisEnterpriseClusterArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    public RedisEnterpriseCluster(String name, RedisEnterpriseClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        RedisSettings redis = args.redis();
        String cluster = redis.name();
        String ns = redis.namespace();
        boolean protect = redis.protect();
        Map<String, String> labels = RedisLabels.common(cluster);

        // Deleting the namespace would delete every claim in it: it is protected with the StatefulSet.
        var namespace = NamespaceAndSecrets.namespace(cluster, ns, withPodSecurity(labels),
                options(args, List.of()).protect(protect).build());
        List<Resource> inNamespace = List.of(namespace);

        var credentials = NamespaceAndSecrets.adminCredentials(cluster, ns, labels, args.credentials(),
                options(args, inNamespace).build());
        List<Resource> podInputs = new ArrayList<>(List.of(namespace, credentials));
        boolean hasLicense = args.credentials().license().isPresent();
        NamespaceAndSecrets.license(cluster, ns, labels, args.credentials(), options(args, inNamespace).build())
                .ifPresent(podInputs::add);

        // Content-named and immutable: a new script is a new ConfigMap the pods roll onto (BootstrapScript).
        String bootstrapConfigMap = BootstrapScript.configMapName(cluster);
        podInputs.add(new ConfigMap(cluster + "-bootstrap", ConfigMapArgs.builder()
                .metadata(meta(bootstrapConfigMap, ns, labels))
                .immutable(true)
                .data(Map.of(BootstrapScript.FILE_NAME, BootstrapScript.text()))
                .build(), options(args, inNamespace).build()));

        podInputs.addAll(nodeReaderAccess(args, cluster, ns, labels, namespace));

        var headless = new Service(cluster + "-headless", ServiceArgs.builder()
                .metadata(meta(cluster, ns, labels))
                .spec(ServiceSpecArgs.builder()
                        .clusterIP("None")
                        // Peers must resolve each other before they are Ready: readiness means "joined".
                        .publishNotReadyAddresses(true)
                        .selector(RedisLabels.nodeSelector(cluster))
                        .ports(RedisPorts.NODE.stream().map(p -> port(p.name(), p.port())).toList())
                        .build())
                .build(), options(args, inNamespace).build());
        podInputs.add(headless);

        var names = new RedisPodTemplate.Names(cluster, cluster, bootstrapConfigMap,
                NamespaceAndSecrets.credentialsSecretName(cluster), NamespaceAndSecrets.licenseSecretName(cluster),
                hasLicense);
        List<Resource> statefulSetDeps = new ArrayList<>(args.nodePools());
        statefulSetDeps.addAll(podInputs);
        // The claims come first: a size Kubernetes refuses stops `up` before a single pod rolls.
        statefulSetDeps.addAll(volumeClaims(args, cluster, ns, namespace));
        var statefulSet = new StatefulSet(cluster, StatefulSetArgs.builder()
                .metadata(statefulSetMeta(redis, cluster, ns, labels))
                .spec(statefulSetSpec(args, names))
                .build(), options(args, statefulSetDeps)
                .protect(protect)
                .customTimeouts(NodeLifecycle.statefulSetTimeouts(redis.nodes()))
                // Claim templates are immutable; sizes change through the claim patches instead.
                .ignoreChanges(List.of("spec.volumeClaimTemplates"))
                .build());

        new PodDisruptionBudget(cluster + "-pdb", PodDisruptionBudgetArgs.builder()
                .metadata(meta(cluster, ns, labels))
                .spec(PodDisruptionBudgetSpecArgs.builder()
                        .maxUnavailable(1)
                        .selector(LabelSelectorArgs.builder().matchLabels(RedisLabels.nodeSelector(cluster)).build())
                        .build())
                .build(), options(args, inNamespace).build());

        scaleDownGuard(args, cluster, ns, namespace);

        var services = new RedisServices(args, cluster, ns, labels);
        services.register(this, inNamespace, statefulSet);

        this.namespaceName = Output.of(ns);
        this.statefulSetName = statefulSet.metadata().applyValue(m -> m.name().orElse(cluster));
        this.headlessServiceDns = Output.of(redis.clusterFqdn());
        this.uiEndpoint = Output.of(services.uiEndpoint());
        this.apiEndpoint = Output.of(services.apiEndpoint());
        this.metricsEndpoint = Output.of(services.metricsEndpoint());
        registerOutputs(Map.of(
                "namespace", namespaceName,
                "statefulSet", statefulSetName,
                "headlessServiceDns", headlessServiceDns,
                "uiEndpoint", uiEndpoint,
                "apiEndpoint", apiEndpoint,
                "metricsEndpoint", metricsEndpoint));
    }

    public Output<String> namespaceName() {
        return namespaceName;
    }

    public Output<String> statefulSetName() {
        return statefulSetName;
    }

    public Output<String> headlessServiceDns() {
        return headlessServiceDns;
    }

    public Output<String> uiEndpoint() {
        return uiEndpoint;
    }

    public Output<String> apiEndpoint() {
        return apiEndpoint;
    }

    public Output<String> metricsEndpoint() {
        return metricsEndpoint;
    }

    /** The bootstrap sidecar reads its VM's zone label for rack awareness: get on nodes, nothing else. */
    private List<Resource> nodeReaderAccess(RedisEnterpriseClusterArgs args, String cluster, String ns,
                                            Map<String, String> labels, Namespace namespace) {
        var account = new ServiceAccount(cluster + "-service-account", ServiceAccountArgs.builder()
                .metadata(meta(cluster, ns, labels))
                .automountServiceAccountToken(false)
                .build(), options(args, List.of(namespace)).build());
        String roleName = ns + "-" + cluster + "-node-reader";
        var role = new ClusterRole(cluster + "-node-reader", ClusterRoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(roleName).labels(labels).build())
                .rules(PolicyRuleArgs.builder().apiGroups("").resources("nodes").verbs("get").build())
                .build(), options(args, List.of()).build());
        var binding = new ClusterRoleBinding(cluster + "-node-reader-binding", ClusterRoleBindingArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(roleName).labels(labels).build())
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("ClusterRole").name(roleName).build())
                .subjects(SubjectArgs.builder().kind("ServiceAccount").name(cluster).namespace(ns).build())
                .build(), options(args, List.of(role, account)).build());
        return List.of(account, role, binding);
    }

    /**
     * Every node's claim, as server-side-apply patches registered BEFORE the StatefulSet, which depends on them.
     *
     * <p>Each patch is the whole claim the StatefulSet controller would create from its template
     * ({@code <template>-<statefulset>-<ordinal>}: access mode, class, size, and the template's labels plus the
     * selector's, as the controller sets them), so it is sound whether or not the claim exists yet:
     * <ul>
     *   <li>on a new stack, or for new ordinals when redis.nodes grows, it creates the claim (Pending until its pod
     *       binds it, WaitForFirstConsumer) and the controller uses the claim it finds under that name;</li>
     *   <li>on an existing claim it changes only what differs: the size. Growth is applied in place (the StorageClass
     *       allows expansion). A smaller size, or one the class cannot expand, Kubernetes refuses ("field can not be
     *       less than previous value"), and since the StatefulSet waits for the claims, {@code up} fails before any
     *       pod rolls. So does a changed class, which an existing claim cannot take.</li>
     * </ul>
     * A patch (not a PersistentVolumeClaim resource) because Pulumi must never own the claims' lifecycle: deleting a
     * patch never deletes a claim ({@code retainOnDelete}, and a Patch's delete only relinquishes its fields).
     * Preview does not send patches to the server (pulumi-kubernetes skips them), so the refusal shows at
     * {@code up}. {@code pulumi.com/patchForce} takes the fields over from the controller on claims it created.
     */
    private List<Resource> volumeClaims(RedisEnterpriseClusterArgs args, String cluster, String ns, Namespace namespace) {
        List<Resource> claims = new ArrayList<>();
        for (int i = 0; i < args.redis().nodes(); i++) {
            String claim = STORAGE_VOLUME + "-" + cluster + "-" + i;
            claims.add(new PersistentVolumeClaimPatch(claim + "-size", PersistentVolumeClaimPatchArgs.builder()
                    .metadata(ObjectMetaPatchArgs.builder().name(claim).namespace(ns)
                            .labels(RedisLabels.pod(cluster))
                            .annotations(Map.of(PATCH_FORCE_ANNOTATION, "true", SKIP_AWAIT_ANNOTATION, "true")).build())
                    .spec(PersistentVolumeClaimSpecPatchArgs.builder()
                            .accessModes(ACCESS_MODE)
                            .storageClassName(args.storageClassName())
                            .resources(ResourceRequirementsPatchArgs.builder()
                                    .requests(Map.of("storage", args.redis().volumeSize().text()))
                                    .build())
                            .build())
                    .build(), options(args, List.of(namespace)).retainOnDelete(true).build()));
        }
        return claims;
    }

    private void scaleDownGuard(RedisEnterpriseClusterArgs args, String cluster, String ns, Namespace namespace) {
        UpdateGuard.register(cluster + "-scale-down-guard", ScaleDownGuard.policyName(ns, cluster),
                RedisLabels.common(cluster), ns, ScaleDownGuard.policySpec(cluster), List.of(namespace),
                deps -> options(args, deps).build());
    }

    private static ObjectMetaArgs statefulSetMeta(RedisSettings redis, String cluster, String ns, Map<String, String> labels) {
        var meta = ObjectMetaArgs.builder().name(cluster).namespace(ns).labels(labels);
        redis.confirmScaleDown().ifPresent(n ->
                meta.annotations(Map.of(ScaleDownGuard.CONFIRM_ANNOTATION, String.valueOf(n))));
        return meta.build();
    }

    private StatefulSetSpecArgs statefulSetSpec(RedisEnterpriseClusterArgs args, RedisPodTemplate.Names names) {
        RedisSettings redis = args.redis();
        String cluster = names.cluster();
        var claim = PersistentVolumeClaimArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(STORAGE_VOLUME).labels(RedisLabels.common(cluster)).build())
                .spec(PersistentVolumeClaimSpecArgs.builder()
                        .accessModes(ACCESS_MODE)
                        .storageClassName(args.storageClassName())
                        .resources(ResourceRequirementsArgs.builder()
                                .requests(Map.of("storage", redis.volumeSize().text()))
                                .build())
                        .build())
                .build();
        return StatefulSetSpecArgs.builder()
                .replicas(redis.nodes())
                .serviceName(cluster)
                .selector(LabelSelectorArgs.builder().matchLabels(RedisLabels.nodeSelector(cluster)).build())
                // All pods start together; the bootstrap sidecars order themselves (pod 0 creates, the others join
                // once it is a member). Starting every surviving node at once also lets a pod 0 that lost its
                // volume find the existing cluster and rejoin it, instead of founding a second one.
                // (This policy affects scaling only; updates still roll one pod at a time.)
                .podManagementPolicy("Parallel")
                // One pod at a time, highest ordinal first, each waiting until its node has rejoined (Ready).
                .updateStrategy(StatefulSetUpdateStrategyArgs.builder()
                        .type("RollingUpdate")
                        .rollingUpdate(RollingUpdateStatefulSetStrategyArgs.builder().partition(0).build())
                        .build())
                .persistentVolumeClaimRetentionPolicy(StatefulSetPersistentVolumeClaimRetentionPolicyArgs.builder()
                        .whenDeleted("Retain")
                        .whenScaled("Retain")
                        .build())
                .template(RedisPodTemplate.build(redis, args.placement(), names))
                .volumeClaimTemplates(claim)
                .build();
    }

    private static Map<String, String> withPodSecurity(Map<String, String> labels) {
        var m = new LinkedHashMap<>(labels);
        // Every container runs non-root without privilege escalation: the "restricted" profile fits.
        m.put("pod-security.kubernetes.io/enforce", "restricted");
        return m;
    }

    static ObjectMetaArgs meta(String name, String namespace, Map<String, String> labels) {
        return ObjectMetaArgs.builder().name(name).namespace(namespace).labels(labels).build();
    }

    static ServicePortArgs port(String name, int port) {
        return ServicePortArgs.builder().name(name).port(port).targetPort(port).protocol("TCP").build();
    }

    CustomResourceOptions.Builder options(RedisEnterpriseClusterArgs args, List<Resource> dependsOn) {
        return CustomResourceOptions.builder()
                .parent(this)
                .provider(args.provider())
                .dependsOn(dependsOn);
    }
}
