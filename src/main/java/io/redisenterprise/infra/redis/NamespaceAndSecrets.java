package io.redisenterprise.infra.redis;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.redisenterprise.infra.settings.CredentialSettings;
import java.util.Map;
import java.util.Optional;

/**
 * The namespace and the two Secrets both deployments create alike: Secret {@code <cluster>-admin} with {@code username}
 * and {@code password} (the operator's {@code clusterCredentialSecretName} format,
 * https://redis.io/docs/latest/operate/kubernetes/security/manage-rec-credentials/; the bootstrap sidecar mounts the
 * same keys) and, with a licence, Secret {@code <cluster>-license} with key {@code license} (the operator's
 * {@code licenseSecretName} format). Pulumi names stay those of the first version ({@code <cluster>-namespace},
 * {@code <cluster>-admin-credentials}, {@code <cluster>-license}), each a child of the calling component, so existing
 * stacks see no replacement. The values come from Pulumi secrets and stay secrets ({@code stringData} as a whole).
 */
public final class NamespaceAndSecrets {
    /** The Pulumi resource names (the first version's; changing one would replace the object). */
    static final String NAMESPACE_SUFFIX = "-namespace";
    static final String CREDENTIALS_SUFFIX = "-admin-credentials";
    static final String LICENSE_SUFFIX = "-license";

    private NamespaceAndSecrets() {
    }

    /** The Secret with {@code username} and {@code password}: {@code <cluster>-admin}. */
    public static String credentialsSecretName(String cluster) {
        return cluster + "-admin";
    }

    /** The Secret with key {@code license}: {@code <cluster>-license}. */
    public static String licenseSecretName(String cluster) {
        return cluster + "-license";
    }

    /**
     * The namespace, named {@code namespace}, with the given labels (the caller adds its Pod Security labels). Deleting
     * it would delete every claim in it, so the caller protects it with the cluster.
     */
    public static Namespace namespace(String cluster, String namespace, Map<String, String> labels,
                                      CustomResourceOptions options) {
        return new Namespace(cluster + NAMESPACE_SUFFIX, NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(namespace).labels(labels).build())
                .build(), options);
    }

    /** The administrator's Secret, {@link #credentialsSecretName}, in {@code namespace}. */
    public static Secret adminCredentials(String cluster, String namespace, Map<String, String> labels,
                                          CredentialSettings credentials, CustomResourceOptions options) {
        return new Secret(cluster + CREDENTIALS_SUFFIX, SecretArgs.builder()
                .metadata(meta(credentialsSecretName(cluster), namespace, labels))
                .type("Opaque")
                .stringData(Output.ofSecret(Map.of(
                        "username", credentials.adminUsername(),
                        "password", credentials.adminPassword().reveal())))
                .build(), options);
    }

    /** The licence's Secret, {@link #licenseSecretName}, when the stack sets a licence. */
    public static Optional<Secret> license(String cluster, String namespace, Map<String, String> labels,
                                           CredentialSettings credentials, CustomResourceOptions options) {
        return credentials.license().map(license -> new Secret(cluster + LICENSE_SUFFIX, SecretArgs.builder()
                .metadata(meta(licenseSecretName(cluster), namespace, labels))
                .type("Opaque")
                .stringData(Output.ofSecret(Map.of("license", license.reveal())))
                .build(), options));
    }

    private static ObjectMetaArgs meta(String name, String namespace, Map<String, String> labels) {
        return ObjectMetaArgs.builder().name(name).namespace(namespace).labels(labels).build();
    }
}
