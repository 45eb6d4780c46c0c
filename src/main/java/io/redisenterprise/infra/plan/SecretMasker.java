package io.redisenterprise.infra.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces secret values with {@value StackFile#SECRET_PLACEHOLDER}: whole inputs the program marked secret,
 * and any other string containing a known secret text (so a password copied into another field is masked too).
 * Which texts are secret is the caller's choice ({@link PlanRun}): the values that are secret at their source.
 */
final class SecretMasker {
    static final String MASK = StackFile.SECRET_PLACEHOLDER;
    private final Set<String> secretTexts;

    SecretMasker(Set<String> secretTexts) {
        this.secretTexts = Set.copyOf(secretTexts);
    }

    /**
     * A secret value that is a single text (not a map or list): all of it is the secret, so its text is masked
     * wherever it appears.
     */
    static void collectScalar(Object value, Set<String> into) {
        if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
            collectLeaves(value, into);
        }
    }

    /** Every string leaf of a secret value: these texts are masked wherever they appear. */
    static void collectLeaves(Object value, Set<String> into) {
        if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> collectLeaves(v, into));
        } else if (value instanceof List<?> l) {
            l.forEach(v -> collectLeaves(v, into));
        } else if (value != null) {
            String s = String.valueOf(value);
            if (s.length() >= 4) {
                into.add(s);
            }
        }
    }

    /** Masks every leaf, keeping the shape (keys stay visible: they say what is secret, not the value). */
    static Object maskAll(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), maskAll(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(SecretMasker::maskAll).toList();
        }
        return MASK;
    }

    Object maskKnown(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), maskKnown(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(this::maskKnown).toList();
        }
        if (value instanceof String s && secretTexts.stream().anyMatch(s::contains)) {
            return MASK;
        }
        return value;
    }

    Map<String, Object> maskInputs(Map<String, Object> inputs, Set<String> secretNames) {
        Map<String, Object> out = new LinkedHashMap<>();
        inputs.forEach((k, v) -> out.put(k, secretNames.contains(k) ? maskAll(v) : maskKnown(v)));
        return out;
    }
}
