package io.redisenterprise.infra.plan;

import com.pulumi.Log;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.Mocks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private final List<Mocks.ResourceArgs> registered = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Set<String>> secretInputs = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        registered.add(args);
        Map<String, Object> state = new HashMap<>(args.inputs);
        PlanPlaceholders.computedOutputs(args.type, args.name).forEach(state::putIfAbsent);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-" + PlanPlaceholders.MARK), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(PlanPlaceholders.invoke(args.token, args.args));
    }

    /**
     * A transformation that sees each resource's inputs before they are serialised (the mock engine later
     * receives them unwrapped) and remembers which top-level inputs are secret outputs.
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
            return Optional.empty();
        };
    }

    /** What was registered, in registration order, with parents resolved from the engine's URNs. */
    public List<PlannedResource> resources(Map<String, String> parentTypeByResource) {
        List<PlannedResource> out = new ArrayList<>();
        synchronized (registered) {
            for (ResourceArgs r : registered) {
                String key = r.type + "::" + r.name;
                out.add(new PlannedResource(r.type, r.name,
                        Optional.ofNullable(parentTypeByResource.get(key)),
                        Optional.ofNullable(r.provider).filter(p -> !p.isEmpty()).map(PlanMocks::providerName),
                        normalise(r.inputs),
                        Set.copyOf(secretInputs.getOrDefault(key, Set.of()))));
            }
        }
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
