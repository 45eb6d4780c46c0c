package io.redisenterprise.infra.platform;

import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.Settings;
import java.util.Map;
import java.util.Optional;

/**
 * One target cloud (or an existing cluster): it creates the dedicated node pool carrying the placement, says
 * what StorageClass its CSI driver needs, and connects an explicit Kubernetes provider to the cluster.
 * Implementations are discovered with {@link java.util.ServiceLoader}, so a slim build carries only its own.
 */
public interface Platform {

    /** The {@code redis-enterprise:cloud} value this platform serves. */
    Cloud cloud();

    /** The StorageClass to create for Redis data, or empty to use an existing class. Pure data, no resources. */
    Optional<StorageClassSpec> storageClass(Settings settings);

    /** Annotations that make a LoadBalancer Service private to the cluster's network on this cloud. */
    default Map<String, String> internalLoadBalancerAnnotations() {
        return Map.of();
    }

    /**
     * The Service annotation that limits a load balancer to source CIDRs (comma-separated), for Services this program
     * does not write itself (the operator's UI and API services take annotations, not {@code loadBalancerSourceRanges}).
     * The default is Kubernetes' own, which the AWS and GCE load balancer controllers honour (k8s.io/api core/v1
     * annotation_key_constants.go, {@code AnnotationLoadBalancerSourceRangesKey}).
     */
    default String loadBalancerSourceRangesAnnotation() {
        return "service.beta.kubernetes.io/load-balancer-source-ranges";
    }

    /** Registers this cloud's resources (node pool, IAM, add-ons) and the Kubernetes provider for the cluster. */
    ClusterConnection connect(Settings settings, Placement placement);
}
