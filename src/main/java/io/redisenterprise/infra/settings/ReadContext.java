package io.redisenterprise.infra.settings;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every per-object reader needs: the chosen cloud, the configuration the schema has checked (with the
 * values it refused), where problems and warnings go, and the raw source for secrets.
 */
record ReadContext(Cloud cloud, ConfigSource source, ConfigDocument document, Set<String> invalid,
                   Problems problems, List<String> warnings, StackSchema schema, boolean planning) {

    /** The object-valued key {@code redis-enterprise:<key>}, e.g. {@code redis}. */
    ConfigObject object(String key) {
        String full = SettingsLoader.NAMESPACE + ":" + key;
        return objectAt(key, full, List.of(full), document.value(full));
    }

    /** The i-th object of a list-valued key, e.g. {@code databases[1]}. */
    ConfigObject element(String key, int index) {
        String full = SettingsLoader.NAMESPACE + ":" + key;
        return objectAt(key + "[" + index + "]", full, List.of(full, index), document.value(full).path(index));
    }

    private ConfigObject objectAt(String name, String fullKey, List<Object> path, com.fasterxml.jackson.databind.JsonNode node) {
        String pointer = StackSchema.pointerOf(path);
        Set<String> fields = new HashSet<>();
        boolean whole = false;
        for (String p : invalid) {
            if (p.equals(pointer)) {
                whole = true;
            } else if (p.startsWith(pointer + "/")) {
                fields.add(p.substring(pointer.length() + 1));
            }
        }
        return new ConfigObject(name, fullKey, whole ? null : node, fields, problems, schema);
    }

    /** A scalar key's text when it is set and passed the schema, e.g. {@code aws:region}. */
    Optional<String> scalar(String fullKey) {
        if (invalid.contains(StackSchema.pointerOf(List.of(fullKey)))) {
            return Optional.empty();
        }
        var v = document.value(fullKey);
        return v.isValueNode() && !v.asText().isBlank() ? Optional.of(v.asText().trim()) : Optional.empty();
    }

    /** A scalar key of another namespace that the chosen cloud needs; a problem when it is missing. */
    String requiredQualified(String fullKey, String rule) {
        Optional<String> value = scalar(fullKey);
        if (value.isEmpty() && document.value(fullKey).isMissingNode()) {
            problems.addQualified(fullKey, rule, Problems.NOTHING);
        }
        return value.orElse("");
    }
}
