package io.redisenterprise.infra.plan;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers for the look-ups of existing infrastructure (the cluster, its OIDC provider, its credentials) when
 * there is no cloud account. Every value says it is a placeholder, so nobody mistakes it for a real one.
 */
final class PlanPlaceholders {
    static final String MARK = "plan-placeholder";
    static final String CA_DATA = Base64.getEncoder().encodeToString(
            ("-----BEGIN CERTIFICATE-----\n" + MARK + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.UTF_8));

    private PlanPlaceholders() {
    }

    /** The invoke result for a function token, or an empty map for look-ups the program does not make. */
    static Map<String, Object> invoke(String token, Map<String, Object> args) {
        String name = String.valueOf(args.getOrDefault("name", MARK));
        return switch (token) {
            case "aws:eks/getCluster:getCluster" -> Map.of(
                    "name", name,
                    "arn", "arn:aws:eks:" + MARK + ":000000000000:cluster/" + name,
                    "endpoint", "https://" + MARK + ".eks.amazonaws.com",
                    "certificateAuthorities", List.of(Map.of("data", CA_DATA)),
                    "identities", List.of(Map.of("oidcs", List.of(Map.of(
                            "issuer", "https://oidc.eks." + MARK + ".amazonaws.com/id/" + MARK.toUpperCase())))),
                    "version", "1.31",
                    "status", "ACTIVE",
                    "id", name);
            case "aws:eks/getAddonVersion:getAddonVersion" -> Map.of(
                    "addonName", String.valueOf(args.getOrDefault("addonName", MARK)),
                    "kubernetesVersion", String.valueOf(args.getOrDefault("kubernetesVersion", MARK)),
                    "version", "v0.0.0-" + MARK,
                    "id", MARK);
            case "aws:iam/getOpenIdConnectProvider:getOpenIdConnectProvider" -> Map.of(
                    "arn", "arn:aws:iam::000000000000:oidc-provider/"
                            + String.valueOf(args.getOrDefault("url", MARK)).replaceFirst("^https://", ""),
                    "url", String.valueOf(args.getOrDefault("url", MARK)),
                    "id", MARK);
            case "gcp:container/getCluster:getCluster" -> Map.of(
                    "name", name,
                    "endpoint", "203.0.113.10",
                    "masterAuths", List.of(Map.of("clusterCaCertificate", CA_DATA)),
                    "id", MARK);
            case "azure-native:containerservice:listManagedClusterUserCredentials" -> Map.of(
                    "kubeconfigs", List.of(Map.of("name", "clusterUser", "value", Base64.getEncoder().encodeToString(
                            ("apiVersion: v1\nkind: Config\n# " + MARK + ": the real kubeconfig comes from AKS at pulumi up\n")
                                    .getBytes(StandardCharsets.UTF_8)))));
            default -> new HashMap<>();
        };
    }

    /** Outputs a provider computes on create, added to the inputs as the resource's state. */
    static Map<String, Object> computedOutputs(String type, String name) {
        return switch (type) {
            case "aws:iam/role:Role" -> Map.of("arn", "arn:aws:iam::000000000000:role/" + name, "name", name);
            case "aws:eks/addon:Addon" -> Map.of("arn", "arn:aws:eks:" + MARK + ":000000000000:addon/" + name);
            default -> Map.of();
        };
    }
}
