package io.redisenterprise.infra.plan;

import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.redis.RedisEnterpriseCluster;
import io.redisenterprise.infra.redis.operator.OperatorDeployment;
import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.DatabaseLayout;
import io.redisenterprise.infra.settings.DatabaseSettings;
import io.redisenterprise.infra.settings.Quantity;
import io.redisenterprise.infra.settings.RedisSettings;
import io.redisenterprise.infra.settings.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The console view of a plan: resources by layer, placement, storage and sizing. */
public final class PlanSummary {
    static final String HELM_RELEASE = "kubernetes:helm.sh/v3:Release";

    private PlanSummary() {
    }

    public static String render(Plan plan) {
        Settings s = plan.settings();
        Placement placement = Placement.from(s);
        RedisSettings redis = s.redis();
        StringBuilder out = new StringBuilder();
        out.append("Plan for stack ").append(plan.stack()).append(" (cloud ").append(s.cloud())
                .append(", cluster ").append(s.cluster().displayName()).append(")\n\n");

        out.append("Resources by layer:\n");
        Map<String, List<PlannedResource>> byLayer = new LinkedHashMap<>();
        for (PlannedResource r : plan.resources()) {
            // Pulumi's own resources (the stack reading its previous outputs) belong to no cloud.
            String layer = r.type().startsWith("pulumi:pulumi:") ? "stack" : r.layer();
            byLayer.computeIfAbsent(layer, k -> new java.util.ArrayList<>()).add(r);
        }
        // As wide as the longest layer name ("cloud (azure-native)"), so the counts line up.
        int width = Math.max(16, byLayer.keySet().stream().mapToInt(String::length).max().orElse(0));
        byLayer.forEach((layer, list) -> {
            out.append(String.format("  %-" + width + "s %3d  ", layer, list.size()));
            out.append(list.stream().collect(Collectors.groupingBy(PlanSummary::shortType, LinkedHashMap::new,
                            Collectors.counting()))
                    .entrySet().stream().map(e -> e.getKey() + (e.getValue() > 1 ? " x" + e.getValue() : ""))
                    .collect(Collectors.joining(", ")));
            out.append('\n');
        });

        out.append("\nProvider plugins:\n");
        for (Map<String, Object> p : PlanDocuments.plugins(plan)) {
            String provider = String.valueOf(p.get("provider"));
            out.append(String.format("  %-16s %s (%s)%n", p.get("package"), p.get("version"), provider.equals("default")
                    ? "default provider, the SDK's default plugin"
                    : "explicit provider " + provider.substring(provider.lastIndexOf("::") + 2) + ", its version option"));
        }

        deployment(plan, out);

        out.append("\nPlacement:\n");
        if (s.cloud() == Cloud.KUBERNETES) {
            out.append("  node pool        none created (existing cluster)\n");
        } else {
            out.append("  node pool        ").append(placement.poolName()).append(", ")
                    .append(s.nodePool().machineType()).append(", ").append(placement.poolNodes()).append(" VMs (")
                    .append(placement.zoneNodeCounts().stream().map(String::valueOf).collect(Collectors.joining(" + ")))
                    .append(" over the zones)\n");
        }
        out.append("  zones            ").append(placement.zones().isEmpty() ? "(single zone: no zone spread)"
                : String.join(", ", placement.zones())).append('\n');
        out.append("  pinning          ").append(placement.dedicated()
                ? "nodeSelector " + placement.nodeLabels() + ", toleration " + placement.taint().map(Placement.Taint::asKubectlString).orElse("")
                : "off (pods may land on any node)").append('\n');
        out.append("  anti-affinity    ").append(redis.antiAffinity()).append(" on ").append(Placement.HOSTNAME_TOPOLOGY).append('\n');
        if (s.deployment().usesOperator() && placement.rackAware()) {
            out.append("  rack awareness   on ").append(Placement.ZONE_TOPOLOGY)
                    .append(" (the operator reads node zones; pods prefer distinct zones)\n");
        }

        out.append("\nStorage:\n");
        out.append("  class            ").append(s.storage().effectiveClassName())
                .append(s.storage().createsClass() ? " (created)" : " (existing)").append('\n');
        if (s.cloud() != Cloud.KUBERNETES) {
            out.append("  disk type        ").append(s.storage().diskType()).append('\n');
        }
        out.append("  volume per node  ").append(redis.volumeSize()).append('\n');
        plan.ofType("kubernetes:storage.k8s.io/v1:StorageClass").stream().findFirst().ifPresent(sc -> {
            Object parameters = sc.inputs().getOrDefault("parameters", Map.of());
            out.append("  parameters       ").append(sc.inputs().get("provisioner")).append(' ')
                    .append(((Map<?, ?>) parameters).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(", "))).append('\n');
            out.append("  on change        a new disk type, IOPS, throughput or key replaces the class: only volumes\n")
                    .append("                   created afterwards get it, existing ones keep theirs (README, \"Changing the\n")
                    .append("                   storage of existing volumes\"); up warns when it happens\n");
        });

        out.append("\nSizing:\n");
        out.append("  Redis nodes      ").append(redis.nodes()).append('\n');
        out.append("  pod resources    cpu ").append(redis.cpu()).append(", memory ").append(redis.memory())
                .append(" (requests = limits) + ").append(s.deployment().mode().companions().description()).append('\n');
        s.sizing().ifPresent(z -> {
            out.append(String.format(Locale.ROOT, "  machine          %s (%d vCPU, %.1f GiB)%n", z.machineType(), z.vcpu(),
                    z.machineMemoryMiB() / 1024.0));
            out.append(String.format(Locale.ROOT, "  left for the pod %dm CPU, %.1f GiB memory (after kubelet, eviction, DaemonSets)%n",
                    z.allocatableCpuMillicores(), z.allocatableMemoryMiB() / 1024.0));
            out.append(String.format(Locale.ROOT, "  pod request      %dm CPU, %.1f GiB memory (%s)%n", z.podCpuMillicores(),
                    z.podMemoryMiB() / 1024.0, z.derived() ? "derived to fill the node" : "as configured, checked to fit"));
            out.append(String.format(Locale.ROOT, "  utilisation      %.1f%% memory, %.1f%% CPU%n", z.memoryUtilisation() * 100,
                    z.cpuUtilisation() * 100));
        });
        out.append("  VMs              ").append(s.cloud() == Cloud.KUBERNETES ? "existing nodes" : String.valueOf(placement.poolNodes()))
                .append('\n');
        out.append(String.format(Locale.ROOT, "  Redis memory     %.1f GiB in the cluster (%d x %s, before replication)%n",
                redis.memory().gibibytes() * redis.nodes(), redis.nodes(), redis.memory()));
        out.append("  image            ").append(redis.image()).append('\n');
        databases(s, out);
        return out.toString();
    }

    /** Who runs the cluster; in operator mode the Helm release as planned (chart, repository, version, values). */
    private static void deployment(Plan plan, StringBuilder out) {
        Settings s = plan.settings();
        out.append("\nDeployment:\n");
        if (!s.deployment().usesOperator()) {
            out.append("  mode             statefulset: this program's StatefulSet and bootstrap sidecar (development and test)\n");
            return;
        }
        out.append("  mode             operator: RedisEnterpriseCluster ").append(s.redis().name())
                .append(", run by the Redis Enterprise operator\n");
        List<PlannedResource> releases = plan.ofType(HELM_RELEASE);
        if (releases.isEmpty()) {
            out.append("  operator         not installed (operator.install false): the one running in ")
                    .append(s.redis().namespace()).append(", version ").append(s.deployment().operator().version())
                    .append(" expected\n");
        }
        for (PlannedResource release : releases) {
            Map<String, Object> in = release.inputs();
            Object repository = in.get("repositoryOpts") instanceof Map<?, ?> m ? m.get("repo") : null;
            out.append("  operator chart   ").append(in.get("chart")).append(' ').append(in.get("version"))
                    .append(" from ").append(repository).append(" (Helm release ").append(in.get("name"))
                    .append(" in ").append(in.get("namespace")).append(")\n");
            List<String> values = new java.util.ArrayList<>();
            flatten("", in.get("values"), values);
            out.append("  chart values     ").append(String.join(", ", values)).append('\n');
        }
        plan.resources().stream().filter(r -> r.type().endsWith(":RedisEnterpriseCluster")).findFirst().ifPresent(rec -> {
            Object timeouts = rec.options().get("customTimeouts");
            String budget = timeouts instanceof Map<?, ?> t
                    ? t.get("create") + " when created, " + t.get("update") + " when updated"
                    : "the provider's default";
            out.append("  pulumi up waits  until the cluster's status.state is Running and its specStatus Valid, at most ")
                    .append(budget).append('\n');
        });
    }

    /** Nested chart values as {@code a.b=value}, in key order. */
    private static void flatten(String prefix, Object value, List<String> into) {
        if (value instanceof Map<?, ?> m) {
            new java.util.TreeMap<>(m).forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else {
            into.add(prefix + "=" + value);
        }
    }

    /**
     * The declared databases, then each Redis Enterprise node with the shards it will carry and the memory they use
     * against what the node offers: many shards of many databases on one pod.
     */
    private static void databases(Settings s, StringBuilder out) {
        if (s.databases().isEmpty()) {
            return;
        }
        out.append("\nDatabases:\n");
        for (DatabaseSettings d : s.databases()) {
            out.append(String.format(Locale.ROOT, "  %-16s %s, %d shard%s%s, persistence %s%s%s%n", d.name(), d.memory(),
                    d.shards(), d.shards() == 1 ? "" : "s",
                    d.replication() ? " + " + d.shards() + " replica" + (d.shards() == 1 ? "" : "s") : ", no replicas",
                    d.persistence(), d.rackAware() ? ", rack-aware" : "", d.port().isPresent() ? ", port " + d.port().getAsInt() : ""));
        }
        DatabaseLayout layout = DatabaseLayout.of(s);
        out.append("  shards per node (estimate: Redis Enterprise places them, sparse; memory against the ")
                .append(Quantity.ofMebibytes(layout.usableMiB())).append(" a node offers after the 30 % it keeps free):\n");
        for (DatabaseLayout.NodeLoad n : layout.nodes()) {
            out.append(String.format(Locale.ROOT, "    node %-3d %-16s %3d shard%s %s used (%.0f%%)%n", n.node(),
                    n.zone().isEmpty() ? "" : n.zone(), n.shards(), n.shards() == 1 ? " " : "s", Quantity.ofMebibytes(n.memoryMiB()),
                    100.0 * n.memoryMiB() / layout.usableMiB()));
        }
    }

    /**
     * A resource's kind as the summary names it: the type's last segment, except for the two components, which are
     * named for what they are (the statefulset deployment's type token is {@code RedisEnterpriseCluster} for
     * compatibility with stacks deployed before operator mode, but it is no RedisEnterpriseCluster resource).
     */
    static String shortType(PlannedResource r) {
        String t = r.type();
        if (t.equals(RedisEnterpriseCluster.TYPE)) {
            return "StatefulSet deployment";
        }
        if (t.equals(OperatorDeployment.TYPE)) {
            return "operator deployment";
        }
        int colon = t.lastIndexOf(':');
        return colon >= 0 ? t.substring(colon + 1) : t;
    }
}
