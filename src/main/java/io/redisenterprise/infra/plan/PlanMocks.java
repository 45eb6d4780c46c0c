package io.redisenterprise.infra.plan;

import com.pulumi.Log;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.Mocks;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mock engine's view of the program: it records every registration with its inputs, answers look-ups with
 * {@link PlanPlaceholders}, and notes which inputs the program marked secret.
 */
public final class PlanMocks implements Mocks {
    static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";
    private final List<Mocks.ResourceArgs> registered = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Set<String>> secretInputs = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> options = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        registered.add(args);
        Map<String, Object> state = new HashMap<>(args.inputs);
        PlanPlaceholders.computedOutputs(args.type, args.name).forEach(state::putIfAbsent);
        if (args.type.equals(STACK_REFERENCE)) {
            // The plan has no previous deployment: a stack reference reads no outputs.
            state.putIfAbsent("outputs", Map.of());
            state.putIfAbsent("secretOutputNames", List.of());
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-" + PlanPlaceholders.MARK), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(PlanPlaceholders.invoke(args.token, args.args));
    }

    /**
     * A transformation that sees each resource's inputs and options before they are serialised (the mock engine
     * later receives inputs unwrapped and no options): it notes secret top-level inputs, the parent, explicit
     * dependencies, the protection options and an explicit provider's plugin version, so plan.json can show them.
     */
    public ResourceTransformation secretTracker() {
        return args -> {
            String key = args.resource().pulumiResourceType() + "::" + args.resource().pulumiResourceName();
            Set<String> secrets = ConcurrentHashMap.newKeySet();
            secretInputs.put(key, secrets);
            Internal.from(args.args()).toMapAsync(Log.ignore()).thenAccept(inputs -> inputs.forEach((name, output) ->
                    Internal.of(output).getDataAsync().thenAccept(data -> {
                        if (data.isSecret()) {
                            secrets.add(name);
                        }
                    })));
            Map<String, Object> opts = new ConcurrentHashMap<>();
            options.put(key, opts);
            ResourceOptions o = args.options();
            o.getParent().ifPresent(p -> opts.put("parent", p.pulumiResourceType() + "::" + p.pulumiResourceName()));
            if (o.getDependsOn() != null) {
                Internal.of(o.getDependsOn()).getDataAsync().thenAccept(d -> {
                    List<Resource> deps = d.getValueNullable();
                    if (deps != null && !deps.isEmpty()) {
                        opts.put("dependsOn", deps.stream()
                                .map(r -> r.pulumiResourceType() + "::" + r.pulumiResourceName()).sorted().toList());
                    }
                });
            }
            // The plugin an explicit provider runs: its version option (the SDK merges its own default under
            // it). Other resources' version option is ignored by the engine when they name an explicit provider,
            // and equals the SDK default otherwise (see PlanDocuments#plugins), so it is not repeated on each.
            if (args.resource() instanceof ProviderResource) {
                o.getVersion().ifPresent(v -> opts.put("version", v));
            }
            o.getProtect().ifPresent(v -> opts.put("protect", v));
            o.getRetainOnDelete().ifPresent(v -> opts.put("retainOnDelete", v));
            if (o.getReplaceOnChanges() != null && !o.getReplaceOnChanges().isEmpty()) {
                opts.put("replaceOnChanges", List.copyOf(o.getReplaceOnChanges()));
            }
            if (o instanceof CustomResourceOptions c) {
                c.getDeleteBeforeReplaceOptional().ifPresent(v -> opts.put("deleteBeforeReplace", v));
            }
            customTimeouts(o).ifPresent(t -> opts.put("customTimeouts", t));
            ignoreChanges(o).ifPresent(l -> opts.put("ignoreChanges", l));
            return Optional.empty();
        };
    }

    /** Custom timeouts as Pulumi users write them, when the resource sets any. */
    private static Optional<Map<String, String>> customTimeouts(ResourceOptions o) {
        return optionField(o, "customTimeouts", CustomTimeouts.class).map(t -> {
            Map<String, String> m = new TreeMap<>();
            t.getCreate().ifPresent(d -> m.put("create", readable(d)));
            t.getUpdate().ifPresent(d -> m.put("update", readable(d)));
            t.getDelete().ifPresent(d -> m.put("delete", readable(d)));
            return m;
        });
    }

    /** Durations as Pulumi users write them: 25m, 90s. */
    private static String readable(java.time.Duration d) {
        if (d.toSeconds() % 60 == 0) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }

    @SuppressWarnings("unchecked")
    private static Optional<List<String>> ignoreChanges(ResourceOptions o) {
        return optionField(o, "ignoreChanges", List.class).filter(l -> !l.isEmpty())
                .map(l -> List.copyOf((List<String>) l));
    }

    /**
     * A resource option the SDK keeps in a field without a getter (custom timeouts, ignored changes), read so
     * reviewers see it; empty if the field is unset, or if a later SDK renames it (the plan just omits it then).
     */
    private static <T> Optional<T> optionField(ResourceOptions o, String name, Class<T> type) {
        try {
            Field f = ResourceOptions.class.getDeclaredField(name);
            f.setAccessible(true);
            Object value = f.get(o);
            return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What was registered, in a deterministic order (registration order depends on thread timing): by layer,
     * then type, then name, so the same stack always yields the same plan.json.
     */
    public List<PlannedResource> resources() {
        List<PlannedResource> out = new ArrayList<>();
        synchronized (registered) {
            for (ResourceArgs r : registered) {
                String key = r.type + "::" + r.name;
                Map<String, Object> opts = new TreeMap<>(options.getOrDefault(key, Map.of()));
                Object parent = opts.remove("parent");
                out.add(new PlannedResource(r.type, r.name,
                        Optional.ofNullable((String) parent),
                        Optional.ofNullable(r.provider).filter(p -> !p.isEmpty()).map(PlanMocks::providerName),
                        normalise(r.inputs),
                        Set.copyOf(secretInputs.getOrDefault(key, Set.of())),
                        opts));
            }
        }
        out.sort(java.util.Comparator.comparing(PlannedResource::layerRank)
                .thenComparing(PlannedResource::type).thenComparing(PlannedResource::name));
        return out;
    }

    private static String providerName(String providerRef) {
        // urn:pulumi:<stack>::<project>::<chain>::<name>::<id>
        String[] parts = providerRef.split("::");
        return parts.length >= 4 ? parts[parts.length - 3].substring(parts[parts.length - 3].lastIndexOf('$') + 1)
                + "::" + parts[parts.length - 2] : providerRef;
    }

    /** The engine hands numbers over as doubles; Kubernetes wants an integer to stay an integer. */
    @SuppressWarnings("unchecked")
    static <T> T normalise(T value) {
        if (value instanceof Map<?, ?> map) {
            // Sorted keys: the same program always writes the same documents (stable GitOps diffs).
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    out.put(String.valueOf(k), normalise(v));
                }
            });
            return (T) out;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(PlanMocks::normalise).toList();
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 9.0e15) {
            return (T) Long.valueOf(d.longValue());
        }
        return value;
    }
}
