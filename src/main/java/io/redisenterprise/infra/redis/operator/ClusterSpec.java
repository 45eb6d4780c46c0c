package io.redisenterprise.infra.redis.operator;

import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.redis.NamespaceAndSecrets;
import io.redisenterprise.infra.redis.RedisLabels;
import io.redisenterprise.infra.settings.AntiAffinity;
import io.redisenterprise.infra.settings.CredentialSettings;
import io.redisenterprise.infra.settings.Quantity;
import io.redisenterprise.infra.settings.RedisImage;
import io.redisenterprise.infra.settings.RedisSettings;
import io.redisenterprise.infra.settings.ServiceSettings;
import io.redisenterprise.infra.settings.sizing.NodeCompanions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The spec of the RedisEnterpriseCluster ({@code app.redislabs.com/v1}) as plain data, generated from the same records
 * as the statefulset deployment: sizing, the placement the node pool carries, the storage class, the services. Field
 * names and shapes are the operator's CRD (operator 8.0.20-23,
 * github.com/RedisLabs/redis-enterprise-k8s-docs@2c2f61d crds/rec_crd.yaml); the tests validate every planned
 * cluster against that CRD made strict, because the API server would silently drop an unknown field.
 */
public final class ClusterSpec {
    public static final String GROUP = "app.redislabs.com";
    public static final String VERSION = "v1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String KIND = "RedisEnterpriseCluster";
    /** The plural the API server serves the kind under (CRD spec.names.plural). */
    public static final String RESOURCE = "redisenterpriseclusters";
    /** Image pulls follow the pinned tag: a tag that already is on the node is the same image. */
    static final String IMAGE_PULL_POLICY = "IfNotPresent";
    /** Weight of the zone term that spreads pods over zones when the stack spans several. */
    static final int ZONE_SPREAD_WEIGHT = 100;

    /**
     * Everything the spec is made of.
     *
     * @param storageClassName             the class the platform created or names, in plain text
     * @param internalLoadBalancerAnnotations what makes a load balancer private on this cloud
     * @param sourceRangesAnnotation       the annotation that limits a load balancer to source CIDRs on this cloud
     * @param companions                   what the operator runs beside Redis on each node, as sizing counted it
     */
    public record Inputs(RedisSettings redis, CredentialSettings credentials, ServiceSettings services,
                         Placement placement, String storageClassName,
                         Map<String, String> internalLoadBalancerAnnotations, String sourceRangesAnnotation,
                         NodeCompanions companions) {
    }

    private ClusterSpec() {
    }

    public static Map<String, Object> spec(Inputs in) {
        RedisSettings redis = in.redis();
        String cluster = redis.name();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("nodes", redis.nodes());
        // Requests equal limits for every container the operator runs (Guaranteed QoS, as its docs advise:
        // https://redis.io/docs/latest/operate/kubernetes/recommendations/pod-stability/), with the figures sizing used.
        spec.put("redisEnterpriseNodeResources", exact(redis.cpu(), redis.memory()));
        spec.put("bootstrapperResources", exact(in.companions().named("bootstrapper")));
        spec.put("redisEnterpriseServicesRiggerResources", exact(in.companions().named("services rigger")));
        spec.put("usageMeter", Map.of("callHomeClient", Map.of("resources",
                exact(in.companions().named("call home client")))));
        Map<String, Object> persistence = new LinkedHashMap<>();
        persistence.put("enabled", true);
        persistence.put("storageClassName", in.storageClassName());
        persistence.put("volumeSize", redis.volumeSize().text());
        // Growth goes through the operator: it expands every claim, then recreates its StatefulSet with the new size
        // (https://redis.io/docs/latest/operate/kubernetes/re-clusters/expand-pvc/). Our classes allow expansion.
        persistence.put("enablePersistentVolumeResize", true);
        spec.put("persistentSpec", persistence);
        RedisImage image = RedisImage.parse(redis.image()).orElseThrow(() -> new IllegalArgumentException(
                "redis.image has no tag; settings refuse this in operator mode: " + redis.image()));
        spec.put("redisEnterpriseImageSpec", Map.of(
                "repository", image.repository(),
                "versionTag", image.tag(),
                "imagePullPolicy", IMAGE_PULL_POLICY));
        spec.put("username", in.credentials().adminUsername());
        spec.put("clusterCredentialSecretName", NamespaceAndSecrets.credentialsSecretName(cluster));
        if (in.credentials().license().isPresent()) {
            spec.put("licenseSecretName", NamespaceAndSecrets.licenseSecretName(cluster));
        }
        Placement placement = in.placement();
        if (placement.dedicated()) {
            // The CRD: "applies to all pods managed by the operator: Redis Enterprise nodes, Services Rigger, and
            // Call Home Client" (and the tolerations likewise): all of them land on the pool, as sizing counted.
            spec.put("nodeSelector", placement.nodeLabels());
            placement.taint().ifPresent(t -> spec.put("podTolerations", List.of(Map.of(
                    "key", t.key(), "operator", "Equal", "value", t.value(), "effect", Placement.Taint.EFFECT))));
        }
        spec.put("podAntiAffinity", antiAffinity(cluster, redis.antiAffinity(), placement.rackAware()));
        if (placement.rackAware()) {
            spec.put("rackAwarenessNodeLabel", Placement.ZONE_TOPOLOGY);
        }
        services(in).forEach(spec::put);
        return spec;
    }

    /**
     * One Redis Enterprise node per VM: the operator's own default term (labels and hostname key, from
     * https://redis.io/docs/latest/operate/kubernetes/recommendations/node-selection/), required or preferred as
     * {@code redis.antiAffinity} says. With rack awareness the operator would otherwise require one pod per zone,
     * capping the cluster at one node per zone; here the zone term is preferred instead, so pods still spread over
     * zones (and the term's topology key matches {@code rackAwarenessNodeLabel}, as that page asks) while 5 nodes fit
     * in 3 zones.
     */
    static Map<String, Object> antiAffinity(String cluster, AntiAffinity mode, boolean rackAware) {
        Map<String, Object> selector = Map.of("matchLabels", RedisLabels.nodeSelector(cluster));
        Map<String, Object> perVm = Map.of("labelSelector", selector, "topologyKey", Placement.HOSTNAME_TOPOLOGY);
        Map<String, Object> out = new LinkedHashMap<>();
        if (mode == AntiAffinity.REQUIRED) {
            out.put("requiredDuringSchedulingIgnoredDuringExecution", List.of(perVm));
            if (rackAware) {
                out.put("preferredDuringSchedulingIgnoredDuringExecution", List.of(Map.of(
                        "weight", ZONE_SPREAD_WEIGHT,
                        "podAffinityTerm", Map.of("labelSelector", selector, "topologyKey", Placement.ZONE_TOPOLOGY))));
            }
        } else {
            out.put("preferredDuringSchedulingIgnoredDuringExecution", List.of(Map.of(
                    "weight", ZONE_SPREAD_WEIGHT, "podAffinityTerm", perVm)));
        }
        return out;
    }

    /**
     * The admin UI and REST API services the operator creates ({@code <name>-ui}, {@code <name>}): their type, and for
     * load balancers the private-network and source-range annotations (the cluster has no field for source ranges; its
     * {@code services.servicesAnnotations} reach every Service the operator creates, and are inert on ClusterIP ones).
     */
    static Map<String, Object> services(Inputs in) {
        ServiceSettings s = in.services();
        Map<String, Object> services = new LinkedHashMap<>();
        services.put("apiService", Map.of("type", s.type()));
        Optional<Map<String, String>> annotations = Optional.empty();
        if (s.isLoadBalancer()) {
            Map<String, String> a = new LinkedHashMap<>();
            if (s.internal()) {
                a.putAll(in.internalLoadBalancerAnnotations());
            }
            a.put(in.sourceRangesAnnotation(), String.join(",", s.loadBalancerSourceRanges()));
            annotations = Optional.of(a);
        }
        annotations.ifPresent(a -> services.put("servicesAnnotations", a));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uiServiceType", s.type());
        out.put("services", services);
        return out;
    }

    private static Map<String, Object> exact(NodeCompanions.Companion c) {
        return exact(c.cpu(), c.memory());
    }

    private static Map<String, Object> exact(Quantity cpu, Quantity memory) {
        Map<String, String> amounts = Map.of("cpu", cpu.text(), "memory", memory.text());
        return Map.of("requests", amounts, "limits", amounts);
    }
}
