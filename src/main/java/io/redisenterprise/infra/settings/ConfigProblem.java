package io.redisenterprise.infra.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * One user error in the stack configuration, rendered as a single line:
 * {@code <namespace>:<key>: <rule>, got <value>}.
 */
public record ConfigProblem(String key, String rule, String got) {
    private static final ObjectMapper LISTS = new ObjectMapper();

    /** A list as a problem's value shows it, as the stack file's own values are shown: JSON, {@code ["a","b"]}. */
    public static String show(List<?> values) {
        return LISTS.valueToTree(values).toString();
    }

    @Override
    public String toString() {
        return key + ": " + rule + ", got " + got;
    }
}
