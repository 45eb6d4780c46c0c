package io.redisenterprise.infra.settings.sizing;

import io.redisenterprise.infra.settings.Cloud;

/**
 * The CPU and memory that DaemonSet pods request on every node, which the scheduler sets aside before a Redis pod fits.
 *
 * <p>The per-cloud defaults are estimates, not measurements: the providers do not publish the requests of their
 * managed add-ons, and the add-on set varies with cluster options. Each default names the DaemonSets it assumes with
 * the requests assumed for each, then adds 25% margin (the research's advice for encoding a measured figure) and rounds up to a multiple of
 * 50m and 64Mi.
 * Measure a real node with
 * {@code kubectl get pods -A --field-selector spec.nodeName=NODE -o json} and pass the sum to
 * {@link NodeAllocatable} when it differs.
 */
public record DaemonSetAllowance(long cpuMillicores, long memoryMiB) {

    /**
     * EKS: 205m / 216Mi itemised, plus 25% gives 257m / 270Mi, rounded up to 300m / 320Mi.
     * <ul>
     *   <li>aws-node (VPC CNI): 25m, no memory request (amazon-vpc-cni-k8s chart values); its aws-eks-nodeagent
     *       container is assumed at 25m / 64Mi (unpublished);</li>
     *   <li>kube-proxy (EKS add-on): 100m, no memory request (commonly seen, not confirmed);</li>
     *   <li>ebs-csi-node: 30m / 120Mi (aws-ebs-csi-driver chart: three containers at 10m / 40Mi);</li>
     *   <li>eks-pod-identity-agent: assumed 25m / 32Mi (unpublished).</li>
     * </ul>
     */
    public static final DaemonSetAllowance EKS = new DaemonSetAllowance(300, 320);

    /**
     * GKE Standard: 370m / 440Mi itemised, plus 25% gives 463m / 550Mi, rounded up to 500m / 576Mi.
     * <ul>
     *   <li>kube-proxy, or anetd on Dataplane V2: assumed 100m, no memory request;</li>
     *   <li>fluentbit-gke: assumed 100m / 200Mi (the old fluentd-gcp default, kubernetes/kubernetes#52488);</li>
     *   <li>gke-metadata-server (Workload Identity): assumed 100m / 100Mi;</li>
     *   <li>pdcsi-node (Persistent Disk CSI): assumed 20m / 40Mi;</li>
     *   <li>netd and gke-metrics-agent together: assumed 50m / 100Mi.</li>
     * </ul>
     */
    public static final DaemonSetAllowance GKE = new DaemonSetAllowance(500, 576);

    /**
     * AKS with Azure CNI: 260m / 470Mi itemised, plus 25% gives 325m / 588Mi, rounded up to 350m / 640Mi. Container
     * Insights (ama-logs) is not included: turn it on and its requests must be added.
     * <ul>
     *   <li>azure-cns: assumed 40m / 250Mi (unpublished);</li>
     *   <li>cloud-node-manager: 50m / 50Mi (cloud-provider-azure chart values);</li>
     *   <li>csi-azuredisk-node: 30m / 60Mi (azuredisk-csi-driver chart: three containers at 10m / 20Mi);</li>
     *   <li>csi-azurefile-node: assumed 30m / 60Mi, the azuredisk pattern;</li>
     *   <li>kube-proxy: assumed 100m, no memory request;</li>
     *   <li>azure-ip-masq-agent: assumed 10m / 50Mi.</li>
     * </ul>
     */
    public static final DaemonSetAllowance AKS = new DaemonSetAllowance(350, 640);

    /** Nothing set aside, for tests and for callers who already subtracted DaemonSets from a measured figure. */
    public static final DaemonSetAllowance NONE = new DaemonSetAllowance(0, 0);

    public DaemonSetAllowance {
        if (cpuMillicores < 0 || memoryMiB < 0) {
            throw new IllegalArgumentException(
                    "DaemonSet allowance cannot be negative: " + cpuMillicores + "m, " + memoryMiB + "Mi");
        }
    }

    /** The estimate for that cloud's managed clusters; a plain Kubernetes target has no known add-on set. */
    public static DaemonSetAllowance defaultFor(Cloud cloud) {
        return switch (cloud) {
            case AWS -> EKS;
            case GCP -> GKE;
            case AZURE -> AKS;
            case KUBERNETES -> throw new IllegalArgumentException(
                    "no DaemonSet estimate for an existing Kubernetes cluster: measure one node and pass it explicitly");
        };
    }
}
