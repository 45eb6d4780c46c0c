package io.redisenterprise.infra.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, reporting access to one object-valued config key (e.g. {@code redis-enterprise:redis}). Every
 * accessor records a {@link ConfigProblem} instead of throwing, so all problems are reported at once.
 */
final class ConfigObject {
    private final String key;
    private final JsonNode node;
    private final Problems problems;

    ConfigObject(String key, JsonNode node, Problems problems) {
        this.key = key;
        this.node = node == null ? MissingNode.getInstance() : node;
        this.problems = problems;
    }

    String key() {
        return key;
    }

    String keyOf(String field) {
        return key + "." + field;
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** Refuses fields this object does not define, so a typo is never silently ignored. */
    void refuseUnknown(Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(keyOf(name), "unknown key; known keys are " + String.join(", ", new TreeSet<>(known)),
                        Problems.show(node.get(name)));
            }
        }
    }

    /** Refuses a field that the chosen cloud does not use. */
    void refuseUnless(boolean applies, String field, String rule) {
        if (!applies && has(field)) {
            problems.add(keyOf(field), rule, Problems.show(node.get(field)));
        }
    }

    Optional<String> string(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode v = node.get(field);
        if (!v.isValueNode() || v.asText().isBlank()) {
            problems.add(keyOf(field), "must be a non-empty string", Problems.show(v));
            return Optional.empty();
        }
        return Optional.of(v.asText().trim());
    }

    OptionalInt integer(String field) {
        if (!has(field)) {
            return OptionalInt.empty();
        }
        JsonNode v = node.get(field);
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return OptionalInt.of(v.intValue());
        }
        if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()) && Math.abs(v.doubleValue()) < Integer.MAX_VALUE) {
            return OptionalInt.of((int) v.doubleValue());
        }
        if (v.isTextual() && v.asText().trim().matches("-?[0-9]{1,9}")) {
            return OptionalInt.of(Integer.parseInt(v.asText().trim()));
        }
        problems.add(keyOf(field), "must be a whole number", Problems.show(v));
        return OptionalInt.empty();
    }

    Optional<Boolean> bool(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode v = node.get(field);
        if (v.isBoolean()) {
            return Optional.of(v.booleanValue());
        }
        if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
            return Optional.of(Boolean.parseBoolean(v.asText()));
        }
        problems.add(keyOf(field), "must be true or false", Problems.show(v));
        return Optional.empty();
    }

    Optional<Quantity> quantity(String field) {
        Optional<String> text = string(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Quantity> q = Quantity.parse(text.get());
        if (q.isEmpty()) {
            problems.add(keyOf(field), "must be a Kubernetes quantity such as 4Gi or 500m", Problems.quote(text.get()));
            return Optional.empty();
        }
        if (!q.get().isPositive()) {
            problems.add(keyOf(field), "must be positive", Problems.quote(text.get()));
            return Optional.empty();
        }
        return q;
    }

    Optional<List<String>> stringList(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode v = node.get(field);
        if (!v.isArray()) {
            problems.add(keyOf(field), "must be a list of strings", Problems.show(v));
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
                problems.add(keyOf(field), "must be a list of non-empty strings", Problems.show(v));
                return Optional.empty();
            }
            out.add(item.asText().trim());
        }
        return Optional.of(out);
    }

    Optional<Map<String, String>> stringMap(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode v = node.get(field);
        if (!v.isObject()) {
            problems.add(keyOf(field), "must be a map of strings to strings", Problems.show(v));
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        var fields = v.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                problems.add(keyOf(field) + "." + e.getKey(), "must be a string", Problems.show(e.getValue()));
                continue;
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return Optional.of(out);
    }
}
