package io.redisenterprise.infra.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Typed access to one object-valued config key (e.g. {@code redis-enterprise:redis}) after the schema has checked
 * its structure. A field that broke a schema rule reads as absent here and {@link #valid} says so, so the Java
 * rules neither report it twice nor compute anything from it. Literal defaults come from the schema.
 */
final class ConfigObject {
    private final String key;
    private final String fullKey;
    private final JsonNode node;
    /** Paths below this object (e.g. {@code zones/1}) whose values broke a schema rule. */
    private final Set<String> invalidFields;
    private final Problems problems;
    private final StackSchema schema;

    ConfigObject(String key, String fullKey, JsonNode node, Set<String> invalidFields, Problems problems,
                 StackSchema schema) {
        this.key = key;
        this.fullKey = fullKey;
        this.node = node == null || !node.isObject() ? MissingNode.getInstance() : node;
        this.invalidFields = Set.copyOf(invalidFields);
        this.problems = problems;
        this.schema = schema;
    }

    String key() {
        return key;
    }

    String keyOf(String field) {
        return key + "." + field;
    }

    /** The field is set, whether or not its value passed the schema. */
    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** The field is set and its whole value passed the schema: rules that read it may run. */
    boolean valid(String field) {
        return has(field) && usable(field);
    }

    /** The field is absent or valid: a rule that reads it, or its default, may run. */
    boolean usable(String field) {
        return invalidFields.stream().noneMatch(f -> f.equals(field) || f.startsWith(field + "/"));
    }

    /** The field's value as typed, for a refusal's "got": text quoted, numbers and lists as written. */
    String shown(String field) {
        return Problems.show(node.get(field));
    }

    /** Refuses a field that the chosen cloud (or another setting) rules out. */
    void refuseUnless(boolean applies, String field, String rule) {
        if (!applies && has(field)) {
            problems.add(keyOf(field), rule, Problems.show(node.get(field)));
        }
    }

    Optional<String> string(String field) {
        JsonNode v = validNode(field);
        return v != null && v.isTextual() ? Optional.of(v.asText().trim()) : Optional.empty();
    }

    String stringOrDefault(String field) {
        return string(field).orElseGet(() -> declaredDefault(field).asText());
    }

    OptionalInt integer(String field) {
        JsonNode v = validNode(field);
        if (v == null || !v.isIntegralNumber()) {
            return OptionalInt.empty();
        }
        if (!v.canConvertToInt()) {
            problems.add(keyOf(field), "is far too large", v.toString());
            return OptionalInt.empty();
        }
        return OptionalInt.of(v.intValue());
    }

    int integerOrDefault(String field) {
        return integer(field).orElseGet(() -> declaredDefault(field).asInt());
    }

    Optional<Boolean> bool(String field) {
        JsonNode v = validNode(field);
        return v != null && v.isBoolean() ? Optional.of(v.booleanValue()) : Optional.empty();
    }

    boolean boolOrDefault(String field) {
        return bool(field).orElseGet(() -> declaredDefault(field).asBoolean());
    }

    /** A positive Kubernetes quantity: its grammar is the schema's; that it is positive is checked here. */
    Optional<Quantity> quantity(String field) {
        return quantity(field, false);
    }

    /** A Kubernetes quantity that may be zero but not negative (e.g. what DaemonSets request). */
    Optional<Quantity> nonNegativeQuantity(String field) {
        return quantity(field, true);
    }

    private Optional<Quantity> quantity(String field, boolean zeroAllowed) {
        JsonNode v = validNode(field);
        if (v == null || !(v.isTextual() || v.isNumber())) {
            return Optional.empty();
        }
        if (v.isFloatingPointNumber() && !v.isBigDecimal() && !Double.isFinite(v.doubleValue())) {
            // Only a reader that turned the typed digits into a double gets here; the digits are gone.
            problems.add(keyOf(field), Quantity.TOO_LARGE + " (it was read as an infinite number)", Problems.show(v));
            return Optional.empty();
        }
        String text = v.isTextual() ? v.asText().trim() : v.decimalValue().stripTrailingZeros().toPlainString();
        Optional<Quantity> q = Quantity.parse(text);
        if (q.isEmpty()) {
            problems.add(keyOf(field), "must be a Kubernetes quantity such as 4Gi or 500m", Problems.show(v));
            return Optional.empty();
        }
        if (!q.get().representable()) {
            problems.add(keyOf(field), Quantity.TOO_LARGE, Problems.show(v));
            return Optional.empty();
        }
        if (zeroAllowed ? q.get().value().signum() < 0 : !q.get().isPositive()) {
            problems.add(keyOf(field), zeroAllowed ? "must not be negative" : "must be positive", Problems.show(v));
            return Optional.empty();
        }
        return q;
    }

    Optional<List<String>> stringList(String field) {
        JsonNode v = validNode(field);
        if (v == null || !v.isArray()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        v.forEach(item -> out.add(item.asText().trim()));
        return Optional.of(out);
    }

    /**
     * The text items of a list field that passed the schema, by index: one refused item does not keep the Java rules
     * from checking the others.
     */
    Map<Integer, String> usableItems(String field) {
        JsonNode v = node.get(field);
        Map<Integer, String> out = new LinkedHashMap<>();
        if (v == null || !v.isArray() || invalidFields.contains(field)) {
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i).isTextual() && usable(field + "/" + i)) {
                out.put(i, v.get(i).asText().trim());
            }
        }
        return out;
    }

    Optional<Map<String, String>> stringMap(String field) {
        JsonNode v = validNode(field);
        if (v == null || !v.isObject()) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return Optional.of(out);
    }

    /** A nested object field, e.g. nodePool.daemonSetAllowance. */
    ConfigObject object(String field) {
        Set<String> nested = new java.util.HashSet<>();
        String prefix = field + "/";
        invalidFields.stream().filter(f -> f.startsWith(prefix)).forEach(f -> nested.add(f.substring(prefix.length())));
        JsonNode v = invalidFields.contains(field) ? null : node.get(field);
        return new ConfigObject(keyOf(field), fullKey, v, nested, problems, schema);
    }

    private JsonNode validNode(String field) {
        if (!valid(field)) {
            return null;
        }
        return node.get(field);
    }

    private JsonNode declaredDefault(String field) {
        return schema.defaultOf(fullKey, field).orElseThrow(() -> new IllegalStateException(
                "the stack schema declares no default for " + fullKey + "." + field));
    }
}
