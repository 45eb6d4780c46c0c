package io.redisenterprise.infra.settings;

/**
 * How the cluster is deployed ({@code redis.deployment}) and, in operator mode, the operator
 * ({@code redis-enterprise:operator}, defaults when the stack does not set it).
 */
public record DeploymentSettings(DeploymentMode mode, OperatorSettings operator) {

    public boolean usesOperator() {
        return mode == DeploymentMode.OPERATOR;
    }
}
