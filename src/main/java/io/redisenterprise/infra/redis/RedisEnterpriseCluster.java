package io.redisenterprise.infra.redis;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.StatefulSet;
import com.pulumi.kubernetes.apps.v1.StatefulSetArgs;
import com.pulumi.kubernetes.apps.v1.inputs.RollingUpdateStatefulSetStrategyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.StatefulSetPersistentVolumeClaimRetentionPolicyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.StatefulSetSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.StatefulSetUpdateStrategyArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.AffinityArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodAffinityTermArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodAntiAffinityArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.TolerationArgs;
import com.pulumi.kubernetes.core.v1.inputs.TopologySpreadConstraintArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.core.v1.inputs.WeightedPodAffinityTermArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.settings.AntiAffinity;
import io.redisenterprise.infra.settings.RedisSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Redis Enterprise cluster on Kubernetes: namespace, headless service, the StatefulSet of Redis Enterprise
 * nodes (one per VM, spread across zones, on network-attached volumes) and its disruption budget. Kubernetes
 * places and restarts the pods; Redis Enterprise itself owns membership, shards and failover.
 */
public class RedisEnterpriseCluster extends ComponentResource {
    public static final String TYPE = "redis-enterprise:index:RedisEnterpriseCluster";
    /** The volume claim template name the Redis Enterprise operator uses too. */
    public static final String STORAGE_VOLUME = "redis-enterprise-storage";
    public static final String PERSIST_PATH = "/var/opt/redislabs/persist";
    public static final String CONTAINER = "redis-enterprise-node";
    /** Redis Enterprise runs as this non-root user in its image. */
    public static final int RUN_AS_USER = 1001;
    /**
     * Long enough for Redis Enterprise to migrate shards and persist before the pod goes; a node killed early
     * loses in-memory data that has not reached its replica or disk yet.
     */
    public static final int TERMINATION_GRACE_SECONDS = 1800;

    private final Output<String> namespaceName;
    private final Output<String> statefulSetName;
    private final Output<String> headlessServiceDns;
    private final Output<String> uiEndpoint;
    private final Output<String> apiEndpoint;

    public RedisEnterpriseCluster(String name, RedisEnterpriseClusterArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    public RedisEnterpriseCluster(String name, RedisEnterpriseClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        RedisSettings redis = args.redis();
        String cluster = redis.name();
        String ns = redis.namespace();

        var namespace = new Namespace(cluster + "-namespace", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(ns).labels(withPodSecurity(RedisLabels.common(cluster))).build())
                .build(), childOptions(args, List.of()));

        var headless = new Service(cluster + "-headless", ServiceArgs.builder()
                .metadata(meta(cluster, ns, RedisLabels.common(cluster)))
                .spec(ServiceSpecArgs.builder()
                        .clusterIP("None")
                        // Peers must resolve each other before they are Ready: readiness means "joined".
                        .publishNotReadyAddresses(true)
                        .selector(RedisLabels.nodeSelector(cluster))
                        .ports(port("discovery", RedisPorts.DISCOVERY), port("api", RedisPorts.API),
                                port("ui", RedisPorts.UI), port("metrics", RedisPorts.METRICS))
                        .build())
                .build(), childOptions(args, List.of(namespace)));

        List<Resource> statefulSetDeps = new ArrayList<>(args.nodePools());
        statefulSetDeps.add(namespace);
        statefulSetDeps.add(headless);
        var statefulSet = new StatefulSet(cluster, StatefulSetArgs.builder()
                .metadata(meta(cluster, ns, RedisLabels.common(cluster)))
                .spec(statefulSetSpec(args, cluster))
                .build(), childOptions(args, statefulSetDeps));

        new PodDisruptionBudget(cluster + "-pdb", PodDisruptionBudgetArgs.builder()
                .metadata(meta(cluster, ns, RedisLabels.common(cluster)))
                .spec(PodDisruptionBudgetSpecArgs.builder()
                        .maxUnavailable(1)
                        .selector(LabelSelectorArgs.builder().matchLabels(RedisLabels.nodeSelector(cluster)).build())
                        .build())
                .build(), childOptions(args, List.of(namespace)));

        String fqdnSuffix = ns + ".svc.cluster.local";
        this.namespaceName = Output.of(ns);
        this.statefulSetName = statefulSet.metadata().applyValue(m -> m.name().orElse(cluster));
        this.headlessServiceDns = Output.of(cluster + "." + fqdnSuffix);
        this.uiEndpoint = Output.of("https://" + cluster + "." + fqdnSuffix + ":" + RedisPorts.UI);
        this.apiEndpoint = Output.of("https://" + cluster + "." + fqdnSuffix + ":" + RedisPorts.API);
        registerOutputs(Map.of(
                "namespace", namespaceName,
                "statefulSet", statefulSetName,
                "headlessServiceDns", headlessServiceDns,
                "uiEndpoint", uiEndpoint,
                "apiEndpoint", apiEndpoint));
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

    private StatefulSetSpecArgs statefulSetSpec(RedisEnterpriseClusterArgs args, String cluster) {
        RedisSettings redis = args.redis();
        Placement placement = args.placement();
        var selector = LabelSelectorArgs.builder().matchLabels(RedisLabels.nodeSelector(cluster)).build();

        var resources = ResourceRequirementsArgs.builder()
                .requests(Map.of("cpu", redis.cpu().text(), "memory", redis.memory().text()))
                .limits(Map.of("cpu", redis.cpu().text(), "memory", redis.memory().text()))
                .build();

        var container = ContainerArgs.builder()
                .name(CONTAINER)
                .image(redis.image())
                .ports(containerPort("discovery", RedisPorts.DISCOVERY), containerPort("api", RedisPorts.API),
                        containerPort("ui", RedisPorts.UI), containerPort("metrics", RedisPorts.METRICS))
                .resources(resources)
                .volumeMounts(VolumeMountArgs.builder().name(STORAGE_VOLUME).mountPath(PERSIST_PATH).build())
                .securityContext(SecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .runAsUser(RUN_AS_USER)
                        .allowPrivilegeEscalation(false)
                        .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                        .build())
                .build();

        var podSpec = PodSpecArgs.builder()
                .terminationGracePeriodSeconds(TERMINATION_GRACE_SECONDS)
                .securityContext(PodSecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .runAsUser(RUN_AS_USER)
                        .runAsGroup(RUN_AS_USER)
                        .fsGroup(RUN_AS_USER)
                        .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                        .build())
                .affinity(AffinityArgs.builder().podAntiAffinity(antiAffinity(redis.antiAffinity(), selector)).build())
                .containers(container);
        if (placement.spreadsAcrossZones()) {
            podSpec.topologySpreadConstraints(TopologySpreadConstraintArgs.builder()
                    .maxSkew(1)
                    .topologyKey(Placement.ZONE_TOPOLOGY)
                    .whenUnsatisfiable("DoNotSchedule")
                    .labelSelector(selector)
                    .build());
        }
        if (placement.dedicated()) {
            podSpec.nodeSelector(placement.nodeLabels());
            placement.taint().ifPresent(t -> podSpec.tolerations(TolerationArgs.builder()
                    .key(t.key()).operator("Equal").value(t.value()).effect(Placement.Taint.EFFECT).build()));
        }

        var claim = PersistentVolumeClaimArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(STORAGE_VOLUME).labels(RedisLabels.common(cluster)).build())
                .spec(PersistentVolumeClaimSpecArgs.builder()
                        .accessModes("ReadWriteOnce")
                        .storageClassName(args.storageClassName())
                        .resources(ResourceRequirementsArgs.builder()
                                .requests(Map.of("storage", redis.volumeSize().text()))
                                .build())
                        .build())
                .build();

        return StatefulSetSpecArgs.builder()
                .replicas(redis.nodes())
                .serviceName(cluster)
                .selector(selector)
                // Pod 0 must exist (and create the cluster) before the others start to join it.
                .podManagementPolicy("OrderedReady")
                .updateStrategy(StatefulSetUpdateStrategyArgs.builder()
                        .type("RollingUpdate")
                        .rollingUpdate(RollingUpdateStatefulSetStrategyArgs.builder().partition(0).build())
                        .build())
                .persistentVolumeClaimRetentionPolicy(StatefulSetPersistentVolumeClaimRetentionPolicyArgs.builder()
                        .whenDeleted("Retain")
                        .whenScaled("Retain")
                        .build())
                .template(PodTemplateSpecArgs.builder()
                        .metadata(ObjectMetaArgs.builder().labels(RedisLabels.pod(cluster)).build())
                        .spec(podSpec.build())
                        .build())
                .volumeClaimTemplates(claim)
                .build();
    }

    private static PodAntiAffinityArgs antiAffinity(AntiAffinity mode, LabelSelectorArgs selector) {
        var term = PodAffinityTermArgs.builder().labelSelector(selector).topologyKey(Placement.HOSTNAME_TOPOLOGY).build();
        if (mode == AntiAffinity.REQUIRED) {
            return PodAntiAffinityArgs.builder().requiredDuringSchedulingIgnoredDuringExecution(term).build();
        }
        return PodAntiAffinityArgs.builder()
                .preferredDuringSchedulingIgnoredDuringExecution(
                        WeightedPodAffinityTermArgs.builder().weight(100).podAffinityTerm(term).build())
                .build();
    }

    private static Map<String, String> withPodSecurity(Map<String, String> labels) {
        var m = new java.util.LinkedHashMap<>(labels);
        // Redis Enterprise runs non-root without privilege escalation: the "restricted" profile fits.
        m.put("pod-security.kubernetes.io/enforce", "restricted");
        return m;
    }

    private static ObjectMetaArgs meta(String name, String namespace, Map<String, String> labels) {
        return ObjectMetaArgs.builder().name(name).namespace(namespace).labels(labels).build();
    }

    private static ServicePortArgs port(String name, int port) {
        return ServicePortArgs.builder().name(name).port(port).targetPort(port).protocol("TCP").build();
    }

    private static ContainerPortArgs containerPort(String name, int port) {
        return ContainerPortArgs.builder().name(name).containerPort(port).protocol("TCP").build();
    }

    private CustomResourceOptions childOptions(RedisEnterpriseClusterArgs args, List<Resource> dependsOn) {
        return CustomResourceOptions.builder()
                .parent(this)
                .provider(args.provider())
                .dependsOn(dependsOn)
                .build();
    }
}
