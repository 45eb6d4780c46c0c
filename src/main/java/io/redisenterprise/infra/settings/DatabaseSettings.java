package io.redisenterprise.infra.settings;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Redis database the stack declares ({@code redis-enterprise:databases[i]}), served by the Redis Enterprise
 * cluster as a RedisEnterpriseDatabase. Field names follow the REDB spec (app.redislabs.com/v1alpha1, operator
 * 8.0.20-23) where they map one to one.
 *
 * @param memory      the memory limit as Redis Enterprise counts it: every primary and replica shard together
 *                    (https://redis.io/docs/latest/operate/rs/databases/memory-performance/memory-limit/)
 * @param shards      primary shards; with replication each has a replica on another node
 * @param persistence the REDB persistence value (disabled, aofEverySecond, ...)
 * @param port        the database port, or empty for one Redis Enterprise assigns
 * @param tls         the REDB tlsMode value (disabled, enabled, replica_ssl)
 * @param password    the default user's password, or empty for one the operator generates
 * @param rackAware   primary and replica shards in different zones
 */
public record DatabaseSettings(
        String name,
        Quantity memory,
        int shards,
        boolean replication,
        String persistence,
        OptionalInt port,
        List<Module> modules,
        String tls,
        String evictionPolicy,
        boolean ossCluster,
        Optional<SecretText> password,
        boolean rackAware) {

    public DatabaseSettings {
        modules = List.copyOf(modules);
    }

    /** A module to enable: its name as the cluster lists it, an optional pinned version and its arguments. */
    public record Module(String name, Optional<String> version, Optional<String> args) {
    }

    /** Shards the database places on the nodes: its primaries, and as many replicas with replication. */
    public int totalShards() {
        return shards * (replication ? 2 : 1);
    }

    /** The memory one shard may use: the limit spread over every primary and replica shard. */
    public long shardMemoryMiB() {
        return memory.mebibytes() / totalShards();
    }

    /**
     * The Secret whose {@code password} key the database uses: {@code redb-<name>}, the one the operator generates
     * when the stack gives no password (db-controller docs), or {@code <name>.password}, the one this program writes
     * the stack's password into. Different names, so adding or removing a password later never has this program
     * create a Secret the operator already made, nor delete one the database still names; the dot keeps it apart
     * from every operator-generated name (database names are DNS-1035 labels, without dots).
     */
    public String secretName() {
        return password.isPresent() ? name + ".password" : "redb-" + name;
    }
}
