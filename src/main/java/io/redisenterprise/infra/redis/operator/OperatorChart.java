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
     *   <li>{@code openshift.mode} and {@code openshift.scc.install} from {@code operator.openshift}: Red Hat images,
     *       routes and the SecurityContextConstraints {@code redis-enterprise-scc-v2} on OpenShift.</li>
     * </ul>
     */
    public static Map<String, Object> values(OperatorSettings operator) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("admission", Map.of("limitToNamespace", true));
        values.put("cluster", Map.of("create", false));
        values.put("openshift", Map.of("mode", operator.openshift(), "scc", Map.of("install", operator.openshift())));
        return values;
    }
}
