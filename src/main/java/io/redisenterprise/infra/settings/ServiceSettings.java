package io.redisenterprise.infra.settings;

import java.util.List;

/**
 * How the cluster's UI (8443) and REST API (9443) are exposed.
 *
 * @param type                     ClusterIP (default) or LoadBalancer
 * @param loadBalancerSourceRanges CIDRs allowed to reach a LoadBalancer (required with LoadBalancer)
 * @param internal                 a private (VPC/VNet-internal) load balancer rather than a public one
 */
public record ServiceSettings(String type, List<String> loadBalancerSourceRanges, boolean internal) {
    public static final String CLUSTER_IP = "ClusterIP";
    public static final String LOAD_BALANCER = "LoadBalancer";

    public ServiceSettings {
        loadBalancerSourceRanges = List.copyOf(loadBalancerSourceRanges);
    }

    public boolean isLoadBalancer() {
        return LOAD_BALANCER.equals(type);
    }
}
