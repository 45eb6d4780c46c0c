package io.redisenterprise.infra.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * How the declared databases' shards spread over the Redis Enterprise nodes, as the plan shows it: many shards of
 * many databases on each node ("multiple services per pod"). An estimate of Redis Enterprise's own placement with
 * {@code shardsPlacement: sparse} (shards spread over as many nodes as possible; a replica never on its primary's
 * node, and in another zone when the database is rack-aware). Node i is taken to be in zone i mod zones, as the
 * pods are spread evenly over the zones.
 *
 * @param usableMiB what databases may use on one node (Redis memory less the share Redis Enterprise keeps free)
 */
public record DatabaseLayout(List<NodeLoad> nodes, long usableMiB) {

    /** One Redis Enterprise node: its zone (empty for a single-zone stack) and the shards it carries. */
    public record NodeLoad(int node, String zone, int shards, long memoryMiB) {
    }

    public DatabaseLayout {
        nodes = List.copyOf(nodes);
    }

    public static DatabaseLayout of(Settings settings) {
        int n = settings.redis().nodes();
        List<String> zones = settings.nodePool().zones();
        int[] shards = new int[n];
        long[] memory = new long[n];
        for (DatabaseSettings db : settings.databases()) {
            long shardMiB = db.shardMemoryMiB();
            for (int s = 0; s < db.shards(); s++) {
                int primary = leastLoaded(shards, -1, zones, false);
                shards[primary]++;
                memory[primary] += shardMiB;
                if (db.replication() && n > 1) {
                    int replica = leastLoaded(shards, primary, zones, db.rackAware());
                    shards[replica]++;
                    memory[replica] += shardMiB;
                }
            }
        }
        List<NodeLoad> loads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            loads.add(new NodeLoad(i, zones.isEmpty() ? "" : zones.get(i % zones.size()), shards[i], memory[i]));
        }
        return new DatabaseLayout(loads, DatabasesReader.usableMiB(settings.redis()));
    }

    /** The node with the fewest shards, not {@code avoid}, and in another zone than it when asked (and possible). */
    private static int leastLoaded(int[] shards, int avoid, List<String> zones, boolean otherZone) {
        int best = -1;
        for (int i = 0; i < shards.length; i++) {
            if (i == avoid || (otherZone && avoid >= 0 && !zones.isEmpty() && sameZone(i, avoid, zones))) {
                continue;
            }
            if (best < 0 || shards[i] < shards[best]) {
                best = i;
            }
        }
        return best >= 0 ? best : leastLoaded(shards, avoid, zones, false);
    }

    private static boolean sameZone(int a, int b, List<String> zones) {
        return a % zones.size() == b % zones.size();
    }
}
