package io.redisenterprise.infra.redis;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;

/**
 * A Kubernetes object of a kind the pinned Kubernetes SDK has no class for (admission policies, GA in Kubernetes 1.30;
 * the operator's RedisEnterpriseCluster and RedisEnterpriseDatabase), registered with the provider's generic type
 * token {@code kubernetes:<apiVersion>:<kind>}.
 */
public class KubernetesObject extends CustomResource {
    /**
     * The object's {@code status} as the provider reads it back after creating or updating it (for a custom
     * resource awaited with {@code pulumi.com/waitFor}, the status that satisfied the wait); empty in the plan.
     */
    @Export(name = "status", refs = {Map.class, String.class, Object.class}, tree = "[0,1,2]")
    private Output<Map<String, Object>> status;

    /** The object's apiVersion, kind, metadata and spec, as plain data. */
    public static final class Args extends ResourceArgs {
        @Import(name = "apiVersion", required = true)
        private final Output<String> apiVersion;
        @Import(name = "kind", required = true)
        private final Output<String> kind;
        @Import(name = "metadata", required = true)
        private final Output<Map<String, Object>> metadata;
        @Import(name = "spec", required = true)
        private final Output<Map<String, Object>> spec;

        public Args(String apiVersion, String kind, Map<String, Object> metadata, Map<String, Object> spec) {
            this.apiVersion = Output.of(apiVersion);
            this.kind = Output.of(kind);
            this.metadata = Output.of(metadata);
            this.spec = Output.of(spec);
        }
    }

    public KubernetesObject(String name, String apiVersion, String kind, Map<String, Object> metadata,
                            Map<String, Object> spec, CustomResourceOptions options) {
        super("kubernetes:" + apiVersion + ":" + kind, name, new Args(apiVersion, kind, metadata, spec), options);
    }

    /** The object's status (a map as the API returns it), once the provider has read it back. */
    public Output<Map<String, Object>> status() {
        return status;
    }
}
