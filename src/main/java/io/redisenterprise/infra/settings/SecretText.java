package io.redisenterprise.infra.settings;

import java.util.Objects;

/** A secret string from configuration; it never prints its value. */
public final class SecretText {
    /** What a secret prints as, everywhere: logs, error lines, the offline plan. */
    public static final String MASK = "[secret]";

    private final String value;

    public SecretText(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** The plaintext, for handing to Pulumi as a secret output only. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretText s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
