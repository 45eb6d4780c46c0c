package io.redisenterprise.infra.settings;

import static io.redisenterprise.infra.TestStacks.aws;
import static io.redisenterprise.infra.TestStacks.azure;
import static io.redisenterprise.infra.TestStacks.gcp;
import static io.redisenterprise.infra.TestStacks.kubernetes;
import static io.redisenterprise.infra.TestStacks.problems;
import static io.redisenterprise.infra.TestStacks.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.redisenterprise.infra.TestStacks;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The remaining configuration rules, one row each: the stack, and the exact line the user reads. */
class SettingsRulesTableTest {

    static Stream<Arguments> rules() {
        String noPool = "applies only when cloud is aws, gcp or azure (this program creates no node pool on an existing cluster)";
        return Stream.of(
                refusal("cluster.kubeconfig on a cloud", aws().with("cluster", "kubeconfig", "/tmp/k"),
                        "redis-enterprise:cluster.kubeconfig: applies only when cloud is kubernetes, got \"/tmp/k\""),
                refusal("cluster.context on a cloud", gcp().with("cluster", "context", "x"),
                        "redis-enterprise:cluster.context: applies only when cloud is kubernetes, got \"x\""),
                refusal("cluster.name on an existing cluster", kubernetes().set("cluster", Map.of("name", "c")),
                        "redis-enterprise:cluster.name: applies only when cloud is aws, gcp or azure, got \"c\""),
                refusal("cluster.resourceGroup off azure", aws().with("cluster", "resourceGroup", "rg"),
                        "redis-enterprise:cluster.resourceGroup: applies only when cloud is azure, got \"rg\""),
                refusal("cluster.location off gcp", azure().with("cluster", "location", "westeurope"),
                        "redis-enterprise:cluster.location: applies only when cloud is gcp, got \"westeurope\""),
                refusal("empty string", aws().with("cluster", "name", ""),
                        "redis-enterprise:cluster.name: must be a non-empty string, got \"\""),
                refusal("nodePool.dedicated on a cloud", aws().with("nodePool", "dedicated", false),
                        "redis-enterprise:nodePool.dedicated: applies only when cloud is kubernetes; on aws the pool is always dedicated, got false"),
                refusal("nodePool.nodesPerZone on an existing cluster", kubernetes().set("nodePool", Map.of("nodesPerZone", 2)),
                        "redis-enterprise:nodePool.nodesPerZone: " + noPool + ", got 2"),
                refusal("nodePool.diskSizeGb on an existing cluster", kubernetes().set("nodePool", Map.of("diskSizeGb", 200)),
                        "redis-enterprise:nodePool.diskSizeGb: " + noPool + ", got 200"),
                refusal("nodePool.sparePerZone on an existing cluster", kubernetes().set("nodePool", Map.of("sparePerZone", 1)),
                        "redis-enterprise:nodePool.sparePerZone: " + noPool + ", got 1"),
                refusal("nodePool.daemonSetAllowance on an existing cluster",
                        kubernetes().set("nodePool", Map.of("daemonSetAllowance", Map.of("cpu", "1"))),
                        "redis-enterprise:nodePool.daemonSetAllowance: applies only when cloud is aws, gcp or azure (sizing uses the cloud's published node reservations), got {\"cpu\":\"1\"}"),
                refusal("nodePool.daemonSetAllowance unknown field", aws().with("nodePool", "daemonSetAllowance", Map.of("gpu", "1")),
                        "redis-enterprise:nodePool.daemonSetAllowance.gpu: unknown key (did you mean cpu?); known keys are cpu, memory, got \"1\""),
                refusal("nodePool.nodeRoleArn off aws", gcp().with("nodePool", "nodeRoleArn", "arn:aws:iam::123456789012:role/x"),
                        "redis-enterprise:nodePool.nodeRoleArn: applies only when cloud is aws, got \"arn:aws:iam::123456789012:role/x\""),
                refusal("nodePool.nodesPerZone below one", gcp().with("nodePool", "nodesPerZone", 0),
                        "redis-enterprise:nodePool.nodesPerZone: must be at least 1, got 0"),
                refusal("nodePool.sparePerZone negative", gcp().with("nodePool", "sparePerZone", -1),
                        "redis-enterprise:nodePool.sparePerZone: must not be negative, got -1"),
                refusal("nodePool.diskSizeGb tiny", gcp().with("nodePool", "diskSizeGb", 10),
                        "redis-enterprise:nodePool.diskSizeGb: must be at least 20, got 10"),
                refusal("nodePool.subnetIds not subnet ids", aws().with("nodePool", "subnetIds", List.of("subnet-0a1b2c3d4e5f60001", "b", "subnet-0a1b2c3d4e5f60003")),
                        "redis-enterprise:nodePool.subnetIds[1]: must be a subnet ID such as subnet-0123456789abcdef0, got \"b\""),
                refusal("nodePool.zones not a list", gcp().with("nodePool", "zones", "europe-west1-b"),
                        "redis-enterprise:nodePool.zones: must be a list of strings, got \"europe-west1-b\""),
                refusal("storage.existingClassName on a cloud", aws().with("storage", "existingClassName", "gp2"),
                        "redis-enterprise:storage.existingClassName: applies only when cloud is kubernetes, got \"gp2\""),
                refusal("storage.provisioner on a cloud", gcp().with("storage", "provisioner", "x"),
                        "redis-enterprise:storage.provisioner: applies only when cloud is kubernetes, got \"x\""),
                refusal("storage.parameters on a cloud", azure().with("storage", "parameters", Map.of("a", "b")),
                        "redis-enterprise:storage.parameters: applies only when cloud is kubernetes, got {\"a\":\"b\"}"),
                refusal("storage.diskType on an existing cluster", kubernetes().with("storage", "diskType", "gp3"),
                        "redis-enterprise:storage.diskType: applies only when cloud is aws, gcp or azure; on kubernetes set provisioner and parameters, got \"gp3\""),
                refusal("storage.iops on an existing cluster", kubernetes().with("storage", "iops", 3000),
                        "redis-enterprise:storage.iops: applies only when cloud is aws, gcp or azure; on kubernetes set it in parameters, got 3000"),
                refusal("storage.throughputMiBps on an existing cluster", kubernetes().with("storage", "throughputMiBps", 200),
                        "redis-enterprise:storage.throughputMiBps: applies only when cloud is aws, gcp or azure; on kubernetes set it in parameters, got 200"),
                refusal("storage.encryptionKey on an existing cluster", kubernetes().with("storage", "encryptionKey", "k"),
                        "redis-enterprise:storage.encryptionKey: applies only when cloud is aws, gcp or azure; on kubernetes set it in parameters, got \"k\""),
                refusal("storage.installCsiDriver off aws", gcp().with("storage", "installCsiDriver", true),
                        "redis-enterprise:storage.installCsiDriver: applies only when cloud is aws, got true"),
                refusal("storage.installCsiDriver not a boolean", aws().with("storage", "installCsiDriver", "yes"),
                        "redis-enterprise:storage.installCsiDriver: must be true or false, got \"yes\""),
                refusal("storage both choices on an existing cluster", kubernetes().with("storage", "provisioner", "x"),
                        "redis-enterprise:storage.existingClassName: set exactly one of storage.existingClassName (use a class the cluster has) or storage.provisioner (+ parameters) when cloud is kubernetes, got both"),
                refusal("storage.parameters with an existing class", kubernetes().with("storage", "parameters", Map.of("a", "b")),
                        "redis-enterprise:storage.parameters: applies only with storage.provisioner, got {\"a\":\"b\"}"),
                refusal("storage.className with an existing class", kubernetes().with("storage", "className", "mine"),
                        "redis-enterprise:storage.className: does not apply with storage.existingClassName, got \"mine\""),
                refusal("storage.existingClassName not a name", kubernetes().with("storage", "existingClassName", "Bad Name"),
                        "redis-enterprise:storage.existingClassName: must be a DNS-1123 subdomain (lowercase letters, digits, '-' and '.'), got \"Bad Name\""),
                refusal("storage.throughputMiBps out of range", aws().with("storage", "throughputMiBps", 2200),
                        "redis-enterprise:storage.throughputMiBps: must be between 125 and 2000 for disk type gp3, got 2200"),
                refusal("storage.throughputMiBps on io2", aws().set("storage", Map.of("diskType", "io2", "iops", 5000, "throughputMiBps", 500, "installCsiDriver", false)),
                        "redis-enterprise:storage.throughputMiBps: cannot be set for disk type io2 (its performance follows its size), got 500"),
                refusal("storage.iops on Premium_LRS", azure().with("storage", "iops", 5000),
                        "redis-enterprise:storage.iops: cannot be set for disk type Premium_LRS (its performance follows its size), got 5000"),
                refusal("gcp encryption key", gcp().with("storage", "encryptionKey", "my-key"),
                        "redis-enterprise:storage.encryptionKey: must be a Cloud KMS key (projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>), got \"my-key\""),
                refusal("azure encryption key", azure().with("storage", "encryptionKey", "my-key"),
                        "redis-enterprise:storage.encryptionKey: must be a disk encryption set ID (/subscriptions/<s>/resourceGroups/<g>/providers/Microsoft.Compute/diskEncryptionSets/<n>), got \"my-key\""),
                refusal("redis.name too long", aws().with("redis", "name", "a".repeat(41)),
                        "redis-enterprise:redis.name: must be at most 40 characters long, got \"" + "a".repeat(41) + "\""),
                refusal("redis.protect not a boolean", aws().with("redis", "protect", "no"),
                        "redis-enterprise:redis.protect: must be true or false, got \"no\""),
                refusal("license in plaintext", aws().set("license", "LICENSE"),
                        "redis-enterprise:license: must be a secret: pulumi config set --secret redis-enterprise:license < license.txt, got a plaintext value"),
                refusal("services unknown key", aws().set("services", Map.of("typ", "LoadBalancer")),
                        "redis-enterprise:services.typ: unknown key (did you mean type?); known keys are internal, loadBalancerSourceRanges, type, got \"LoadBalancer\""),
                refusal("source ranges without a load balancer", aws().set("services", Map.of("loadBalancerSourceRanges", List.of("10.0.0.0/8"))),
                        "redis-enterprise:services.loadBalancerSourceRanges: applies only with services.type LoadBalancer, got [\"10.0.0.0/8\"]"),
                refusal("internal without a load balancer", aws().set("services", Map.of("internal", false)),
                        "redis-enterprise:services.internal: applies only with services.type LoadBalancer, got false"),
                refusal("source range not a CIDR", aws().set("services", Map.of("type", "LoadBalancer", "loadBalancerSourceRanges", List.of("office"))),
                        "redis-enterprise:services.loadBalancerSourceRanges[0]: must be a CIDR block such as 10.0.0.0/8 (an IPv4 prefix of at most /32, IPv6 at most /128), got \"office\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleIsOneLineNamingKeyRuleAndValue(String rule, TestStacks.Config config, String line) {
        assertThat(problems(config)).containsExactly(line);
    }
}
