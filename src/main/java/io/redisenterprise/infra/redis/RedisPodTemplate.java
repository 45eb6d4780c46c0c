package io.redisenterprise.infra.redis;

import com.pulumi.kubernetes.core.v1.inputs.AffinityArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapProjectionArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.DownwardAPIProjectionArgs;
import com.pulumi.kubernetes.core.v1.inputs.DownwardAPIVolumeFileArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ExecActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.KeyToPathArgs;
import com.pulumi.kubernetes.core.v1.inputs.LifecycleArgs;
import com.pulumi.kubernetes.core.v1.inputs.LifecycleHandlerArgs;
import com.pulumi.kubernetes.core.v1.inputs.NodeAffinityArgs;
import com.pulumi.kubernetes.core.v1.inputs.NodeSelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.NodeSelectorRequirementArgs;
import com.pulumi.kubernetes.core.v1.inputs.NodeSelectorTermArgs;
import com.pulumi.kubernetes.core.v1.inputs.ObjectFieldSelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodAffinityTermArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodAntiAffinityArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProjectedVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceAccountTokenProjectionArgs;
import com.pulumi.kubernetes.core.v1.inputs.TolerationArgs;
import com.pulumi.kubernetes.core.v1.inputs.TopologySpreadConstraintArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeProjectionArgs;
import com.pulumi.kubernetes.core.v1.inputs.WeightedPodAffinityTermArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.settings.AntiAffinity;
import io.redisenterprise.infra.settings.Quantity;
import io.redisenterprise.infra.settings.RedisSettings;
import io.redisenterprise.infra.settings.sizing.PodSizing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Redis Enterprise pod: the Redis Enterprise node container, the bootstrap sidecar that creates or joins
 * the cluster (gates readiness on membership, drains the node before it stops: {@link NodeLifecycle}), placement
 * from the shared {@link Placement} record, and the least privileges each container needs.
 */
final class RedisPodTemplate {
    static final String NODE_CONTAINER = "redis-enterprise-node";
    static final String BOOTSTRAP_CONTAINER = "bootstrap";
    static final String CREDENTIALS_DIR = "/etc/redis-enterprise/credentials";
    static final String LICENSE_DIR = "/etc/redis-enterprise/license";
    static final String TOKEN_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";
    /** Bootstrap sidecar size, the same figures pod sizing reserves next to Redis; requests = limits. */
    static final String BOOTSTRAP_CPU = PodSizing.DEFAULT_SIDECAR_CPU.text();
    static final String BOOTSTRAP_MEMORY = PodSizing.DEFAULT_SIDECAR_MEMORY.text();
    static final String SCRIPT_DIGEST_ANNOTATION = "redis.io/bootstrap-script-sha256";
    /**
     * Redis Enterprise's logs live on the persistent volume, in its {@code logs} directory, as the operator mounts
     * them: "Each Redis Enterprise container stores its logs under /var/opt/redislabs/log. When using persistent
     * storage, this path is automatically mounted to the redis-enterprise-storage volume", read with
     * {@code subPath: logs} (https://redis.io/docs/latest/operate/kubernetes/logs/). They survive restarts and stay
     * off the node's boot disk.
     */
    static final String LOG_PATH = "/var/opt/redislabs/log";
    static final String LOG_SUBPATH = "logs";

    private RedisPodTemplate() {
    }

    record Names(String cluster, String serviceAccount, String bootstrapConfigMap,
                 String credentialsSecret, String licenseSecret, boolean hasLicense) {
    }

    static PodTemplateSpecArgs build(RedisSettings redis, Placement placement, Names names) {
        String cluster = names.cluster();
        var selector = LabelSelectorArgs.builder().matchLabels(RedisLabels.nodeSelector(cluster)).build();

        var podSpec = PodSpecArgs.builder()
                .serviceAccountName(names.serviceAccount())
                // Only the bootstrap sidecar talks to the Kubernetes API; it gets a projected token below.
                .automountServiceAccountToken(false)
                .terminationGracePeriodSeconds(NodeLifecycle.TERMINATION_GRACE_SECONDS)
                .securityContext(PodSecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .runAsUser(RedisEnterpriseCluster.RUN_AS_USER)
                        .runAsGroup(RedisEnterpriseCluster.RUN_AS_USER)
                        .fsGroup(RedisEnterpriseCluster.RUN_AS_USER)
                        .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                        .build())
                .affinity(affinity(redis.antiAffinity(), placement, selector))
                .containers(nodeContainer(redis), bootstrapContainer(redis, placement, names))
                .volumes(volumes(names));
        if (placement.spreadsAcrossZones()) {
            podSpec.topologySpreadConstraints(TopologySpreadConstraintArgs.builder()
                    .maxSkew(1)
                    .minDomains(placement.zoneSpreadMinDomains())
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
        return PodTemplateSpecArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .labels(RedisLabels.pod(cluster))
                        // A new script rolls the pods (one at a time) so every sidecar runs the same logic.
                        .annotations(Map.of(SCRIPT_DIGEST_ANNOTATION, BootstrapScript.sha256()))
                        .build())
                .spec(podSpec.build())
                .build();
    }

    private static ContainerArgs nodeContainer(RedisSettings redis) {
        return ContainerArgs.builder()
                .name(NODE_CONTAINER)
                .image(redis.image())
                .ports(RedisPorts.NODE.stream().map(p -> port(p.name(), p.port())).toList())
                .resources(nodeResources(redis))
                .volumeMounts(
                        VolumeMountArgs.builder()
                                .name(RedisEnterpriseCluster.STORAGE_VOLUME)
                                .mountPath(RedisEnterpriseCluster.PERSIST_PATH)
                                .build(),
                        VolumeMountArgs.builder()
                                .name(RedisEnterpriseCluster.STORAGE_VOLUME)
                                .mountPath(LOG_PATH)
                                .subPath(LOG_SUBPATH)
                                .build(),
                        mount(NodeLifecycle.VOLUME, NodeLifecycle.DIR))
                // Redis Enterprise is told to stop only once the sidecar's drain has moved its primaries away.
                .lifecycle(LifecycleArgs.builder().preStop(LifecycleHandlerArgs.builder()
                        .exec(ExecActionArgs.builder().command(NodeLifecycle.nodePreStop()).build()).build()).build())
                .securityContext(restricted())
                .build();
    }

    /**
     * CPU and memory with requests equal to limits (Guaranteed QoS), and the node's local scratch space.
     *
     * <p>{@code ephemeral-storage}: Redis Enterprise keeps replication files (RDB) and, without a persistent log
     * volume, its logs in ephemeral storage, "RAM x 2" at least and "RAM x 4" recommended for production, on "a
     * locally attached volume on each node" (https://redis.io/docs/latest/operate/rs/installing-upgrading/install/
     * plan-deployment/hardware-requirements/, .../persistent-ephemeral-storage/). The node pool's boot disk rule
     * (nodePool.diskSizeGb at least 2 x redis.memory) provides that space on every VM, so the limit is 2 x memory: past
     * it, the kubelet evicts this pod rather than letting the node run out of disk. The request is memory / 2: the
     * scheduler compares requests with the node's allocatable ephemeral storage, which is the boot disk less the OS,
     * images and the cloud's reservations (GKE's published example: 47 GB allocatable of a 100 GB boot disk,
     * https://cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes), about 0.94 x memory at the smallest
     * boot disk the rule allows; a request of 2 x memory would leave such a pod unschedulable. Requests and limits of
     * ephemeral storage play no part in the QoS class, which only CPU and memory decide
     * (https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/), so the pod stays Guaranteed.
     */
    static ResourceRequirementsArgs nodeResources(RedisSettings redis) {
        long memoryMiB = redis.memory().mebibytes();
        String cpu = redis.cpu().text();
        String memory = redis.memory().text();
        return ResourceRequirementsArgs.builder()
                .requests(Map.of("cpu", cpu, "memory", memory, "ephemeral-storage", ephemeralRequest(redis).text()))
                .limits(Map.of("cpu", cpu, "memory", memory,
                        "ephemeral-storage", Quantity.ofMebibytes(2 * memoryMiB).text()))
                .build();
    }

    static Quantity ephemeralRequest(RedisSettings redis) {
        return Quantity.ofMebibytes(redis.memory().mebibytes() / 2);
    }

    private static ContainerArgs bootstrapContainer(RedisSettings redis, Placement placement, Names names) {
        List<VolumeMountArgs> mounts = new ArrayList<>(List.of(
                mount("bootstrap-script", BootstrapScript.MOUNT_PATH),
                mount("admin-credentials", CREDENTIALS_DIR),
                mount("api-token", TOKEN_DIR),
                VolumeMountArgs.builder().name(NodeLifecycle.VOLUME).mountPath(NodeLifecycle.DIR).build()));
        if (names.hasLicense()) {
            mounts.add(mount("license", LICENSE_DIR));
        }
        List<EnvVarArgs> env = new ArrayList<>(List.of(
                field("POD_NAME", "metadata.name"),
                field("POD_NAMESPACE", "metadata.namespace"),
                field("POD_IP", "status.podIP"),
                field("NODE_NAME", "spec.nodeName"),
                value("STATEFULSET_NAME", names.cluster()),
                value("HEADLESS_SERVICE", redis.serviceFqdn(names.cluster())),
                value("CLUSTER_FQDN", redis.clusterFqdn()),
                // Rack-zone awareness needs at least two zones to place a shard and its replica apart.
                value("RACK_AWARE", String.valueOf(placement.zones().size() >= 2)),
                value("CREDENTIALS_DIR", CREDENTIALS_DIR),
                value("LICENSE_FILE", LICENSE_DIR + "/license"),
                value("SERVICE_ACCOUNT_DIR", TOKEN_DIR),
                value("LIFECYCLE_DIR", NodeLifecycle.DIR),
                value("DRAIN_TIMEOUT_SECONDS", String.valueOf(NodeLifecycle.DRAIN_SECONDS)),
                value("MONITOR_SECONDS", String.valueOf(NodeLifecycle.MONITOR_SECONDS)),
                value("PYTHONDONTWRITEBYTECODE", "1")));
        return ContainerArgs.builder()
                .name(BOOTSTRAP_CONTAINER)
                .image(redis.bootstrapImage())
                .command("python3", BootstrapScript.path(), "run")
                .env(env)
                .resources(exact(BOOTSTRAP_CPU, BOOTSTRAP_MEMORY))
                .volumeMounts(mounts)
                // Ready = this pod's node is an active member of the Redis Enterprise cluster. The StatefulSet
                // (OrderedReady, RollingUpdate) and pulumi up both wait on it.
                .readinessProbe(ProbeArgs.builder()
                        .exec(ExecActionArgs.builder().command("python3", BootstrapScript.path(), "ready").build())
                        .initialDelaySeconds(10)
                        .periodSeconds(10)
                        .timeoutSeconds(5)
                        .failureThreshold(3)
                        .build())
                // Before the pod stops: maintenance mode moves the node's primary shards and endpoints away.
                .lifecycle(LifecycleArgs.builder().preStop(LifecycleHandlerArgs.builder()
                        .exec(ExecActionArgs.builder().command(NodeLifecycle.sidecarPreStop()).build()).build()).build())
                .securityContext(SecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .runAsUser(RedisEnterpriseCluster.RUN_AS_USER)
                        .allowPrivilegeEscalation(false)
                        .readOnlyRootFilesystem(true)
                        .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                        .build())
                .build();
    }

    private static List<VolumeArgs> volumes(Names names) {
        List<VolumeArgs> volumes = new ArrayList<>(List.of(
                VolumeArgs.builder().name("bootstrap-script").configMap(ConfigMapVolumeSourceArgs.builder()
                        .name(names.bootstrapConfigMap()).defaultMode(0555).build()).build(),
                // One small file: the sidecar's "drained" signal to the Redis Enterprise container.
                VolumeArgs.builder().name(NodeLifecycle.VOLUME).emptyDir(EmptyDirVolumeSourceArgs.builder()
                        .sizeLimit("1Mi").build()).build(),
                VolumeArgs.builder().name("admin-credentials").secret(SecretVolumeSourceArgs.builder()
                        .secretName(names.credentialsSecret()).defaultMode(0440).build()).build(),
                VolumeArgs.builder().name("api-token").projected(ProjectedVolumeSourceArgs.builder()
                        .defaultMode(0444)
                        .sources(
                                VolumeProjectionArgs.builder().serviceAccountToken(ServiceAccountTokenProjectionArgs.builder()
                                        .path("token").expirationSeconds(3600).build()).build(),
                                VolumeProjectionArgs.builder().configMap(ConfigMapProjectionArgs.builder()
                                        .name("kube-root-ca.crt").items(KeyToPathArgs.builder().key("ca.crt").path("ca.crt").build())
                                        .build()).build(),
                                VolumeProjectionArgs.builder().downwardAPI(DownwardAPIProjectionArgs.builder()
                                        .items(DownwardAPIVolumeFileArgs.builder().path("namespace")
                                                .fieldRef(ObjectFieldSelectorArgs.builder().fieldPath("metadata.namespace").build())
                                                .build())
                                        .build()).build())
                        .build()).build()));
        if (names.hasLicense()) {
            volumes.add(VolumeArgs.builder().name("license").secret(SecretVolumeSourceArgs.builder()
                    .secretName(names.licenseSecret()).defaultMode(0440).build()).build());
        }
        return volumes;
    }

    private static AffinityArgs affinity(AntiAffinity mode, Placement placement, LabelSelectorArgs selector) {
        var affinity = AffinityArgs.builder().podAntiAffinity(antiAffinity(mode, selector));
        List<Placement.NodeRequirement> required = placement.requiredNodeAffinity();
        if (!required.isEmpty()) {
            affinity.nodeAffinity(NodeAffinityArgs.builder()
                    .requiredDuringSchedulingIgnoredDuringExecution(NodeSelectorArgs.builder()
                            .nodeSelectorTerms(NodeSelectorTermArgs.builder()
                                    .matchExpressions(required.stream().map(r -> NodeSelectorRequirementArgs.builder()
                                            .key(r.key()).operator(r.operator()).values(r.values()).build()).toList())
                                    .build())
                            .build())
                    .build());
        }
        return affinity.build();
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

    /** Requests equal to limits: the pod gets Guaranteed QoS and is the last to be evicted. */
    static ResourceRequirementsArgs exact(String cpu, String memory) {
        return ResourceRequirementsArgs.builder()
                .requests(Map.of("cpu", cpu, "memory", memory))
                .limits(Map.of("cpu", cpu, "memory", memory))
                .build();
    }

    private static SecurityContextArgs restricted() {
        return SecurityContextArgs.builder()
                .runAsNonRoot(true)
                .runAsUser(RedisEnterpriseCluster.RUN_AS_USER)
                .allowPrivilegeEscalation(false)
                .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                .build();
    }

    private static VolumeMountArgs mount(String name, String path) {
        return VolumeMountArgs.builder().name(name).mountPath(path).readOnly(true).build();
    }

    private static EnvVarArgs value(String name, String value) {
        return EnvVarArgs.builder().name(name).value(value).build();
    }

    private static EnvVarArgs field(String name, String path) {
        return EnvVarArgs.builder().name(name)
                .valueFrom(EnvVarSourceArgs.builder().fieldRef(ObjectFieldSelectorArgs.builder().fieldPath(path).build()).build())
                .build();
    }

    private static ContainerPortArgs port(String name, int port) {
        return ContainerPortArgs.builder().name(name).containerPort(port).protocol("TCP").build();
    }
}
