package io.redisenterprise.infra.redis.operator;

import io.redisenterprise.infra.settings.OperatorRelease;
import io.redisenterprise.infra.settings.OperatorSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The official Helm chart of the Redis Enterprise operator and the values this program sets, from
 * github.com/RedisLabs/redis-enterprise-helm, {@code charts/redis-enterprise-operator} at tag
 * {@code redis-enterprise-operator-8.0.20-23} (values.yaml, templates/).
 *
 * <p>Facts the rest of the program relies on: the chart version equals the operator version (Chart.yaml: "the chart
 * versions match the software versions"); the CRDs are applied by a pre-install/pre-upgrade hook Job
 * ({@code templates/jobs/install.yaml}), so hooks must run, and they stay behind on uninstall (chart README); the
 * chart always installs a validating admission webhook with {@code failurePolicy: Fail} for databases
 * (templates/webhook.yaml); the operator's service account is {@code redis-enterprise-operator}.
 */
public final class OperatorChart {
    public static final String CHART = "redis-enterprise-operator";
    public static final String REPOSITORY = OperatorRelease.CHART_REPOSITORY;
    /** The Helm release's name; the chart names its objects itself (Deployment redis-enterprise-operator, ...). */
    public static final String RELEASE_NAME = "redis-enterprise-operator";
    /** The operator's service account (templates/service_account.yaml; the same name in non-Helm installs). */
    public static final String SERVICE_ACCOUNT = "redis-enterprise-operator";
    /**
     * Seconds Helm waits for the CRD hook Job and the operator Deployment (image pulls included) before the install
     * fails; the provider's default is 300.
     */
    public static final int INSTALL_TIMEOUT_SECONDS = 600;

    private OperatorChart() {
    }

    /**
     * The chart values, as nested maps. Only what this program decides is set; everything else is the chart's default.
     * <ul>
     *   <li>{@code admission.limitToNamespace: true} (also the chart default): the webhook only sees this namespace, so
     *       two clusters in two namespaces never share or break each other's webhook;</li>
     *   <li>{@code cluster.create: false} (also the default): this program declares the RedisEnterpriseCluster itself,
     *       so Pulumi owns it, waits for it and protects it;</li>
     *   <li>{@code openshift.mode} from {@code operator.openshift}: the operator's Red Hat image and its OpenShift
     *       permissions (routes);</li>
     *   <li>{@code openshift.scc.install: false} (also the chart default): no SecurityContextConstraints. Since
     *       7.22.0-6 the Redis Enterprise pods run unprivileged under OpenShift's default {@code restricted-v2}; the
     *       chart's {@code redis-enterprise-scc-v2} only adds {@code SYS_RESOURCE} for automatic resource adjustment,
     *       which this program leaves off, and Redis asks to remove it then ("If you use the recommended default
     *       security constraints, remove the existing redis-enterprise-scc-v2 SCC", redis/docs
     *       content/operate/kubernetes/8.0/deployment/openshift/openshift-cli.md). It is cluster-scoped, so a second
     *       stack on the same cluster would also collide with the first one's.</li>
     * </ul>
     */
    public static Map<String, Object> values(OperatorSettings operator) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("admission", Map.of("limitToNamespace", true));
        values.put("cluster", Map.of("create", false));
        values.put("openshift", Map.of("mode", operator.openshift(), "scc", Map.of("install", false)));
        return values;
    }
}
