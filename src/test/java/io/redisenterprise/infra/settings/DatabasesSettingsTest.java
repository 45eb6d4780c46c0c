package io.redisenterprise.infra.settings;

import static io.redisenterprise.infra.TestStacks.aws;
import static io.redisenterprise.infra.TestStacks.kubernetes;
import static io.redisenterprise.infra.TestStacks.problems;
import static io.redisenterprise.infra.TestStacks.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.redisenterprise.infra.TestStacks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Declared databases: defaults, and every database Redis Enterprise could not serve refused with its key. */
class DatabasesSettingsTest {

    static Map<String, Object> db(String name, String memory, Object... more) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("memory", memory);
        for (int i = 0; i < more.length; i += 2) {
            d.put((String) more[i], more[i + 1]);
        }
        return d;
    }

    static TestStacks.Config withDatabases(TestStacks.Config config, Object... dbs) {
        return config.set("databases", List.of(dbs));
    }

    @Test
    void defaultsFollowTheSchemaAndTheStacksZones() {
        Settings s = withDatabases(aws(), db("cache", "2Gi")).settings();
        DatabaseSettings d = s.databases().get(0);
        assertThat(d.shards()).isEqualTo(1);
        assertThat(d.replication()).isTrue();
        assertThat(d.persistence()).isEqualTo("aofEverySecond");
        assertThat(d.tls()).isEqualTo("disabled");
        assertThat(d.evictionPolicy()).isEqualTo("volatile-lru");
        assertThat(d.ossCluster()).isFalse();
        assertThat(d.port()).isEmpty();
        assertThat(d.password()).isEmpty();
        assertThat(d.rackAware()).as("3 zones and replication").isTrue();
        assertThat(d.totalShards()).isEqualTo(2);
        assertThat(d.secretName()).isEqualTo("redb-cache");
        // One zone: rack awareness cannot apply, so it is off by default rather than refused.
        var single = kubernetes().set("redis", Map.of("nodes", 3)).set("databases", List.of(db("cache", "1Gi")));
        assertThat(single.settings().databases().get(0).rackAware()).isFalse();
    }

    @Test
    void noDatabasesIsAnEmptyList() {
        assertThat(aws().settings().databases()).isEmpty();
    }

    @Test
    void aSecretPasswordReachesTheSettingsAndNoLine() {
        var config = aws().secret("databases", List.of(db("cache", "2Gi", "password", "s3cret-pass")));
        assertThat(config.settings().databases().get(0).password()).map(SecretText::reveal).contains("s3cret-pass");
    }

    @Test
    void aDatabaseBelowTheMinimumHidesNoOtherDatabasesLine() {
        assertThat(problems(withDatabases(aws(), db("big", "200Gi"), db("tiny", "50Mi")))).containsExactly(
                "redis-enterprise:databases[0].shards: must be at least 6 for 200Gi: a shard never spans nodes, and one would hold 100Gi while a node offers 19532Mi (27904Mi less 30 %), got 1",
                "redis-enterprise:databases[1].memory: must be at least 100Mi (the RedisEnterpriseDatabase minimum is 100MB, and memorySize is written in whole mebibytes), got \"50Mi\"",
                "redis-enterprise:databases: the databases' memory (204850Mi in all, replicas included) must fit the cluster: 3 nodes x 27904Mi less the 30 % of each node Redis Enterprise keeps free = 58596Mi; add nodes, grow redis.memory or shrink the databases, got 204850Mi");
    }

    @Test
    void theSecretIsTheOperatorsUnlessTheStackGivesThePassword() {
        Settings s = aws().secret("databases", List.of(db("mine", "1Gi", "password", "s3cret-pass"), db("theirs", "1Gi"))).settings();
        assertThat(s.databases()).extracting(DatabaseSettings::secretName).containsExactly("mine.password", "redb-theirs");
    }

    @Test
    void aPlaintextPasswordIsRefusedWithoutShowingIt() {
        assertThat(problems(withDatabases(aws(), db("cache", "2Gi", "password", "s3cret-pass")))).containsExactly(
                "redis-enterprise:databases[0].password: must be a secret: pulumi config set --secret --path"
                        + " 'redis-enterprise:databases[0].password' <password>, got a plaintext value");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("name missing", withDatabases(aws(), Map.of("memory", "1Gi")),
                        "redis-enterprise:databases[0].name: required, got nothing"),
                refusal("name not a DNS-1035 label", withDatabases(aws(), db("1cache", "1Gi")),
                        "redis-enterprise:databases[0].name: must be a DNS-1035 label (lowercase letters, digits and '-', starting with a letter and ending with a letter or digit): it names the database's Service, got \"1cache\""),
                refusal("duplicate names", withDatabases(aws(), db("cache", "1Gi"), db("cache", "2Gi")),
                        "redis-enterprise:databases[1].name: must be unique: databases[0] has the same name, got \"cache\""),
                refusal("duplicate ports", withDatabases(aws(), db("a", "1Gi", "port", 12000), db("b", "1Gi", "port", 12000)),
                        "redis-enterprise:databases[1].port: must be unique in the cluster: databases[0] has the same port, got 12000"),
                refusal("port out of the database range", withDatabases(aws(), db("a", "1Gi", "port", 6379)),
                        "redis-enterprise:databases[0].port: must be at least 10000, got 6379"),
                refusal("unknown persistence", withDatabases(aws(), db("a", "1Gi", "persistence", "aof")),
                        "redis-enterprise:databases[0].persistence: must be one of disabled, aofEverySecond, aofAlways, snapshotEvery1Hour, snapshotEvery6Hour, snapshotEvery12Hour, got \"aof\""),
                refusal("unknown tls", withDatabases(aws(), db("a", "1Gi", "tls", "on")),
                        "redis-enterprise:databases[0].tls: must be one of disabled, enabled, replica_ssl, got \"on\""),
                refusal("unknown eviction policy", withDatabases(aws(), db("a", "1Gi", "evictionPolicy", "lru")),
                        "redis-enterprise:databases[0].evictionPolicy: must be one of noeviction, allkeys-lru, allkeys-lfu, allkeys-random, volatile-lru, volatile-lfu, volatile-random, volatile-ttl, got \"lru\""),
                refusal("unknown key", withDatabases(aws(), db("a", "1Gi", "shard", 2)),
                        "redis-enterprise:databases[0].shard: unknown key (did you mean shards?); known keys are evictionPolicy, memory, modules, name, ossCluster, password, persistence, port, rackAware, replication, shards, tls, got 2"),
                refusal("below the REDB minimum, as memorySize is written", withDatabases(aws(), db("a", "100M")),
                        "redis-enterprise:databases[0].memory: must be at least 100Mi (the RedisEnterpriseDatabase minimum is 100MB, and memorySize is written in whole mebibytes), got \"100M\""),
                refusal("a name the cluster's Services have", withDatabases(aws(), db("redis-enterprise-ui", "1Gi")),
                        "redis-enterprise:databases[0].name: names the Service redis-enterprise-ui, which is already the cluster's Service redis-enterprise-ui (the operator names a database's Services <name> and <name>-headless), got \"redis-enterprise-ui\""),
                refusal("a name another database's headless Service has", withDatabases(aws(), db("a", "1Gi"), db("a-headless", "1Gi")),
                        "redis-enterprise:databases[1].name: names the Service a-headless, which is already databases[0]'s Service a-headless (the operator names a database's Services <name> and <name>-headless), got \"a-headless\""),
                refusal("rack awareness in one zone", withDatabases(kubernetes().set("redis", Map.of("nodes", 3)), db("a", "1Gi", "rackAware", true)),
                        "redis-enterprise:databases[0].rackAware: needs a stack spanning at least 2 zones (nodePool.zones): rack awareness places each replica shard in another zone than its primary, got true"),
                refusal("rack awareness without replication", withDatabases(aws(), db("a", "1Gi", "replication", false, "rackAware", true)),
                        "redis-enterprise:databases[0].rackAware: needs replication: rack awareness places each replica shard in another zone than its primary, got true"),
                refusal("rack awareness in one zone without replication: both needs, one line",
                        withDatabases(kubernetes().set("redis", Map.of("nodes", 3)), db("a", "1Gi", "replication", false, "rackAware", true)),
                        "redis-enterprise:databases[0].rackAware: needs a stack spanning at least 2 zones (nodePool.zones) and replication: rack awareness places each replica shard in another zone than its primary, got true"),
                // aws default (operator mode): 3 nodes x 27904Mi, 70 % usable = 19532Mi a node, 58596Mi in all.
                refusal("more memory than the cluster holds", withDatabases(aws(), db("a", "40Gi", "shards", 4), db("b", "20Gi", "shards", 2)),
                        "redis-enterprise:databases: the databases' memory (60Gi in all, replicas included) must fit the cluster: 3 nodes x 27904Mi less the 30 % of each node Redis Enterprise keeps free = 58596Mi; add nodes, grow redis.memory or shrink the databases, got 60Gi"),
                refusal("a shard larger than a node", withDatabases(aws(), db("big", "50Gi")),
                        "redis-enterprise:databases[0].shards: must be at least 2 for 50Gi: a shard never spans nodes, and one would hold 25Gi while a node offers 19532Mi (27904Mi less 30 %), got 1"),
                refusal("more shards per node than Redis Enterprise runs", withDatabases(aws(), db("many", "50Gi", "shards", 160)),
                        "redis-enterprise:databases: the databases' 320 shards (replicas included) put 107 on a node; Redis Enterprise runs at most 100 per node (max_redis_servers); add nodes or use fewer shards, got 320"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void eachImpossibleDatabaseIsOneLineNamingItsKey(String rule, TestStacks.Config config, String line) {
        assertThat(problems(config)).containsExactly(line);
    }

    @Test
    void theLayoutSpreadsManyShardsOfManyDatabasesOverEveryNode() {
        Settings s = withDatabases(aws(), db("sessions", "8Gi"),
                db("cache", "16Gi", "shards", 4, "replication", false),
                db("orders", "24Gi", "shards", 6)).secret("license", "LICENSE-KEY").settings();
        DatabaseLayout layout = DatabaseLayout.of(s);
        assertThat(layout.nodes()).extracting(DatabaseLayout.NodeLoad::shards).containsExactly(6, 6, 6);
        assertThat(layout.nodes()).extracting(DatabaseLayout.NodeLoad::memoryMiB).containsExactly(16384L, 16384L, 16384L);
        assertThat(layout.nodes()).extracting(DatabaseLayout.NodeLoad::zone)
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
        assertThat(layout.usableMiB()).isEqualTo(19532L);
    }

    /** The README's example on the development stack with redis.memory 16Gi, as the README suggests. */
    static TestStacks.Config readmeExampleOnKubernetes() {
        return withDatabases(kubernetes().with("redis", "memory", "16Gi"), db("sessions", "4Gi"),
                db("cache", "8Gi", "replication", false, "persistence", "disabled"),
                db("orders", "12Gi", "shards", 3, "port", 12000)).secret("license", "LICENSE-KEY");
    }

    @Test
    void theLayoutBalancesMemoryNotShardCount() {
        // Balancing shard counts would put the 8Gi cache shard beside three 2Gi shards: 14Gi on a node that offers
        // 11468Mi. By memory, the cache has a node to itself and the seven 2Gi shards share the other two.
        Settings s = readmeExampleOnKubernetes().settings();
        DatabaseLayout layout = DatabaseLayout.of(s);
        assertThat(layout.usableMiB()).isEqualTo(11468L);
        assertThat(layout.nodes()).extracting(DatabaseLayout.NodeLoad::memoryMiB).containsExactly(8192L, 8192L, 8192L);
        assertThat(layout.nodes()).extracting(DatabaseLayout.NodeLoad::shards).containsExactly(1, 4, 4);
        assertThat(layout.overfull()).isEmpty();
        assertThat(s.warnings()).noneMatch(w -> w.startsWith("redis-enterprise:databases"));
    }

    @Test
    void aNodeTheEstimateOverfillsIsAWarning() {
        // Two 18Gi halves fill two nodes; the small database's replica cannot join its primary on the third.
        Settings s = withDatabases(aws(), db("big", "36Gi"), db("small", "4Gi")).secret("license", "LICENSE-KEY").settings();
        assertThat(s.warnings()).filteredOn(w -> w.startsWith("redis-enterprise:databases")).containsExactly(
                "redis-enterprise:databases: the estimated shard placement (the plan's databases section) puts 20Gi on"
                        + " node 0, above the 19532Mi a node offers; Redis Enterprise places shards without checking"
                        + " their memory limits (shards_overbooking), so that node runs out of memory before the"
                        + " databases are full: use more, smaller shards, grow redis.memory or add nodes");
    }

    @Test
    void aRefusedMachineTypeOrMemoryYieldsNoAdviceFromAStandIn() {
        // The pod's memory cannot be derived from an unknown machine: no shard or capacity line is computed from the
        // 4Gi stand-in (it would ask for 36 shards where the real machine needs 6).
        assertThat(problems(withDatabases(aws().with("nodePool", "machineType", "r6i.xlarg"), db("big", "200Gi"))))
                .singleElement().asString().startsWith("redis-enterprise:nodePool.machineType: ");
        assertThat(problems(withDatabases(aws().with("redis", "memory", 32), db("big", "200Gi"))))
                .allMatch(line -> line.startsWith("redis-enterprise:redis.memory: "));
    }

    @Test
    void aReplicaNeverSharesItsPrimarysNode() {
        Settings s = withDatabases(kubernetes().set("redis", Map.of("nodes", 3)), db("a", "1Gi", "shards", 1)).settings();
        // One primary and its replica over 3 nodes: two nodes carry one shard each, never one node two.
        assertThat(DatabaseLayout.of(s).nodes()).extracting(DatabaseLayout.NodeLoad::shards).containsExactly(1, 1, 0);
    }

    @Test
    void moreShardsThanTheTrialLicenceIsAWarningNotARefusal() {
        Settings s = withDatabases(aws(), db("a", "4Gi", "shards", 3)).settings();
        assertThat(s.warnings()).filteredOn(w -> w.startsWith("redis-enterprise:databases")).containsExactly("redis-enterprise:databases: 6 shards (replicas included) pass the trial"
                + " licence's 4; without redis-enterprise:license Redis Enterprise refuses the databases beyond it"
                + " (https://redis.io/docs/latest/operate/rs/clusters/configure/license-keys/)");
        Settings licensed = withDatabases(aws(), db("a", "4Gi", "shards", 3)).secret("license", "LICENSE-KEY").settings();
        assertThat(licensed.warnings()).noneMatch(w -> w.startsWith("redis-enterprise:databases"));
    }
}
