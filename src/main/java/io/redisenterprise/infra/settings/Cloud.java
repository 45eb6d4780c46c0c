package io.redisenterprise.infra.settings;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The target a stack deploys to, as spelled in the {@code redis-enterprise:cloud} key. */
public enum Cloud {
    AWS("aws"),
    GCP("gcp"),
    AZURE("azure"),
    KUBERNETES("kubernetes");

    private final String key;

    Cloud(String key) {
        this.key = key;
    }

    /** The value users write in their stack file. */
    public String key() {
        return key;
    }

    public static Optional<Cloud> fromKey(String value) {
        return Arrays.stream(values()).filter(c -> c.key.equals(value)).findFirst();
    }

    public static String allowedValues() {
        return Arrays.stream(values()).map(Cloud::key).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return key;
    }
}
