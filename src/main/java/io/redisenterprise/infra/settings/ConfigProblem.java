package io.redisenterprise.infra.settings;

/**
 * One user error in the stack configuration, rendered as a single line:
 * {@code <namespace>:<key>: <rule>, got <value>}.
 */
public record ConfigProblem(String key, String rule, String got) {

    @Override
    public String toString() {
        return key + ": " + rule + ", got " + got;
    }
}
