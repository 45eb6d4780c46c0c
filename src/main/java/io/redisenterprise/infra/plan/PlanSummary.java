package io.redisenterprise.infra.plan;

import io.redisenterprise.infra.placement.Placement;
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
            byLayer.computeIfAbsent(r.layer(), k -> new java.util.ArrayList<>()).add(r);
        }
        byLayer.forEach((layer, list) -> {
            out.append(String.format("  %-16s %3d  ", layer, list.size()));
            out.append(list.stream().collect(Collectors.groupingBy(PlanSummary::shortType, LinkedHashMap::new,
                            Collectors.counting()))
                    .entrySet().stream().map(e -> e.getKey() + (e.getValue() > 1 ? " x" + e.getValue() : ""))
                    .collect(Collectors.joining(", ")));
            out.append('\n');
        });

        out.append("\nPlacement:\n");
        if (s.cloud() == Cloud.KUBERNETES) {
            out.append("  node pool        none created (existing cluster)\n");
        } else {
            out.append("  node pool        ").append(placement.poolName()).append(", ")
                    .append(s.nodePool().machineType()).append(", ").append(placement.poolNodes()).append(" VMs (")
                    .append(placement.nodesPerZone()).append(" per zone)\n");
        }
        out.append("  zones            ").append(placement.zones().isEmpty() ? "(single zone: no zone spread)"
                : String.join(", ", placement.zones())).append('\n');
        out.append("  pinning          ").append(placement.dedicated()
                ? "nodeSelector " + placement.nodeLabels() + ", toleration " + placement.taint().map(Placement.Taint::asKubectlString).orElse("")
                : "off (pods may land on any node)").append('\n');
        out.append("  anti-affinity    ").append(redis.antiAffinity()).append(" on ").append(Placement.HOSTNAME_TOPOLOGY).append('\n');

        out.append("\nStorage:\n");
        out.append("  class            ").append(s.storage().effectiveClassName())
                .append(s.storage().createsClass() ? " (created)" : " (existing)").append('\n');
        if (s.cloud() != Cloud.KUBERNETES) {
            out.append("  disk type        ").append(s.storage().diskType()).append('\n');
        }
        out.append("  volume per node  ").append(redis.volumeSize()).append('\n');

        out.append("\nSizing:\n");
        out.append("  Redis nodes      ").append(redis.nodes()).append('\n');
        out.append("  pod resources    cpu ").append(redis.cpu()).append(", memory ").append(redis.memory())
                .append(" (requests = limits) + bootstrap sidecar\n");
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
            out.append(String.format(Locale.ROOT, "    node %-3d %-16s %3d shards  %s used (%.0f%%)%n", n.node(),
                    n.zone().isEmpty() ? "" : n.zone(), n.shards(), Quantity.ofMebibytes(n.memoryMiB()),
                    100.0 * n.memoryMiB() / layout.usableMiB()));
        }
    }

    private static String shortType(PlannedResource r) {
        String t = r.type();
        int colon = t.lastIndexOf(':');
        return colon >= 0 ? t.substring(colon + 1) : t;
    }
}
