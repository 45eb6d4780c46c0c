package io.redisenterprise.infra.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How the declared databases' shards spread over the Redis Enterprise nodes, as the plan shows it: many shards of
 * many databases on each node ("multiple services per pod"). An estimate of Redis Enterprise's own placement with
 * {@code shardsPlacement: sparse} ("Spread the shards across as many nodes in the cluster as possible", shard
 * placement policy, https://redis.io/docs/latest/operate/rs/databases/memory-performance/shard-placement-policy/): the
 * largest shards first, each on the node with the least memory in use (then the fewest shards), a replica never on
 * its primary's node, and in another zone when the database is rack-aware. Node i is taken to be in zone
 * i mod zones, as the pods are spread evenly over the zones. Redis Enterprise does not check the shards' memory
 * limits when it places them ({@code shards_overbooking}, default true: "all databases' memory_size settings are
 * ignored during shards placement", policy object,
 * https://redis.io/docs/latest/operate/rs/references/rest-api/objects/bootstrap/policy/), so a node the estimate
 * fills beyond {@link #usableMiB} is worth a warning, not a refusal: another placement may fit.
 *
 * @param nodes     one entry per Redis Enterprise node, in node order
 * @param usableMiB what databases may use on one node, MiB (Redis memory less the share Redis Enterprise keeps free)
 */
public record DatabaseLayout(List<NodeLoad> nodes, long usableMiB) {

    /** One Redis Enterprise node: its zone (empty for a single-zone stack), the shards it carries and their MiB. */
    public record NodeLoad(int node, String zone, int shards, long memoryMiB) {
    }

    public DatabaseLayout {
        nodes = List.copyOf(nodes);
    }

    /** The layout of a read configuration's databases. */
    public static DatabaseLayout of(Settings settings) {
        return of(settings.databases(), settings.redis().nodes(), settings.nodePool().zones(),
                DatabasesReader.usableMiB(settings.redis()));
    }

    /**
     * The layout of these databases over {@code n} nodes spread over {@code zones} (empty: one zone).
     *
     * @param usableMiB what databases may use on one node, MiB
     */
    static DatabaseLayout of(List<DatabaseSettings> databases, int n, List<String> zones, long usableMiB) {
        record Shard(DatabaseSettings db, long mib) {
        }
        List<Shard> primaries = new ArrayList<>();
        for (DatabaseSettings db : databases) {
            for (int s = 0; s < db.shards(); s++) {
                primaries.add(new Shard(db, db.shardMemoryMiB()));
            }
        }
        // Largest first (stable: the stack's order among equals), as packing by hand would.
        primaries.sort(Comparator.comparingLong(Shard::mib).reversed());
        int[] shards = new int[n];
        long[] memory = new long[n];
        for (Shard shard : primaries) {
            int primary = leastLoaded(shards, memory, -1, zones, false);
            shards[primary]++;
            memory[primary] += shard.mib();
            if (shard.db().replication() && n > 1) {
                int replica = leastLoaded(shards, memory, primary, zones, shard.db().rackAware());
                shards[replica]++;
                memory[replica] += shard.mib();
            }
        }
        List<NodeLoad> loads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            loads.add(new NodeLoad(i, zones.isEmpty() ? "" : zones.get(i % zones.size()), shards[i], memory[i]));
        }
        return new DatabaseLayout(loads, usableMiB);
    }

    /** The first node the estimate fills beyond what a node offers, if any. */
    public Optional<NodeLoad> overfull() {
        return nodes.stream().filter(n -> n.memoryMiB() > usableMiB).findFirst();
    }

    /**
     * The node with the least memory in use (then the fewest shards), not {@code avoid}, and in another zone than
     * it when asked (and possible).
     */
    private static int leastLoaded(int[] shards, long[] memory, int avoid, List<String> zones, boolean otherZone) {
        int best = -1;
        for (int i = 0; i < shards.length; i++) {
            if (i == avoid || (otherZone && avoid >= 0 && !zones.isEmpty() && sameZone(i, avoid, zones))) {
                continue;
            }
            if (best < 0 || memory[i] < memory[best] || (memory[i] == memory[best] && shards[i] < shards[best])) {
                best = i;
            }
        }
        return best >= 0 ? best : leastLoaded(shards, memory, avoid, zones, false);
    }

    private static boolean sameZone(int a, int b, List<String> zones) {
        return a % zones.size() == b % zones.size();
    }
}
