package io.redisenterprise.infra.platform;

import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.kubernetes.storage.v1.StorageClassArgs;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;

/**
 * Registers the StorageClass for Redis Enterprise data from a cloud's {@link StorageClassSpec}, with the
 * policies every cloud shares: volumes bind in the zone the pod is scheduled to, grow in place, and outlive
 * their claims.
 */
public final class RedisStorageClass {
    public static final String BINDING_MODE = "WaitForFirstConsumer";
    public static final String RECLAIM_POLICY = "Retain";

    private RedisStorageClass() {
    }

    public static StorageClass register(StorageClassSpec spec, Provider provider) {
        return new StorageClass(spec.name() + "-storage-class", StorageClassArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(spec.name())
                        .labels(Map.of("app.kubernetes.io/managed-by", "pulumi", "app", "redis-enterprise"))
                        .build())
                .provisioner(spec.provisioner())
                .parameters(spec.parameters())
                .volumeBindingMode(BINDING_MODE)
                .allowVolumeExpansion(true)
                .reclaimPolicy(RECLAIM_POLICY)
                .build(), CustomResourceOptions.builder().provider(provider).build());
    }
}
