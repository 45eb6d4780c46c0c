package io.redisenterprise.infra.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems so that every one of them is reported in a single run. */
final class Problems {
    private final String namespace;
    private final List<ConfigProblem> list = new ArrayList<>();

    Problems(String namespace) {
        this.namespace = namespace;
    }

    /** A problem with a key of this project's namespace, e.g. {@code redis.nodes}. */
    void add(String key, String rule, String got) {
        list.add(new ConfigProblem(namespace + ":" + key, rule, got));
    }

    /** A problem with a fully qualified key of another namespace, e.g. {@code aws:region}. */
    void addQualified(String fullKey, String rule, String got) {
        list.add(new ConfigProblem(fullKey, rule, got));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<ConfigProblem> all() {
        return List.copyOf(list);
    }

    static final String NOTHING = "nothing";

    static String quote(Object value) {
        return value == null ? NOTHING : "\"" + value + "\"";
    }

    static String show(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return NOTHING;
        }
        return node.isTextual() ? quote(node.asText()) : node.toString();
    }
}
