package io.redisenterprise.infra.redis;

import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.Resource;
import io.redisenterprise.infra.settings.ServiceSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's front doors: the admin UI (8443) and REST API (9443), ClusterIP by default or a load balancer
 * limited to the allowed source ranges (private unless asked otherwise), and the Prometheus metrics service.
 */
final class RedisServices {
    private final RedisEnterpriseClusterArgs args;
    private final String cluster;
    private final String namespace;
    private final Map<String, String> labels;

    RedisServices(RedisEnterpriseClusterArgs args, String cluster, String namespace, Map<String, String> labels) {
        this.args = args;
        this.cluster = cluster;
        this.namespace = namespace;
        this.labels = labels;
    }

    String uiName() {
        return cluster + "-ui";
    }

    String apiName() {
        return cluster + "-api";
    }

    String metricsName() {
        return cluster + "-metrics";
    }

    String uiEndpoint() {
        return "https://" + args.redis().serviceFqdn(uiName()) + ":" + RedisPorts.UI;
    }

    String apiEndpoint() {
        return "https://" + args.redis().serviceFqdn(apiName()) + ":" + RedisPorts.API;
    }

    String metricsEndpoint() {
        return "https://" + args.redis().serviceFqdn(metricsName()) + ":" + RedisPorts.METRICS + "/v2";
    }

    /**
     * Registers the UI, API and metrics Services after {@code workload}, the resource whose readiness means the
     * selected pods are Ready (the StatefulSet, whose await covers node pools, volumes and cluster formation).
     *
     * <p>Why: the provider's Service await (provider/pkg/await/service.go @v4.32.0) succeeds only when the Service's
     * Endpoints have settled with no not-ready address, and fails after 10 minutes by default. Created beside the
     * StatefulSet, a Service would wait on pods that are still pulling the image or forming the cluster (the
     * StatefulSet's own budget is 10 + 5 x nodes minutes) and fail the first {@code up}. After the workload, its
     * pods are Ready and the await ends once the Endpoints settle (10 s). {@code pulumi.com/skipAwait} would also
     * avoid the timeout, but it makes the whole await immediate (metadata/overrides.go {@code ReadyCondition}
     * @v4.32.0), so a LoadBalancer that never gets an address would be reported as created.
     */
    void register(RedisEnterpriseCluster parent, List<Resource> inNamespace, Resource workload) {
        List<Resource> dependsOn = new ArrayList<>(inNamespace);
        dependsOn.add(workload);
        ServiceSettings s = args.services();
        exposed(parent, uiName(), "ui", RedisPorts.UI, s, dependsOn);
        exposed(parent, apiName(), "api", RedisPorts.API, s, dependsOn);

        // Redis Enterprise serves metrics over HTTPS with its own certificate; /v2 is the current endpoint.
        Map<String, String> scrape = new LinkedHashMap<>();
        scrape.put("prometheus.io/scrape", "true");
        scrape.put("prometheus.io/scheme", "https");
        scrape.put("prometheus.io/port", String.valueOf(RedisPorts.METRICS));
        scrape.put("prometheus.io/path", "/v2");
        new Service(metricsName(), ServiceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(metricsName()).namespace(namespace).labels(labels)
                        .annotations(scrape).build())
                .spec(ServiceSpecArgs.builder()
                        .type(ServiceSettings.CLUSTER_IP)
                        .selector(RedisLabels.nodeSelector(cluster))
                        .ports(RedisEnterpriseCluster.port("metrics", RedisPorts.METRICS))
                        .build())
                .build(), parent.options(args, dependsOn).build());
    }

    private void exposed(RedisEnterpriseCluster parent, String name, String portName, int port, ServiceSettings s,
                         List<Resource> dependsOn) {
        var spec = ServiceSpecArgs.builder()
                .type(s.type())
                .selector(RedisLabels.nodeSelector(cluster))
                .ports(RedisEnterpriseCluster.port(portName, port));
        var meta = ObjectMetaArgs.builder().name(name).namespace(namespace).labels(labels);
        if (s.isLoadBalancer()) {
            spec.loadBalancerSourceRanges(s.loadBalancerSourceRanges());
            // Local traffic policy keeps the client's source address, so the source ranges really apply.
            spec.externalTrafficPolicy("Local");
            if (s.internal()) {
                meta.annotations(args.internalLoadBalancerAnnotations());
            }
        }
        new Service(name, ServiceArgs.builder().metadata(meta.build()).spec(spec.build()).build(),
                parent.options(args, dependsOn).build());
    }
}
