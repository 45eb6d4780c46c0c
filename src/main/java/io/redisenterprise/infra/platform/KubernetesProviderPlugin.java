package io.redisenterprise.infra.platform;

import com.pulumi.resources.CustomResourceOptions;

/**
 * The pulumi-kubernetes provider plugin every explicit Kubernetes {@code Provider} of this program runs, pinned
 * with the {@code version} resource option so that it no longer follows the Kubernetes Java SDK's default.
 *
 * <p>Why not the default: the Java SDK in use (com.pulumi:kubernetes 4.0.0) names plugin 4.0.0 in its
 * {@code com/pulumi/kubernetes/version.txt}. Plugin 4.0.0 normalises every object whose apiVersion is built in
 * through client-go v0.27's scheme at Check and returns the error for a kind that scheme lacks, so the scale-down
 * guard ({@code admissionregistration.k8s.io/v1} ValidatingAdmissionPolicy and its Binding) fails {@code preview}
 * and {@code up} (provider/pkg/clients/unstructured.go {@code Normalize} @v4.0.0; fixed by PR #2504 in 4.0.1;
 * the kinds became fully known in 4.11.0, PR #2932).
 *
 * <p>Why {@value #VERSION}: the newest release (CHANGELOG "## 4.32.0 (June 5, 2026)", tag v4.32.0 =
 * a03ff6ba58d2f1ea68319dda4b2c982119489c71 of github.com/pulumi/pulumi-kubernetes). It knows every built-in kind
 * up to Kubernetes 1.36 (provider/pkg/kinds/kinds.go @v4.32.0), supports {@code pulumi.com/waitFor} (since 4.18.0,
 * fixed in 4.18.4), fixes a StatefulSet await race that could report a rollout complete too early (4.26.0) and
 * refuses to adopt an existing object on create (4.29.0, no {@code upsertExistingObjects}), so a resource renamed
 * without an alias can no longer delete the object it adopted. docs/architecture.md lists the behaviour changes
 * between 4.18.4 and this version and why each is acceptable.
 *
 * <p>Only an explicit provider honours the option: a Kubernetes resource without one would run the SDK's default
 * plugin, so every stack file sets {@code pulumi:disable-default-providers: [kubernetes]} and the tests check that
 * every Kubernetes resource uses a provider carrying this version.
 */
public final class KubernetesProviderPlugin {
    /** The pulumi-kubernetes plugin version, without a leading "v" (as Pulumi's {@code version} option takes it). */
    public static final String VERSION = "4.32.0";

    private KubernetesProviderPlugin() {
    }

    /** Options for an explicit {@code com.pulumi.kubernetes.Provider}: the pinned plugin version. */
    public static CustomResourceOptions providerOptions() {
        return CustomResourceOptions.builder().version(VERSION).build();
    }
}
