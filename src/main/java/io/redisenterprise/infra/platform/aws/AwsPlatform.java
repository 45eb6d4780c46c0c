package io.redisenterprise.infra.platform.aws;

import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.eks.EksFunctions;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.GetAddonVersionArgs;
import com.pulumi.aws.eks.inputs.GetClusterArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupTaintArgs;
import com.pulumi.aws.eks.inputs.NodeGroupUpdateConfigArgs;
import com.pulumi.aws.eks.outputs.GetAddonVersionResult;
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
import io.redisenterprise.infra.platform.NodePoolNames;
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
 * Amazon EKS: one managed node group per zone (so each zone keeps its size and its EBS volumes' VMs), named
 * after its create-only properties so that a change replaces it create-before-delete, one zone after another; a
 * node role; the EBS CSI driver add-on with its own IRSA role when the stack asks for it; and a kubeconfig that
 * runs {@code aws eks get-token}.
 */
public final class AwsPlatform implements Platform {
    static final List<String> NODE_POLICIES = List.of(
            "AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly");
    static final String EBS_CSI_ADDON = "aws-ebs-csi-driver";
    static final String EBS_CSI_SERVICE_ACCOUNT = "ebs-csi-controller-sa";
    static final String EBS_CSI_POLICY = "service-role/AmazonEBSCSIDriverPolicy";
    /** EKS node group names: at most 63 characters (CreateNodegroup, nodegroupName). */
    static final int MAX_NODE_GROUP_NAME = 63;

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

        NodeRole role = pool.nodeRoleArn().map(NodeRole::existing).orElseGet(() -> nodeRole(pool.name(), partition));

        List<Resource> nodeGroups = new ArrayList<>();
        List<Output<String>> names = new ArrayList<>();
        Resource previous = null;
        for (int i = 0; i < pool.zones().size(); i++) {
            String zone = pool.zones().get(i);
            int count = placement.nodesIn(zone);
            List<String> subnets = List.of(pool.subnetIds().get(i));
            List<String> instanceTypes = List.of(pool.machineType());
            List<Map<String, String>> taints = placement.taint().stream()
                    .map(t -> Map.of("key", t.key(), "value", t.value(), "effect", "NO_SCHEDULE")).toList();
            // Every argument EKS sets only at creation (terraform-provider-aws internal/service/eks/node_group.go:
            // ForceNew), so any change of one yields a new name and a create-before-delete replacement.
            Map<String, Object> createOnly = new LinkedHashMap<>();
            createOnly.put("nodePool", pool.name());
            createOnly.put("zone", zone);
            createOnly.put("subnetIds", subnets);
            createOnly.put("instanceTypes", instanceTypes);
            createOnly.put("diskSize", pool.diskSizeGb());
            createOnly.put("nodeRole", role.identity());
            createOnly.put("taints", taints);
            String groupName = NodePoolNames.of(pool.name(), MAX_NODE_GROUP_NAME - zone.length() - 2
                    - NodePoolNames.HASH_LENGTH, "-" + zone, "-", createOnly);

            // The role's policies exist before a group is created and after it is deleted (EKS must be able to
            // drain and terminate its instances), and each zone's group waits for the previous one: groups are
            // created one after another and, when replaced, the old ones are deleted one after another (Pulumi
            // deletes in reverse dependency order), so a replacement drains one zone at a time.
            List<Resource> deps = new ArrayList<>(role.attachments());
            if (previous != null) {
                deps.add(previous);
            }
            var group = new NodeGroup(pool.name() + "-" + zone, NodeGroupArgs.builder()
                    .clusterName(target.name())
                    .nodeGroupName(groupName)
                    .nodeRoleArn(role.arn())
                    .subnetIds(subnets)
                    .instanceTypes(instanceTypes)
                    .diskSize(pool.diskSizeGb())
                    .scalingConfig(NodeGroupScalingConfigArgs.builder()
                            .desiredSize(count)
                            .minSize(count)
                            .maxSize(count + 1)
                            .build())
                    .labels(placement.nodeLabels())
                    .taints(taints.stream().map(t -> NodeGroupTaintArgs.builder()
                            .key(t.get("key")).value(t.get("value")).effect(t.get("effect")).build()).toList())
                    .updateConfig(NodeGroupUpdateConfigArgs.builder().maxUnavailable(1).build())
                    .tags(Map.of("redis.io/cluster", settings.redis().name()))
                    .build(), CustomResourceOptions.builder().dependsOn(deps).build());
            nodeGroups.add(group);
            // The name as declared, known in preview too: the stack compares it with the last deployment's.
            names.add(Output.of(groupName));
            previous = group;
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

    /**
     * The nodes' IAM role: its ARN, the policy attachments node groups must wait for (none for an existing role),
     * and what identifies it in the node groups' names (changing the role replaces the groups).
     */
    private record NodeRole(Output<String> arn, List<Resource> attachments, String identity) {
        static NodeRole existing(String arn) {
            return new NodeRole(Output.of(arn), List.of(), arn);
        }
    }

    private NodeRole nodeRole(String poolName, String partition) {
        var role = new Role(poolName + "-node-role", RoleArgs.builder()
                .assumeRolePolicy(IamPolicyDocuments.ec2AssumeRole())
                .description("EKS worker nodes of the Redis Enterprise pool " + poolName)
                .build());
        List<Resource> attachments = new ArrayList<>();
        for (String policy : NODE_POLICIES) {
            attachments.add(new RolePolicyAttachment(poolName + "-" + policy, RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(managedPolicy(partition, policy))
                    .build(), CustomResourceOptions.builder().parent(role).build()));
        }
        return new NodeRole(role.arn(), attachments, "created:" + poolName + "-node-role");
    }

    /**
     * The EBS CSI driver add-on, created only when the stack asks ({@code storage.installCsiDriver}): creating it
     * where it already runs fails with {@code ResourceInUseException: Addon already exists}. The driver runs with
     * its own role through IRSA: the node role never gets EBS permissions, so no other pod on the node can create
     * or attach volumes.
     *
     * <p>Once created, the driver serves every workload of the cluster, so this stack never removes it: the
     * add-on has {@code preserve} (EKS's DeleteAddon keeps the software and its IAM account: aws-sdk-go-v2
     * {@code service/eks/api_op_DeleteAddon.go}) and, with its role and the role's policies, Pulumi's
     * {@code retainOnDelete}, so {@code pulumi destroy} or setting installCsiDriver false only stops managing
     * them. Conflicts with fields someone else manages make the create fail ({@code NONE}) rather than being
     * overwritten; updates keep them ({@code PRESERVE}).
     *
     * <p>The version is the stack's {@code storage.csiDriverVersion}, or else EKS's default version for the
     * cluster's Kubernetes version ({@code aws.eks.getAddonVersion} without mostRecent: the version whose
     * compatibility says defaultVersion), so an upgrade of the cluster moves the driver to the matching default
     * on the next {@code pulumi up}.
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
                .build(), CustomResourceOptions.builder().retainOnDelete(true).build());
        var attachment = new RolePolicyAttachment("ebs-csi-driver-policy", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(managedPolicy(partition, EBS_CSI_POLICY))
                .build(), CustomResourceOptions.builder().parent(role).retainOnDelete(true).build());
        List<Resource> deps = new ArrayList<>(List.of(attachment));
        storage.encryptionKey().ifPresent(key -> deps.add(new RolePolicy("ebs-csi-driver-kms", RolePolicyArgs.builder()
                .role(role.name())
                .policy(IamPolicyDocuments.kmsForEbs(key))
                .build(), CustomResourceOptions.builder().parent(role).retainOnDelete(true).build())));
        Output<String> version = storage.csiDriverVersion().map(Output::of).orElseGet(() ->
                EksFunctions.getAddonVersion(GetAddonVersionArgs.builder()
                                .addonName(EBS_CSI_ADDON)
                                .kubernetesVersion(cluster.applyValue(GetClusterResult::version))
                                .build())
                        .applyValue(GetAddonVersionResult::version));
        return new Addon("ebs-csi-driver", AddonArgs.builder()
                .clusterName(target.name())
                .addonName(EBS_CSI_ADDON)
                .addonVersion(version)
                .serviceAccountRoleArn(role.arn())
                .preserve(true)
                .resolveConflictsOnCreate("NONE")
                .resolveConflictsOnUpdate("PRESERVE")
                .build(), CustomResourceOptions.builder().dependsOn(deps).retainOnDelete(true).build());
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
