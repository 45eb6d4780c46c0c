package io.redisenterprise.infra.platform.aws;

import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.eks.EksFunctions;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.GetClusterArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupTaintArgs;
import com.pulumi.aws.eks.inputs.NodeGroupUpdateConfigArgs;
import com.pulumi.aws.eks.outputs.GetClusterResult;
import com.pulumi.aws.iam.IamFunctions;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.iam.inputs.GetOpenIdConnectProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.platform.ClusterConnection;
import io.redisenterprise.infra.platform.KubeconfigDocument;
import io.redisenterprise.infra.platform.KubernetesProviderPlugin;
import io.redisenterprise.infra.platform.Platform;
import io.redisenterprise.infra.platform.StorageClassSpec;
import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.ClusterTarget;
import io.redisenterprise.infra.settings.NodePoolSettings;
import io.redisenterprise.infra.settings.Settings;
import io.redisenterprise.infra.settings.StorageSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Amazon EKS: one managed node group per zone (so each zone keeps its size and its EBS volumes' VMs), a node
 * role, the EBS CSI driver add-on with its own IRSA role, and a kubeconfig that runs {@code aws eks get-token}.
 */
public final class AwsPlatform implements Platform {
    static final List<String> NODE_POLICIES = List.of(
            "AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly");
    static final String EBS_CSI_ADDON = "aws-ebs-csi-driver";
    static final String EBS_CSI_SERVICE_ACCOUNT = "ebs-csi-controller-sa";
    static final String EBS_CSI_POLICY = "service-role/AmazonEBSCSIDriverPolicy";

    @Override
    public Cloud cloud() {
        return Cloud.AWS;
    }

    @Override
    public Map<String, String> internalLoadBalancerAnnotations() {
        // The first for the AWS Load Balancer Controller, the second for the legacy in-tree controller.
        return Map.of("service.beta.kubernetes.io/aws-load-balancer-scheme", "internal",
                "service.beta.kubernetes.io/aws-load-balancer-internal", "true");
    }

    @Override
    public Optional<StorageClassSpec> storageClass(Settings settings) {
        StorageSettings s = settings.storage();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("type", s.diskType());
        params.put("encrypted", "true");
        params.put("csi.storage.k8s.io/fstype", "ext4");
        s.encryptionKey().ifPresent(k -> params.put("kmsKeyId", k));
        s.iops().ifPresent(i -> params.put("iops", String.valueOf(i)));
        s.throughputMiBps().ifPresent(t -> params.put("throughput", String.valueOf(t)));
        return Optional.of(new StorageClassSpec(s.className(), "ebs.csi.aws.com", params));
    }

    @Override
    public ClusterConnection connect(Settings settings, Placement placement) {
        var target = (ClusterTarget.Eks) settings.cluster();
        NodePoolSettings pool = settings.nodePool();
        String partition = partition(target.region());
        Output<GetClusterResult> cluster = EksFunctions.getCluster(GetClusterArgs.builder().name(target.name()).build());

        Output<String> nodeRoleArn = pool.nodeRoleArn().map(Output::of).orElseGet(() -> nodeRole(pool.name(), partition));

        List<Resource> nodeGroups = new ArrayList<>();
        List<Output<String>> names = new ArrayList<>();
        for (int i = 0; i < pool.zones().size(); i++) {
            String zone = pool.zones().get(i);
            String groupName = pool.name() + "-" + zone;
            var group = new NodeGroup(groupName, NodeGroupArgs.builder()
                    .clusterName(target.name())
                    .nodeGroupName(groupName)
                    .nodeRoleArn(nodeRoleArn)
                    .subnetIds(pool.subnetIds().get(i))
                    .instanceTypes(pool.machineType())
                    .diskSize(pool.diskSizeGb())
                    .scalingConfig(NodeGroupScalingConfigArgs.builder()
                            .desiredSize(pool.nodesPerZone())
                            .minSize(pool.nodesPerZone())
                            .maxSize(pool.nodesPerZone() + 1)
                            .build())
                    .labels(placement.nodeLabels())
                    .taints(placement.taint().stream().map(t -> NodeGroupTaintArgs.builder()
                            .key(t.key()).value(t.value()).effect("NO_SCHEDULE").build()).toList())
                    .updateConfig(NodeGroupUpdateConfigArgs.builder().maxUnavailable(1).build())
                    .tags(Map.of("redis.io/cluster", settings.redis().name()))
                    .build());
            nodeGroups.add(group);
            names.add(group.nodeGroupName());
        }

        if (settings.storage().installCsiDriver()) {
            nodeGroups.add(ebsCsiDriver(target, cluster, partition, settings.storage()));
        }

        Output<String> kubeconfig = cluster.applyValue(c -> KubeconfigDocument.withExecPlugin(
                c.name(), c.endpoint(), c.certificateAuthorities().get(0).data(),
                new KubeconfigDocument.ExecPlugin("aws",
                        List.of("eks", "get-token", "--cluster-name", target.name(), "--region", target.region(), "--output", "json"),
                        "Install the AWS CLI v2 (https://docs.aws.amazon.com/cli/) and log in.", false))).asSecret();
        var provider = new Provider("eks", ProviderArgs.builder().kubeconfig(kubeconfig).build(),
                KubernetesProviderPlugin.providerOptions());
        return new ClusterConnection(provider, nodeGroups, Output.of(target.name()), Output.all(names), kubeconfig);
    }

    private Output<String> nodeRole(String poolName, String partition) {
        var role = new Role(poolName + "-node-role", RoleArgs.builder()
                .assumeRolePolicy(IamPolicyDocuments.ec2AssumeRole())
                .description("EKS worker nodes of the Redis Enterprise pool " + poolName)
                .build());
        for (String policy : NODE_POLICIES) {
            new RolePolicyAttachment(poolName + "-" + policy, RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(managedPolicy(partition, policy))
                    .build(), CustomResourceOptions.builder().parent(role).build());
        }
        return role.arn();
    }

    /**
     * The EBS CSI driver runs with its own role through IRSA: the node role never gets EBS permissions, so no
     * other pod on the node can create or attach volumes.
     */
    private Resource ebsCsiDriver(ClusterTarget.Eks target, Output<GetClusterResult> cluster, String partition,
                                  StorageSettings storage) {
        Output<String> issuer = cluster.applyValue(c -> c.identities().get(0).oidcs().get(0).issuer());
        Output<String> oidcArn = issuer.apply(url -> IamFunctions.getOpenIdConnectProvider(
                GetOpenIdConnectProviderArgs.builder().url(url).build()).applyValue(p -> p.arn()));
        var role = new Role("ebs-csi-driver-role", RoleArgs.builder()
                .assumeRolePolicy(Output.tuple(oidcArn, issuer).applyValue(t -> IamPolicyDocuments.serviceAccountAssumeRole(
                        t.t1, t.t2, "kube-system", EBS_CSI_SERVICE_ACCOUNT)))
                .description("EBS CSI driver controller of cluster " + target.name() + " (IRSA)")
                .build());
        var attachment = new RolePolicyAttachment("ebs-csi-driver-policy", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(managedPolicy(partition, EBS_CSI_POLICY))
                .build(), CustomResourceOptions.builder().parent(role).build());
        List<Resource> deps = new ArrayList<>(List.of(attachment));
        storage.encryptionKey().ifPresent(key -> deps.add(new RolePolicy("ebs-csi-driver-kms", RolePolicyArgs.builder()
                .role(role.name())
                .policy(IamPolicyDocuments.kmsForEbs(key))
                .build(), CustomResourceOptions.builder().parent(role).build())));
        return new Addon("ebs-csi-driver", AddonArgs.builder()
                .clusterName(target.name())
                .addonName(EBS_CSI_ADDON)
                .serviceAccountRoleArn(role.arn())
                .resolveConflictsOnCreate("OVERWRITE")
                .resolveConflictsOnUpdate("PRESERVE")
                .build(), CustomResourceOptions.builder().dependsOn(deps).build());
    }

    static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    static String managedPolicy(String partition, String name) {
        return "arn:" + partition + ":iam::aws:policy/" + name;
    }
}
