package io.redisenterprise.infra.settings;

import java.util.Optional;

/** The existing Kubernetes cluster a stack deploys into, with what its cloud needs to reach it. */
public sealed interface ClusterTarget {

    /** A short human name for outputs and the plan summary. */
    String displayName();

    /** An existing EKS cluster, in {@code aws:region}. */
    record Eks(String name, String region) implements ClusterTarget {
        public String displayName() {
            return name;
        }
    }

    /**
     * An existing GKE cluster; location is a region or a zone.
     *
     * @param workloadIdentity the cluster has Workload Identity Federation for GKE, so its node pools may run the
     *                         GKE metadata server ({@code cluster.workloadIdentity})
     */
    record Gke(String name, String project, String location, boolean workloadIdentity) implements ClusterTarget {
        public String displayName() {
            return name;
        }
    }

    /**
     * An existing AKS cluster in a resource group.
     *
     * @param kubeloginMode the kubelogin login mode ({@code --login}) the kubeconfig runs on clusters with
     *                      Microsoft Entra ID: {@code azurecli} or {@code workloadidentity} ({@code cluster.kubeloginMode})
     */
    record Aks(String name, String resourceGroup, String kubeloginMode) implements ClusterTarget {
        public String displayName() {
            return name;
        }
    }

    /**
     * Any conformant cluster reached by kubeconfig (kind, minikube, PKS, on-prem, OpenShift). Empty kubeconfig
     * means the standard kubeconfig lookup; empty context means its current context.
     */
    record Existing(Optional<String> kubeconfig, Optional<String> context) implements ClusterTarget {
        public String displayName() {
            return context.orElse("current-context");
        }
    }
}
