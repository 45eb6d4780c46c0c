package io.redisenterprise.infra.settings;

import java.util.Optional;

/** {@code redis-enterprise:cluster}: which existing cluster the stack deploys into, and what its cloud needs. */
final class ClusterReader {
    private ClusterReader() {
    }

    static ClusterTarget read(ReadContext c) {
        ConfigObject o = c.object("cluster");
        Cloud cloud = c.cloud();
        o.refuseUnless(cloud != Cloud.KUBERNETES, "name", "applies only when cloud is aws, gcp or azure");
        o.refuseUnless(cloud == Cloud.AZURE, "resourceGroup", "applies only when cloud is azure");
        o.refuseUnless(cloud == Cloud.GCP, "location", "applies only when cloud is gcp");
        o.refuseUnless(cloud == Cloud.KUBERNETES, "kubeconfig", "applies only when cloud is kubernetes");
        o.refuseUnless(cloud == Cloud.KUBERNETES, "context", "applies only when cloud is kubernetes");
        o.refuseUnless(cloud == Cloud.GCP, "workloadIdentity", "applies only when cloud is gcp");
        o.refuseUnless(cloud == Cloud.AZURE, "kubeloginMode", "applies only when cloud is azure");
        return switch (cloud) {
            case AWS -> new ClusterTarget.Eks(requiredName(c, o, "the name of the existing EKS cluster"),
                    c.requiredQualified("aws:region", "required when cloud is aws (pulumi config set aws:region us-east-1)"));
            case GCP -> {
                String name = requiredName(c, o, "the name of the existing GKE cluster");
                String project = c.requiredQualified("gcp:project",
                        "required when cloud is gcp (pulumi config set gcp:project my-project)");
                Optional<String> location = o.string("location")
                        .or(() -> c.scalar("gcp:region"))
                        .or(() -> c.scalar("gcp:zone"));
                // A gcp:region or gcp:zone the schema refused is reported there; no follow-on line here.
                boolean providerLocationTyped = !c.document().value("gcp:region").isMissingNode()
                        || !c.document().value("gcp:zone").isMissingNode();
                if (location.isEmpty() && !o.has("location") && !providerLocationTyped) {
                    c.problems().add(o.keyOf("location"),
                            "required when cloud is gcp (the GKE cluster's region or zone), or set gcp:region / gcp:zone",
                            Problems.NOTHING);
                }
                if (o.valid("location") && ZoneNames.gcpRegionOf(location.orElse("")).isEmpty()) {
                    c.problems().add(o.keyOf("location"),
                            "must be a Google Cloud region such as europe-west1 or a zone such as europe-west1-b",
                            Problems.quote(location.orElse("")));
                }
                yield new ClusterTarget.Gke(name, project, location.orElse(""), o.boolOrDefault("workloadIdentity"));
            }
            case AZURE -> {
                String name = requiredName(c, o, "the name of the existing AKS cluster");
                if (!o.has("resourceGroup")) {
                    c.problems().add(o.keyOf("resourceGroup"),
                            "required when cloud is azure (the AKS cluster's resource group)", Problems.NOTHING);
                }
                yield new ClusterTarget.Aks(name, o.string("resourceGroup").orElse(""), o.stringOrDefault("kubeloginMode"));
            }
            case KUBERNETES -> new ClusterTarget.Existing(o.string("kubeconfig"), o.string("context"));
        };
    }

    private static String requiredName(ReadContext c, ConfigObject o, String what) {
        if (!o.has("name")) {
            c.problems().add(o.keyOf("name"), "required: " + what, Problems.NOTHING);
        }
        return o.string("name").orElse("");
    }
}
