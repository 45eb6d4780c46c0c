package io.redisenterprise.infra.platform;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.kubernetes.storage.v1.StorageClassArgs;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Registers the StorageClass for Redis Enterprise data from a cloud's {@link StorageClassSpec}, with the
 * policies every cloud shares: volumes bind in the zone the pod is scheduled to, grow in place, and outlive
 * their claims.
 *
 * <p>A class's parameters are immutable in Kubernetes: the provider replaces the class when {@code .parameters}
 * or {@code .provisioner} change (provider/pkg/provider/diff.go @v4.32.0), deleting it first because its name stays
 * the same (provider.go {@code Diff}, {@code deleteBeforeReplace}). Existing volumes are untouched by that (a
 * PersistentVolume records its own parameters when provisioned; with {@code reclaimPolicy: Retain} nothing deletes
 * it), and keep their old disk type, performance and key: only volumes provisioned afterwards get the new values.
 * So that such a change is never silent, the class's parameters are a stack output ({@value #PARAMETERS_OUTPUT}),
 * and each {@code preview}/{@code up} reads the stack's own previous outputs and warns when they differ.
 */
public final class RedisStorageClass {
    public static final String BINDING_MODE = "WaitForFirstConsumer";
    public static final String RECLAIM_POLICY = "Retain";
    /** The stack output holding what the class was last deployed with: {name, provisioner, parameters}. */
    public static final String PARAMETERS_OUTPUT = "storageClassParameters";

    private RedisStorageClass() {
    }

    /**
     * Registers the class, exports its parameters and warns (through {@code ctx.log()}) when they differ from
     * those the stack last deployed.
     */
    public static StorageClass register(Context ctx, PreviousDeployment previous, StorageClassSpec spec, Provider provider) {
        return register(ctx, previous, spec, provider, ctx.log()::warn);
    }

    static StorageClass register(Context ctx, PreviousDeployment previous, StorageClassSpec spec, Provider provider,
                                 Consumer<String> warn) {
        StorageClass storageClass = register(spec, provider);
        // A stack never deployed has no previous value: nothing is compared. The export waits for the comparison, so
        // the warning is logged before the program ends.
        ctx.export(PARAMETERS_OUTPUT, previous.output(PARAMETERS_OUTPUT).applyValue(last -> {
            changeWarning(last, spec).ifPresent(warn);
            return deployed(spec);
        }));
        return storageClass;
    }

    static StorageClass register(StorageClassSpec spec, Provider provider) {
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

    /** The value of the {@value #PARAMETERS_OUTPUT} output: {@code {name, provisioner, parameters}}, keys sorted. */
    public static Map<String, Object> deployed(StorageClassSpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", spec.name());
        out.put("provisioner", spec.provisioner());
        out.put("parameters", new TreeMap<>(spec.parameters()));
        return out;
    }

    /**
     * The warning for a class whose provisioner or parameters differ from the previous deployment's
     * {@value #PARAMETERS_OUTPUT} output, or empty (no previous value, another class name, nothing changed).
     */
    public static Optional<String> changeWarning(Object previous, StorageClassSpec spec) {
        if (!(previous instanceof Map<?, ?> last) || !spec.name().equals(last.get("name"))) {
            return Optional.empty();
        }
        List<String> changes = new ArrayList<>();
        if (!spec.provisioner().equals(last.get("provisioner"))) {
            changes.add("provisioner " + last.get("provisioner") + " -> " + spec.provisioner());
        }
        Map<?, ?> lastParameters = last.get("parameters") instanceof Map<?, ?> m ? m : Map.of();
        TreeSet<String> keys = new TreeSet<>(spec.parameters().keySet());
        lastParameters.keySet().forEach(k -> keys.add(String.valueOf(k)));
        for (String key : keys) {
            Object before = lastParameters.get(key);
            String after = spec.parameters().get(key);
            if (!Objects.equals(before == null ? null : String.valueOf(before), after)) {
                changes.add(key + " " + (before == null ? "(unset)" : before) + " -> " + (after == null ? "(unset)" : after));
            }
        }
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("StorageClass " + spec.name() + " changes (" + String.join(", ", changes) + "). A class's"
                + " parameters cannot change in place, so the class is deleted and created again. Existing volumes keep"
                + " their old disk type, performance and encryption key: only volumes created from now on get the new"
                + " values. To change the existing volumes, see the README, \"Changing the storage of existing volumes\".");
    }
}
