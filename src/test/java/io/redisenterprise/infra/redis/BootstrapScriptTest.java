package io.redisenterprise.infra.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redisenterprise.infra.redis.RedisEnterpriseStandIn.Member;
import io.redisenterprise.infra.redis.RedisEnterpriseStandIn.Recorded;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the cluster-formation sidecar script ({@code src/main/resources/bootstrap/bootstrap.py}) with python3 against
 * {@link RedisEnterpriseStandIn}. Peers are made resolvable through the script's test seam
 * {@code PEER_RESOLVE_OVERRIDE} (host=ip pairs replacing DNS) and reached through {@code PEER_API_URL_TEMPLATE}
 * ({@code http://127.0.0.1:<port>/node-{ordinal}}).
 */
class BootstrapScriptTest {
    private static final Path SCRIPT_DIR = Path.of("src", "main", "resources", "bootstrap").toAbsolutePath();
    private static final Path SCRIPT = SCRIPT_DIR.resolve("bootstrap.py");
    private static final String STS = "redis-enterprise";
    private static final String HEADLESS = "redis-enterprise.redis-enterprise.svc.cluster.local";
    private static final String CLUSTER = "redis-enterprise.redis-enterprise.svc.cluster.local";
    private static final String USER = "admin@redis.example";
    private static final String PASSWORD = "Sup3r-s3cret_Pa55word";
    private static final String TOKEN = "sa-token-123";
    /** Bounds a run that hangs; generous, because a loaded machine starts Python slowly. Never a speed assertion. */
    private static final Duration RUN_LIMIT = Duration.ofSeconds(90);
    /** How long to wait for a line of a running script; the wait ends as soon as the line appears. */
    private static final Duration AWAIT = Duration.ofSeconds(60);

    private static String pythonMissing;

    @TempDir
    Path tmp;

    private RedisEnterpriseStandIn standIn;

    @BeforeAll
    static void findPython() {
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            String version = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!probe.waitFor(10, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                pythonMissing = "python3 --version failed: " + version;
            }
        } catch (IOException | InterruptedException e) {
            pythonMissing = "python3 is not on the PATH (" + e.getMessage() + ")";
        }
        if (pythonMissing != null) {
            System.out.println("BootstrapScriptTest skipped: " + pythonMissing);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        // CI installs python3 (.ci/run); there, a missing interpreter is a failure, never a silent skip.
        if (System.getenv("CI") != null && pythonMissing != null) {
            throw new IllegalStateException("CI must provide python3: " + pythonMissing);
        }
        assumeTrue(pythonMissing == null, () -> "skipped: " + pythonMissing);
        standIn = new RedisEnterpriseStandIn();
        standIn.k8sToken(TOKEN);
        Path credentials = Files.createDirectories(tmp.resolve("credentials"));
        Files.writeString(credentials.resolve("username"), USER + "\n");
        Files.writeString(credentials.resolve("password"), PASSWORD + "\n");
        Path serviceAccount = Files.createDirectories(tmp.resolve("serviceaccount"));
        Files.writeString(serviceAccount.resolve("token"), TOKEN);
        Files.writeString(serviceAccount.resolve("ca.crt"), "not used over http\n");
    }

    @AfterEach
    void tearDown() {
        if (standIn != null) {
            standIn.close();
        }
    }

    // ---------------------------------------------------------------------------------------------- create

    @Test
    void podZeroCreatesTheClusterWhenNoPeerIsAMember() throws Exception {
        standIn.k8sNode("vm-a", "us-east-1a");
        Path license = Files.writeString(tmp.resolve("license"), "----- LICENSE START -----\nabc\n");
        Map<String, String> env = env(0, true, 1, 2);
        env.put("LICENSE_FILE", license.toString());

        ScriptRun run = run(env, "run", "--once");

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<Recorded> creates = standIn.requests("node-0", "POST", "/v1/bootstrap/create_cluster");
        assertThat(creates).hasSize(1);
        JsonNode body = creates.get(0).body();
        assertThat(body.path("action").asText()).isEqualTo("create_cluster");
        assertThat(body.path("cluster").path("name").asText()).isEqualTo(CLUSTER);
        assertThat(body.path("credentials").path("username").asText()).isEqualTo(USER);
        assertThat(body.path("credentials").path("password").asText()).isEqualTo(PASSWORD);
        assertThat(body.path("policy").path("rack_aware").asBoolean(false)).isTrue();
        assertThat(body.path("license").asText()).isEqualTo("----- LICENSE START -----\nabc");
        JsonNode identity = body.path("node").path("identity");
        assertThat(identity.path("name").asText()).isEqualTo("redis-enterprise-0");
        assertThat(identity.path("addr").asText()).isEqualTo(ip(0));
        assertThat(identity.path("rack_id").asText()).isEqualTo("us-east-1a");
        assertThat(identity.has("uid")).isFalse();
        assertThat(body.path("node").path("paths").path("persistent_path").asText())
                .isEqualTo("/var/opt/redislabs/persist");
        assertThat(body.path("node").path("paths").path("ephemeral_path").asText())
                .isEqualTo("/var/opt/redislabs/tmp");
        // Both existing peers were asked (and found idle) before creating; ordinal 3 does not resolve.
        assertThat(standIn.requests("node-1", "GET", "/v1/bootstrap")).isNotEmpty();
        assertThat(standIn.requests("node-2", "GET", "/v1/bootstrap")).isNotEmpty();
        assertThat(standIn.requests().stream().map(Recorded::target)).doesNotContain("node-3");
        List<Recorded> k8s = standIn.requests("k8s", "GET", "/api/v1/nodes/vm-a");
        assertThat(k8s).hasSize(1);
        assertThat(k8s.get(0).authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(standIn.node(0).state()).isEqualTo("completed");
        assertThat(standIn.clusterRackAware()).isTrue();
        assertThat(run.output()).contains("bootstrap completed");
    }

    @Test
    void withoutRackAwarenessNoRackIdIsSentAndTheKubernetesApiIsNotAsked() throws Exception {
        Map<String, String> env = env(0, false);
        env.put("LICENSE_FILE", tmp.resolve("no-such-license").toString());

        ScriptRun run = run(env, "run", "--once");

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode body = single(standIn.requests("node-0", "POST", "/v1/bootstrap/create_cluster")).body();
        assertThat(body.path("node").path("identity").has("rack_id")).isFalse();
        assertThat(body.path("policy").path("rack_aware").asBoolean(true)).isFalse();
        assertThat(body.has("license")).isFalse();
        assertThat(standIn.requests().stream().map(Recorded::target)).doesNotContain("k8s");
        assertThat(run.output()).contains("license=trial");
    }

    @Test
    void retriesUntilTheLocalApiAnswers() throws Exception {
        standIn.node(0).unavailableFor(3);

        ScriptRun run = run(env(0, false), "run", "--once");

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<Recorded> local = standIn.requests().stream().filter(r -> r.target().equals("node-0")).toList();
        assertThat(local.subList(0, 4)).allMatch(r -> r.is("node-0", "GET", "/v1/bootstrap"));
        assertThat(standIn.requests("node-0", "POST", "/v1/bootstrap/create_cluster")).hasSize(1);
        assertThat(run.output()).contains("waiting for the local REST API").contains("HTTP 503");
    }

    @Test
    void givesUpWithAClearLineWhenTheApiNeverAnswers() throws Exception {
        Map<String, String> env = env(0, false);
        env.put("RE_API_URL", "http://127.0.0.1:" + closedPort());
        env.put("TIMEOUT_SECONDS", "1");

        ScriptRun run = run(env, "run", "--once");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        // The line states the budget the script kept; wall-clock time is not asserted (a loaded machine skews it).
        assertThat(run.output()).contains(
                "FAILED: timed out after 1s (TIMEOUT_SECONDS) waiting for the local Redis Enterprise REST API");
    }

    @Test
    void podZeroDoesNotCreateWhileAPeerMightBelongToACluster() throws Exception {
        standIn.node(1).unavailableFor(10_000);
        Map<String, String> env = env(0, false, 1);
        env.put("TIMEOUT_SECONDS", "1.5");

        ScriptRun run = run(env, "run", "--once");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(standIn.requests().stream().map(Recorded::method)).doesNotContain("POST");
        assertThat(run.output()).contains("not creating a cluster while these peers might belong to one: " + host(1));
    }

    // ---------------------------------------------------------------------------------------------- join

    @Test
    void podOneJoinsThroughTheMembersPodZeroFirst() throws Exception {
        standIn.existingCluster(CLUSTER, USER, PASSWORD, true);
        standIn.node(0).asMember(1, ip(0), "zone-a");
        standIn.node(2).asMember(2, ip(2), "zone-b");
        standIn.k8sNode("vm-b", "1"); // an Azure-style numeric zone

        ScriptRun run = run(env(1, true, 0, 2), "run", "--once");

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode body = single(standIn.requests("node-1", "POST", "/v1/bootstrap/join_cluster")).body();
        assertThat(body.path("action").asText()).isEqualTo("join_cluster");
        assertThat(texts(body.path("cluster").path("nodes"))).containsExactly(ip(0), ip(2));
        JsonNode identity = body.path("node").path("identity");
        assertThat(identity.path("name").asText()).isEqualTo("redis-enterprise-1");
        assertThat(identity.path("addr").asText()).isEqualTo(ip(1));
        assertThat(identity.path("rack_id").asText()).isEqualTo("zone-1");
        assertThat(identity.has("uid")).isFalse();
        assertThat(body.path("credentials").path("username").asText()).isEqualTo(USER);
        assertThat(body.path("credentials").path("password").asText()).isEqualTo(PASSWORD);
        assertThat(body.path("node").path("paths").path("persistent_path").asText())
                .isEqualTo("/var/opt/redislabs/persist");
        assertThat(standIn.requests("node-1", "POST", "/v1/bootstrap/create_cluster")).isEmpty();
        // Peers are probed with the admin credentials (members demand them).
        assertThat(standIn.requests("node-0", "GET", "/v1/bootstrap").get(0).authorization()).startsWith("Basic ");
        Member joined = standIn.members().get(standIn.node(1).uid());
        assertThat(joined.addr).isEqualTo(ip(1));
        assertThat(joined.rackId).isEqualTo("zone-1");
    }

    @Test
    void aFreshVolumeReplacesTheDeadNodeAfterRepairRequired() throws Exception {
        standIn.existingCluster(CLUSTER, USER, PASSWORD, true);
        standIn.node(0).asMember(1, ip(0), "zone-a");
        standIn.deadMember(2, "10.0.0.99", "zone-b");
        standIn.node(2).asMember(3, ip(2), "zone-c");
        standIn.k8sNode("vm-b", "zone-d"); // rescheduled into another zone

        ScriptRun run = run(env(1, true, 0, 2), "run", "--once");

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<Recorded> joins = standIn.requests("node-1", "POST", "/v1/bootstrap/join_cluster");
        assertThat(joins).hasSize(2);
        assertThat(joins.get(0).body().path("node").path("identity").has("uid")).isFalse();
        JsonNode replacement = joins.get(1).body().path("node").path("identity");
        assertThat(replacement.path("uid").asInt()).isEqualTo(2);
        assertThat(replacement.path("override_rack_id").asBoolean(false)).isTrue();
        assertThat(replacement.path("rack_id").asText()).isEqualTo("zone-d");
        assertThat(texts(joins.get(1).body().path("cluster").path("nodes"))).containsExactly(ip(0), ip(2));
        Member replaced = standIn.members().get(2);
        assertThat(replaced.status).isEqualTo("active");
        assertThat(replaced.addr).isEqualTo(ip(1));
        assertThat(run.output()).contains("repair_required").contains("taking over uid 2");
    }

    @Test
    void podZeroWithAFreshVolumeJoinsTheExistingClusterInsteadOfCreatingOne() throws Exception {
        standIn.existingCluster(CLUSTER, USER, PASSWORD, false);
        standIn.deadMember(1, "10.0.0.98", null); // pod-0's old identity
        standIn.node(1).asMember(2, ip(1), null);
        standIn.node(2).asMember(3, ip(2), null);

        ScriptRun run = run(env(0, false, 1, 2), "run", "--once");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(standIn.requests("node-0", "POST", "/v1/bootstrap/create_cluster")).isEmpty();
        List<Recorded> joins = standIn.requests("node-0", "POST", "/v1/bootstrap/join_cluster");
        assertThat(joins).hasSize(2);
        assertThat(texts(joins.get(0).body().path("cluster").path("nodes"))).containsExactly(ip(1), ip(2));
        JsonNode identity = joins.get(1).body().path("node").path("identity");
        assertThat(identity.path("uid").asInt()).isEqualTo(1);
        assertThat(identity.has("override_rack_id")).isFalse();
        assertThat(identity.has("rack_id")).isFalse();
        assertThat(standIn.members().get(1).addr).isEqualTo(ip(0));
        assertThat(standIn.members()).hasSize(3);
    }

    @Test
    void aJoinerWaitsForPodZeroToCreateTheCluster() throws Exception {
        Map<String, String> env = env(1, false, 0);
        env.put("TIMEOUT_SECONDS", "0.8");

        ScriptRun run = run(env, "run", "--once");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(standIn.requests().stream().map(Recorded::method)).doesNotContain("POST");
        assertThat(run.output()).contains("no cluster member reachable yet");
    }

    @Test
    void aRestartWithItsVolumeDoesNothingAndKeepsMonitoring() throws Exception {
        standIn.existingCluster(CLUSTER, USER, PASSWORD, false);
        standIn.node(0).asMember(1, ip(0), null);
        standIn.node(1).asMember(2, ip(1), null);
        Map<String, String> env = env(1, false, 0);
        env.put("MONITOR_SECONDS", "0.2");

        try (ScriptProcess process = ScriptProcess.start(command("run"), env)) {
            assertThat(process.awaitOutput("active cluster member: node uid 2 status active", AWAIT))
                    .as(process.output()).isTrue();
            assertThat(process.isAlive()).isTrue();
            assertNoSecrets(process.output());
            assertThat(process.output()).contains("already a cluster member");
        }
        assertThat(standIn.requests().stream().map(Recorded::method)).containsOnly("GET");
        assertThat(standIn.requests().stream().map(Recorded::target)).containsOnly("node-1");
    }

    // ---------------------------------------------------------------------------------------------- ready

    @Test
    void readyExitsZeroOnlyForAnActiveMember() throws Exception {
        standIn.existingCluster(CLUSTER, USER, PASSWORD, false);
        standIn.node(1).asMember(2, ip(1), null);
        standIn.node(2).asMember(3, ip(2), null).status = "provisioning";

        ScriptRun idle = run(readyEnv(standIn.nodeUrl(0)), "ready");
        ScriptRun active = run(readyEnv(standIn.nodeUrl(1)), "ready");
        ScriptRun provisioning = run(readyEnv(standIn.nodeUrl(2)), "ready");
        ScriptRun down = run(readyEnv("http://127.0.0.1:" + closedPort()), "ready");

        assertThat(idle.exitCode()).as(idle.output()).isEqualTo(1);
        assertThat(idle.output()).contains("not ready: bootstrap state is idle");
        assertThat(active.exitCode()).as(active.output()).isZero();
        assertThat(active.output()).contains("ready: node uid 2 status active");
        assertThat(standIn.requests("node-1", "GET", "/v1/nodes/2")).hasSize(1);
        assertThat(provisioning.exitCode()).as(provisioning.output()).isEqualTo(1);
        assertThat(provisioning.output()).contains("status provisioning");
        assertThat(down.exitCode()).as(down.output()).isEqualTo(1);
    }

    @Test
    void notReadyWhileTheNodeIsInMaintenanceMode() throws Exception {
        standIn.existingCluster(CLUSTER, USER, PASSWORD, false);
        standIn.node(1).asMember(2, ip(1), null).maintenanceDepth = 1;

        ScriptRun probe = run(readyEnv(standIn.nodeUrl(1)), "ready");

        assertThat(probe.exitCode()).as(probe.output()).isEqualTo(1);
        assertThat(probe.output()).contains("not ready: node uid 2 status active, in maintenance mode (snapshot maintenance_mode_node2)");
    }

    // ---------------------------------------------------------------------------------------------- drain (preStop)

    @Test
    void drainDemotesThePrimariesWithMaintenanceModeThenSignalsTheNodeContainer() throws Exception {
        standIn.existingCluster(CLUSTER, USER, PASSWORD, true);
        standIn.node(0).asMember(1, ip(0), "zone-a");
        Member draining = standIn.node(1).asMember(2, ip(1), "zone-b");
        draining.primaryShards.addAll(List.of(1, 3));
        draining.replicaShards.add(2);
        standIn.node(2).asMember(3, ip(2), "zone-c");

        ScriptRun run = run(drainEnv(1), "drain");

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode body = single(standIn.requests("node-1", "POST", "/v1/nodes/2/actions/maintenance_on")).body();
        assertThat(body.path("evict_ha_replica").isBoolean()).isTrue();
        assertThat(body.path("evict_ha_replica").asBoolean(true)).isFalse();
        assertThat(body.path("evict_active_active_replica").asBoolean(true)).isFalse();
        assertThat(standIn.requests("node-1", "GET", "/v1/nodes/2/actions/maintenance_on")).isNotEmpty();
        assertThat(draining.maintenanceDepth).isEqualTo(1);
        assertThat(draining.primaryShards).isEmpty();
        assertThat(draining.replicaShards).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(lifecycle("drained")).contains("drained");
        assertThat(tmp.resolve("lifecycle").resolve("draining")).doesNotExist();
        assertThat(run.output()).contains("2 primary shards").contains("0 primary shards left");
    }

    @Test
    void drainNeverTurnsMaintenanceModeOnTwice() throws Exception {
        standIn.existingCluster(CLUSTER, USER, PASSWORD, false);
        standIn.node(0).asMember(1, ip(0), null);
        standIn.node(1).asMember(2, ip(1), null).maintenanceDepth = 1;
        standIn.node(2).asMember(3, ip(2), null);

        ScriptRun run = run(drainEnv(1), "drain");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(standIn.requests().stream().map(Recorded::method)).containsOnly("GET");
        assertThat(standIn.member(2).maintenanceDepth).isEqualTo(1);
        assertThat(lifecycle("drained")).contains("drained");
        assertThat(run.output()).contains("already in maintenance mode");
    }

    @Test
    void aDrainTheClusterRefusesStillLetsTheNodeStop() throws Exception {
        standIn.existingCluster(CLUSTER, USER, PASSWORD, false);
        standIn.node(0).asMember(1, ip(0), null).primaryShards.add(1); // a one-node cluster: no quorum without it

        ScriptRun run = run(drainEnv(0), "drain");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(standIn.member(1).maintenanceDepth).isZero();
        assertThat(lifecycle("drained")).contains("failed");
        assertThat(run.output()).contains("FAILED: maintenance_on failed (shutting the node down would lose the cluster's quorum)");
    }

    @Test
    void aDrainThatDoesNotFinishGivesUpAtItsTimeout() throws Exception {
        standIn.existingCluster(CLUSTER, USER, PASSWORD, false);
        standIn.node(0).asMember(1, ip(0), null);
        standIn.node(1).asMember(2, ip(1), null);
        standIn.node(2).asMember(3, ip(2), null);
        standIn.actionPolls = 100_000;
        Map<String, String> env = drainEnv(1);
        env.put("DRAIN_TIMEOUT_SECONDS", "0.5");

        ScriptRun run = run(env, "drain");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("0.5s (DRAIN_TIMEOUT_SECONDS) passed waiting for the maintenance_on action");
        assertThat(lifecycle("drained")).contains("failed");
    }

    @Test
    void drainingANodeThatIsNoMemberMovesNothing() throws Exception {
        ScriptRun run = run(drainEnv(1), "drain");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(standIn.requests().stream().map(Recorded::method)).containsOnly("GET");
        assertThat(lifecycle("drained")).contains("drained");
        assertThat(run.output()).contains("nothing to move off this node");
    }

    @Test
    void theNodeLeavesMaintenanceModeWhenItsPodStartsAgain() throws Exception {
        standIn.existingCluster(CLUSTER, USER, PASSWORD, false);
        standIn.node(0).asMember(1, ip(0), null);
        Member node = standIn.node(1).asMember(2, ip(1), null);
        node.primaryShards.addAll(List.of(1, 3));
        standIn.node(2).asMember(3, ip(2), null);
        ScriptRun drained = run(drainEnv(1), "drain"); // the pod stopped ...
        assertThat(drained.exitCode()).as(drained.output()).isZero();
        assertThat(run(readyEnv(standIn.nodeUrl(1)), "ready").exitCode()).isEqualTo(1);

        ScriptRun run = run(env(1, false, 0, 2), "run", "--once"); // ... and its successor starts

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(standIn.requests("node-1", "POST", "/v1/nodes/2/actions/maintenance_off")).hasSize(1);
        assertThat(node.maintenanceDepth).isZero();
        assertThat(node.primaryShards).containsExactlyInAnyOrder(1, 3);
        assertThat(standIn.requests("node-1", "POST", "/v1/bootstrap/join_cluster")).isEmpty();
        assertThat(run.output()).contains("turning it off").contains("maintenance mode off for node uid 2");
        assertThat(run(readyEnv(standIn.nodeUrl(1)), "ready").exitCode()).isZero();
    }

    // ---------------------------------------------------------------------------------------------- restarts

    @Test
    void aRestartThatLostTheMembershipBootstrapsAgain() throws Exception {
        standIn.existingCluster(CLUSTER, USER, PASSWORD, false);
        standIn.node(0).asMember(1, ip(0), null);
        standIn.node(1).asMember(2, ip(1), null);
        standIn.node(2).asMember(3, ip(2), null);
        Map<String, String> env = env(1, false, 0, 2);
        env.put("MONITOR_SECONDS", "0.1");

        try (ScriptProcess process = ScriptProcess.start(command("run"), env)) {
            assertThat(process.awaitOutput("active cluster member: node uid 2 status active", AWAIT))
                    .as(process.output()).isTrue();
            standIn.node(1).restart(4, true);

            assertThat(process.awaitOutput("creating or joining again", AWAIT)).as(process.output()).isTrue();
            assertThat(process.awaitCount("active cluster member: node uid 2 status active", 2, AWAIT))
                    .as(process.output()).isTrue();
            assertThat(process.output()).contains("local REST API unreachable").contains("taking over uid 2");
            assertThat(process.isAlive()).isTrue();
        }
        List<Recorded> joins = standIn.requests("node-1", "POST", "/v1/bootstrap/join_cluster");
        assertThat(joins).hasSize(2);
        assertThat(joins.get(1).body().path("node").path("identity").path("uid").asInt()).isEqualTo(2);
        assertThat(standIn.member(2).status).isEqualTo("active");
        assertThat(standIn.node(1).state()).isEqualTo("completed");
    }

    @Test
    void aRestartWithItsVolumeKeepsTheMembership() throws Exception {
        standIn.existingCluster(CLUSTER, USER, PASSWORD, false);
        standIn.node(0).asMember(1, ip(0), null);
        standIn.node(1).asMember(2, ip(1), null);
        Map<String, String> env = env(1, false, 0);
        env.put("MONITOR_SECONDS", "0.1");

        try (ScriptProcess process = ScriptProcess.start(command("run"), env)) {
            assertThat(process.awaitOutput("active cluster member: node uid 2", AWAIT)).as(process.output()).isTrue();
            standIn.node(1).restart(4, false);
            assertThat(process.awaitOutput("the node kept its membership", AWAIT)).as(process.output()).isTrue();
            assertThat(process.awaitCount("active cluster member: node uid 2 status active", 2, AWAIT))
                    .as(process.output()).isTrue();
        }
        assertThat(standIn.requests().stream().map(Recorded::method)).containsOnly("GET");
    }

    @Test
    void aNodeRemovedWhileItsContainerRunsIsNotJoinedAgain() throws Exception {
        standIn.existingCluster(CLUSTER, USER, PASSWORD, false);
        standIn.node(0).asMember(1, ip(0), null);
        standIn.node(1).asMember(2, ip(1), null);
        standIn.node(2).asMember(3, ip(2), null);
        Map<String, String> env = env(2, false, 0, 1);
        env.put("MONITOR_SECONDS", "0.1");

        try (ScriptProcess process = ScriptProcess.start(command("run"), env)) {
            assertThat(process.awaitOutput("active cluster member: node uid 3", AWAIT)).as(process.output()).isTrue();
            standIn.node(2).removedFromCluster(); // rladmin node 3 remove, before a scale-down
            assertThat(process.awaitOutput("not joining again", AWAIT)).as(process.output()).isTrue();
            assertThat(process.awaitOutput("NOT an active cluster member", AWAIT)).as(process.output()).isTrue();
            assertThat(process.isAlive()).isTrue();
        }
        assertThat(standIn.requests().stream().filter(r -> r.target().equals("node-2")).map(Recorded::method))
                .containsOnly("GET");
        assertThat(standIn.members()).doesNotContainKey(3);
    }

    // ---------------------------------------------------------------------------------------------- misc

    @Test
    void zoneLabelsAreSanitizedIntoValidRackIds() throws Exception {
        String longZone = "a".repeat(70);
        List<String> zones = List.of("us-east-1a", "europe-west1-b", "eastus-2", "1", "-9-", "Zone_A.b", longZone);
        List<String> command = new ArrayList<>(List.of("python3", "-B", "-c",
                "import sys; sys.path.insert(0, sys.argv[1]); import bootstrap; "
                        + "[print(bootstrap.sanitize_rack_id(z)) for z in sys.argv[2:]]",
                SCRIPT_DIR.toString()));
        command.addAll(zones);

        ScriptRun run = execute(command, new HashMap<>());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines().toList()).containsExactly(
                "us-east-1a", "europe-west1-b", "eastus-2", "zone-1", "zone-9", "Zone-A-b", "a".repeat(63));
    }

    @Test
    void thePasswordNeverAppearsInTheOutputEvenWhenTheJoinIsRejected() throws Exception {
        standIn.existingCluster(CLUSTER, USER, "the-clusters-real-password", false);
        standIn.node(0).asMember(1, ip(0), null);
        Map<String, String> env = env(1, false, 0);
        env.put("TIMEOUT_SECONDS", "1");

        ScriptRun run = run(env, "run", "--once");

        // The peer rejects our credentials (401): it still counts as a member, and the join fails access_denied.
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(standIn.requests("node-1", "POST", "/v1/bootstrap/join_cluster")).isNotEmpty();
        assertThat(run.output()).contains("access_denied").contains("timed out");
        assertNoSecrets(run.output());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        ScriptRun run = run(env(0, false), "form");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("usage: bootstrap.py run [--once] | bootstrap.py ready | bootstrap.py drain");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static String ip(int ordinal) {
        return "10.0.0." + (10 + ordinal);
    }

    private static String host(int ordinal) {
        return STS + "-" + ordinal + "." + HEADLESS;
    }

    /** The environment of pod {@code ordinal}; {@code peers} are the other ordinals whose DNS name resolves. */
    private Map<String, String> env(int ordinal, boolean rackAware, int... peers) {
        Map<String, String> env = new HashMap<>();
        env.put("POD_NAME", STS + "-" + ordinal);
        env.put("POD_NAMESPACE", "redis-enterprise");
        env.put("POD_IP", ip(ordinal));
        env.put("NODE_NAME", "vm-" + (char) ('a' + ordinal));
        env.put("STATEFULSET_NAME", STS);
        env.put("HEADLESS_SERVICE", HEADLESS);
        env.put("CLUSTER_FQDN", CLUSTER);
        env.put("RACK_AWARE", Boolean.toString(rackAware));
        env.put("CREDENTIALS_DIR", tmp.resolve("credentials").toString());
        env.put("LICENSE_FILE", tmp.resolve("license").toString());
        env.put("RE_API_URL", standIn.nodeUrl(ordinal));
        env.put("K8S_API_URL", standIn.k8sUrl());
        env.put("SERVICE_ACCOUNT_DIR", tmp.resolve("serviceaccount").toString());
        env.put("RETRY_SECONDS", "0.05");
        env.put("TIMEOUT_SECONDS", "15");
        env.put("PEER_API_URL_TEMPLATE", standIn.peerUrlTemplate());
        env.put("PEER_RESOLVE_OVERRIDE", IntStream.of(peers)
                .mapToObj(n -> host(n) + "=" + ip(n)).collect(Collectors.joining(",")));
        return env;
    }

    /** The preStop hook's environment: the sidecar's, with the lifecycle directory both containers share. */
    private Map<String, String> drainEnv(int ordinal) {
        Map<String, String> env = env(ordinal, false);
        env.put("LIFECYCLE_DIR", tmp.resolve("lifecycle").toString());
        env.put("DRAIN_TIMEOUT_SECONDS", "10");
        return env;
    }

    private String lifecycle(String file) throws IOException {
        return Files.readString(tmp.resolve("lifecycle").resolve(file));
    }

    private Map<String, String> readyEnv(String apiUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("CREDENTIALS_DIR", tmp.resolve("credentials").toString());
        env.put("RE_API_URL", apiUrl);
        env.put("POD_IP", ip(9));
        return env;
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of("python3", "-B", SCRIPT.toString()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    private static ScriptRun run(Map<String, String> env, String... args) throws Exception {
        ScriptRun run = execute(command(args), env);
        if (Boolean.getBoolean("bootstrap.verbose")) { // mvn test -Dbootstrap.verbose=true shows the script's log
            System.out.printf("--- bootstrap.py %s (exit %d, %d ms)%n%s", String.join(" ", args), run.exitCode(),
                    run.elapsed().toMillis(), run.output());
        }
        assertNoSecrets(run.output());
        return run;
    }

    private static ScriptRun execute(List<String> command, Map<String, String> env) throws Exception {
        try (ScriptProcess process = ScriptProcess.start(command, env)) {
            return process.finish(RUN_LIMIT);
        }
    }

    private static void assertNoSecrets(String output) {
        assertThat(output).doesNotContain(PASSWORD).doesNotContain("the-clusters-real-password");
    }

    private static Recorded single(List<Recorded> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    record ScriptRun(int exitCode, String output, Duration elapsed) {}

    /** python3 as a child process with only the given environment (plus PATH), its output collected live. */
    static final class ScriptProcess implements AutoCloseable {
        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final Thread reader;
        private final long started = System.nanoTime();

        private ScriptProcess(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try (InputStream in = process.getInputStream()) {
                    for (int n; (n = in.read(buffer)) != -1; ) {
                        output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException ignored) {
                    // the process went away
                }
            }, "bootstrap-output");
            reader.setDaemon(true);
            reader.start();
        }

        static ScriptProcess start(List<String> command, Map<String, String> env) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            builder.environment().put("PYTHONUNBUFFERED", "1");
            builder.environment().putAll(env);
            return new ScriptProcess(builder.start());
        }

        boolean awaitOutput(String needle, Duration limit) throws InterruptedException {
            long end = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < end) {
                if (output.indexOf(needle) >= 0) {
                    return true;
                }
                Thread.sleep(20);
            }
            return output.indexOf(needle) >= 0;
        }

        boolean awaitCount(String needle, int times, Duration limit) throws InterruptedException {
            long end = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < end) {
                if (count(needle) >= times) {
                    return true;
                }
                Thread.sleep(20);
            }
            return count(needle) >= times;
        }

        private int count(String needle) {
            String text = output.toString();
            int n = 0;
            for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
                n++;
            }
            return n;
        }

        boolean isAlive() {
            return process.isAlive();
        }

        String output() {
            return output.toString();
        }

        ScriptRun finish(Duration limit) throws InterruptedException {
            boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            reader.join(2000);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            assertThat(exited).as("script did not finish within %s:%n%s", limit, output).isTrue();
            return new ScriptRun(process.exitValue(), output.toString(), elapsed);
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            reader.join(2000);
        }
    }
}
