package io.redisenterprise.infra.settings;

import io.redisenterprise.infra.settings.sizing.NodeCompanions;
import java.util.Arrays;
import java.util.Optional;

/**
 * How the Redis Enterprise cluster is deployed ({@code redis.deployment}). Both modes share settings, placement,
 * the storage class and sizing; they differ in who forms and manages the cluster.
 */
public enum DeploymentMode {
    /**
     * Production: the official Redis Enterprise operator (installed from its Helm chart) manages a
     * RedisEnterpriseCluster custom resource this program declares.
     */
    OPERATOR("operator", NodeCompanions.OPERATOR),
    /**
     * Development and test, or clusters where no operator may be installed: this program's own StatefulSet with its
     * bootstrap sidecar.
     */
    STATEFULSET("statefulset", NodeCompanions.STATEFULSET);

    private final String key;
    private final NodeCompanions companions;

    DeploymentMode(String key, NodeCompanions companions) {
        this.key = key;
        this.companions = companions;
    }

    /** The value users write in {@code redis.deployment}. */
    public String key() {
        return key;
    }

    /** What shares each Redis VM with the Redis Enterprise container in this mode; sizing leaves room for it. */
    public NodeCompanions companions() {
        return companions;
    }

    public static Optional<DeploymentMode> fromKey(String value) {
        return Arrays.stream(values()).filter(m -> m.key.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
