package io.redisenterprise.infra.settings;

import java.util.Optional;

/**
 * {@code redis-enterprise:operator}: the Redis Enterprise operator of an operator-mode deployment.
 *
 * @param install   install the operator with its official Helm chart in the cluster's namespace; false: an operator
 *                  already runs there and only the cluster's own objects are created
 * @param version   the operator release, which is also the chart version (for example {@code 8.0.20-23})
 * @param openshift the target is OpenShift: the chart's {@code openshift.mode} (no SecurityContextConstraints: the
 *                  pods run unprivileged, see {@code OperatorChart.values})
 * @param release   what the release catalogue knows of {@code version}, empty for a release it does not list
 */
public record OperatorSettings(boolean install, String version, boolean openshift, Optional<OperatorRelease> release) {
}
