package io.redisenterprise.infra.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redisenterprise.infra.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The {@code plan} command end to end: files, console, exit codes, secrets. */
class PlanCommandTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run plan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("plan"));
        all.addAll(List.of(args));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    static Stream<Path> stackFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("stacks"))) {
            return Stream.concat(Stream.of(Path.of("Pulumi.dev.yaml")),
                    s.filter(p -> p.getFileName().toString().matches("Pulumi\\..+\\.yaml")).sorted().toList().stream());
        }
    }

    @ParameterizedTest
    @MethodSource("stackFiles")
    void everyStackInTheRepositoryPlans(Path stack) throws IOException {
        Run run = plan("--config", stack.toString(), "--out", tmp.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err().lines()).allMatch(l -> l.startsWith("warning: "));
        assertThat(tmp.resolve("manifests.yaml")).isNotEmptyFile();
        JsonNode planJson = new ObjectMapper().readTree(tmp.resolve("plan.json").toFile());
        String stackName = stack.getFileName().toString().replaceAll("Pulumi\\.(.+)\\.yaml", "$1");
        assertThat(planJson.get("stack").asText()).isEqualTo(stackName);
        assertThat(planJson.get("resources")).isNotEmpty();
        assertThat(run.out()).contains("Resources by layer", "Placement", "Storage", "Sizing");
    }

    @Test
    void cloudStacksRunThreeNodesAcrossThreeZonesWithThePinnedOperator() throws IOException {
        for (String cloud : List.of("aws", "gcp", "azure")) {
            Run run = plan("--config", "stacks/Pulumi." + cloud + ".yaml", "--out", tmp.resolve(cloud).toString());
            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("operator chart   redis-enterprise-operator 8.0.20-23 from https://helm.redis.io");
            JsonNode planJson = new ObjectMapper().readTree(tmp.resolve(cloud).resolve("plan.json").toFile());
            assertThat(planJson.get("cloud").asText()).isEqualTo(cloud);
            JsonNode release = find(planJson, "kubernetes:helm.sh/v3:Release");
            assertThat(release.at("/inputs/chart").asText()).isEqualTo("redis-enterprise-operator");
            assertThat(release.at("/inputs/repositoryOpts/repo").asText()).isEqualTo("https://helm.redis.io");
            assertThat(release.at("/inputs/version").asText()).isEqualTo("8.0.20-23");
            assertThat(release.at("/inputs/values/admission/limitToNamespace").asBoolean()).isTrue();
            JsonNode rec = find(planJson, "kubernetes:app.redislabs.com/v1:RedisEnterpriseCluster");
            assertThat(rec.at("/inputs/spec/nodes").isIntegralNumber()).isTrue();
            assertThat(rec.at("/inputs/spec/nodes").asInt()).isEqualTo(3);
            assertThat(rec.at("/inputs/spec/rackAwarenessNodeLabel").asText()).isEqualTo("topology.kubernetes.io/zone");
        }
    }

    @Test
    void statefulSetStacksRunThreeNodesAcrossThreeZones() throws IOException {
        for (String cloud : List.of("aws", "gcp", "azure")) {
            Run run = plan("--config", statefulSetStack(cloud).toString(), "--out", tmp.resolve(cloud).toString());
            assertThat(run.exit()).as(run.err()).isZero();
            JsonNode planJson = new ObjectMapper().readTree(tmp.resolve(cloud).resolve("plan.json").toFile());
            assertThat(planJson.get("cloud").asText()).isEqualTo(cloud);
            JsonNode sts = find(planJson, "kubernetes:apps/v1:StatefulSet");
            assertThat(sts.at("/inputs/spec/replicas").isIntegralNumber()).isTrue();
            assertThat(sts.at("/inputs/spec/replicas").asInt()).isEqualTo(3);
            assertThat(sts.at("/inputs/spec/template/spec/topologySpreadConstraints/0/topologyKey").asText())
                    .isEqualTo("topology.kubernetes.io/zone");
        }
    }

    @Test
    void planJsonUsesPulumiTypeTokens() throws IOException {
        plan("--config", "stacks/Pulumi.aws.yaml", "--out", tmp.toString());
        JsonNode planJson = new ObjectMapper().readTree(tmp.resolve("plan.json").toFile());
        List<String> types = new ArrayList<>();
        planJson.get("resources").forEach(r -> types.add(r.get("type").asText()));
        assertThat(types).contains("aws:eks/nodeGroup:NodeGroup", "kubernetes:helm.sh/v3:Release",
                "kubernetes:app.redislabs.com/v1:RedisEnterpriseCluster", "pulumi:providers:kubernetes",
                "redis-enterprise:index:OperatorDeployment");
        assertThat(find(planJson, "kubernetes:app.redislabs.com/v1:RedisEnterpriseCluster").get("parent").asText())
                .isEqualTo("redis-enterprise:index:OperatorDeployment::redis-enterprise");
    }

    /** The StatefulSet keeps its type token and parent, so an existing statefulset stack sees no replacement. */
    @Test
    void statefulSetPlanKeepsTodaysTypeTokensAndParents() throws IOException {
        plan("--config", statefulSetStack("aws").toString(), "--out", tmp.toString());
        JsonNode planJson = new ObjectMapper().readTree(tmp.resolve("plan.json").toFile());
        List<String> types = new ArrayList<>();
        planJson.get("resources").forEach(r -> types.add(r.get("type").asText()));
        assertThat(types).contains("aws:eks/nodeGroup:NodeGroup", "kubernetes:apps/v1:StatefulSet",
                "pulumi:providers:kubernetes", "redis-enterprise:index:RedisEnterpriseCluster")
                .doesNotContain("kubernetes:helm.sh/v3:Release", "redis-enterprise:index:OperatorDeployment");
        assertThat(find(planJson, "kubernetes:apps/v1:StatefulSet").get("parent").asText())
                .isEqualTo("redis-enterprise:index:RedisEnterpriseCluster::redis-enterprise");
    }

    @Test
    void manifestsKeepIntegersAndApplyInOrder() throws IOException {
        plan("--config", "stacks/Pulumi.gcp.yaml", "--out", tmp.toString());
        List<JsonNode> docs = manifests(tmp);
        List<String> kinds = docs.stream().map(d -> d.get("kind").asText()).toList();
        JsonNode rec = docs.get(kinds.indexOf("RedisEnterpriseCluster"));
        assertThat(rec.at("/spec/nodes").isInt()).as("nodes stays an integer").isTrue();
        assertThat(rec.at("/spec/redisEnterpriseNodeResources/limits/cpu").isTextual()).as("quantities stay strings").isTrue();
        assertThat(kinds.get(0)).isEqualTo("Namespace");
        assertThat(kinds.indexOf("StorageClass")).isLessThan(kinds.indexOf("RedisEnterpriseCluster"));
        assertThat(kinds.indexOf("Secret")).isLessThan(kinds.indexOf("RedisEnterpriseCluster"));
        assertThat(kinds.indexOf("ClusterRoleBinding")).isLessThan(kinds.indexOf("RedisEnterpriseCluster"));
    }

    @Test
    void statefulSetManifestsKeepIntegersAndApplyInOrder() throws IOException {
        plan("--config", statefulSetStack("gcp").toString(), "--out", tmp.toString());
        String yaml = Files.readString(tmp.resolve("manifests.yaml"));
        var yamlMapper = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        List<JsonNode> docs = yamlMapper.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
        List<String> kinds = docs.stream().map(d -> d.get("kind").asText()).toList();
        JsonNode sts = docs.get(kinds.indexOf("StatefulSet"));
        assertThat(sts.at("/spec/replicas").isInt()).as("replicas stays an integer").isTrue();
        assertThat(sts.at("/spec/template/spec/containers/0/ports/0/containerPort").isInt()).isTrue();
        assertThat(sts.at("/spec/template/spec/containers/0/resources/limits/cpu").isTextual()).as("quantities stay strings").isTrue();
        assertThat(docs.get(kinds.indexOf("PodDisruptionBudget")).at("/spec/maxUnavailable").isInt()).isTrue();
        assertThat(kinds.get(0)).isEqualTo("Namespace");
        assertThat(kinds.indexOf("StorageClass")).isLessThan(kinds.indexOf("StatefulSet"));
        assertThat(kinds.indexOf("Service")).isLessThan(kinds.indexOf("StatefulSet"));
    }

    @Test
    void kubeconfigsAreNeverWrittenInPlaintext() throws IOException {
        Run run = plan("--config", "stacks/Pulumi.aws.yaml", "--out", tmp.toString());
        String json = Files.readString(tmp.resolve("plan.json"));
        JsonNode planJson = new ObjectMapper().readTree(json);
        assertThat(planJson.at("/outputs/kubeconfig").asText()).isEqualTo("[secret]");
        assertThat(find(planJson, "pulumi:providers:kubernetes").at("/inputs/kubeconfig").asText()).isEqualTo("[secret]");
        assertThat(json + run.out()).doesNotContain("get-token").doesNotContain("certificate-authority-data");
    }

    @Test
    void secureConfigValuesAreMasked() throws IOException {
        Path stack = tmp.resolve("Pulumi.sec.yaml");
        Files.writeString(tmp.resolve("Pulumi.yaml"), "name: redis-enterprise\nruntime: java\n");
        Files.writeString(stack, """
                config:
                  redis-enterprise:cloud: kubernetes
                  redis-enterprise:cluster:
                    kubeconfig:
                      secure: v1:AAAABBBBCCCC
                  redis-enterprise:storage:
                    existingClassName: standard
                """);
        Run run = plan("--config", stack.toString(), "--out", tmp.resolve("out").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String json = Files.readString(tmp.resolve("out/plan.json"));
        assertThat(json + run.out() + run.err()).doesNotContain("AAAABBBBCCCC");
        assertThat(find(new ObjectMapper().readTree(json), "pulumi:providers:kubernetes").at("/inputs/kubeconfig").asText())
                .isEqualTo("[secret]");
    }

    @Test
    void theAdminUsernameOutputIsPlainWhileThePasswordAndLicenceAreMaskedEverywhere() throws IOException {
        // pulumi up exports adminUsername in plain text; it only shares the credentials Secret with the password.
        Plan plan = io.redisenterprise.infra.TestStacks.kubernetes()
                .set("adminUsername", "ops@example.com")
                .secret("adminPassword", "s3cret-Pa55word")
                .secret("license", "----- LICENCE 0123456789 -----")
                .plan();
        String json = PlanDocuments.planJsonText(plan);
        String everything = json + PlanDocuments.manifestsYaml(plan) + PlanSummary.render(plan);
        JsonNode planJson = new ObjectMapper().readTree(json);
        assertThat(planJson.at("/outputs/adminUsername").asText()).isEqualTo("ops@example.com");
        assertThat(everything).doesNotContain("s3cret-Pa55word").doesNotContain("LICENCE 0123456789");
        for (JsonNode r : planJson.get("resources")) {
            if (r.get("type").asText().equals("kubernetes:core/v1:Secret")) {
                // A secret input is secret as a whole, as pulumi preview shows it.
                r.at("/inputs/stringData").forEach(v -> assertThat(v.asText()).isEqualTo("[secret]"));
            }
        }
    }

    @Test
    void invalidConfigExitsTwoWithOneLinePerProblemAndWritesNothing() throws IOException {
        Files.writeString(tmp.resolve("Pulumi.yaml"), "name: redis-enterprise\nruntime: java\n");
        Path stack = tmp.resolve("Pulumi.bad.yaml");
        Files.writeString(stack, """
                config:
                  redis-enterprise:cloud: aws
                  redis-enterprise:redis:
                    nodes: 4
                """);
        Path out = tmp.resolve("out");
        Run run = plan("--config", stack.toString(), "--out", out.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("redis-enterprise:redis.nodes: must be odd and at least 3")
                .contains("aws:region: required when cloud is aws")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void dedicatedNoIsTheStringNoAsPulumiPassesIt() throws IOException {
        // YAML 1.1 would read `no` as false and plan a stack that `pulumi up` (YAML 1.2) refuses.
        Files.writeString(tmp.resolve("Pulumi.yaml"), "name: redis-enterprise\nruntime: java\n");
        Path stack = tmp.resolve("Pulumi.no.yaml");
        Files.writeString(stack, """
                config:
                  redis-enterprise:cloud: kubernetes
                  redis-enterprise:storage:
                    existingClassName: standard
                  redis-enterprise:nodePool:
                    dedicated: no
                """);
        Path out = tmp.resolve("out");
        Run run = plan("--config", stack.toString(), "--out", out.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).contains("redis-enterprise:nodePool.dedicated: must be true or false, got \"no\"");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMalformedStackFileIsOneLineNamingFileLineAndColumn() throws IOException {
        Files.writeString(tmp.resolve("Pulumi.yaml"), "name: redis-enterprise\nruntime: java\n");
        Path stack = tmp.resolve("Pulumi.broken.yaml");
        Files.writeString(stack, """
                config:
                  redis-enterprise:cloud: kubernetes
                  redis-enterprise:redis: {nodes: 3
                """);
        Run run = plan("--config", stack.toString(), "--out", tmp.resolve("out").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith(stack + ":4:1: ").doesNotContain("Exception");
    }

    @Test
    void duplicateKeysInAStackFileExitTwo() throws IOException {
        Files.writeString(tmp.resolve("Pulumi.yaml"), "name: redis-enterprise\nruntime: java\n");
        Path stack = tmp.resolve("Pulumi.dup.yaml");
        Files.writeString(stack, """
                config:
                  redis-enterprise:cloud: kubernetes
                  redis-enterprise:cloud: aws
                """);
        Run run = plan("--config", stack.toString(), "--out", tmp.resolve("out").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                stack + ":3:3: mapping key \"redis-enterprise:cloud\" already defined at line 2");
    }

    /** A minimal kubernetes stack, its project config in the project's Pulumi.yaml. */
    private static void kubernetesProject(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Pulumi.yaml"), """
                name: redis-enterprise
                runtime: java
                config:
                  redis-enterprise:storage:
                    value:
                      existingClassName: standard
                """);
    }

    @Test
    void aStackFileElsewhereIsPlannedForTheProjectOfTheWorkingDirectory() throws IOException {
        // As `pulumi up --config-file /elsewhere/Pulumi.x.yaml`: the project is found from the working directory.
        Path project = tmp.resolve("project");
        kubernetesProject(project);
        Path stack = tmp.resolve("elsewhere/Pulumi.x.yaml");
        Files.createDirectories(stack.getParent());
        Files.writeString(stack, "config:\n  redis-enterprise:cloud: kubernetes\n");
        Run run = plan("-C", project.toString(), "--config", stack.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(project.resolve("target/plan/x/plan.json")).isNotEmptyFile();
        assertThat(run.out()).contains("Wrote target/plan/x/manifests.yaml");
        assertThat(find(new ObjectMapper().readTree(project.resolve("target/plan/x/plan.json").toFile()),
                "kubernetes:app.redislabs.com/v1:RedisEnterpriseCluster").at("/inputs/spec/persistentSpec/storageClassName")
                .asText()).as("the project's config applies").isEqualTo("standard");
    }

    @Test
    void aStackFileBesideItsProjectPlansFromAnywhere() throws IOException {
        Path project = tmp.resolve("project");
        kubernetesProject(project);
        Files.writeString(project.resolve("Pulumi.dev.yaml"), "config:\n  redis-enterprise:cloud: kubernetes\n");
        Path elsewhere = Files.createDirectories(tmp.resolve("no-project-here"));
        Run run = plan("--cwd", elsewhere.toString(), "--config", project.resolve("Pulumi.dev.yaml").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(project.resolve("target/plan/dev/manifests.yaml")).isNotEmptyFile();
        assertThat(run.out()).contains("Wrote " + project.resolve("target/plan/dev/manifests.yaml"));
    }

    @Test
    void anOutThatIsAFileIsRefusedInOneLineBeforeAnythingRuns() throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "keep me");
        Run run = plan("--config", "Pulumi.dev.yaml", "--out", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("--out: exists and is not a folder, got " + file);
        assertThat(file).hasContent("keep me");
    }

    @Test
    void anOutThatCannotBeCreatedSaysWhy() throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "keep me");
        Run run = plan("--config", "Pulumi.dev.yaml", "--out", file.resolve("plan").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "--out: cannot be created (" + file + " is not a folder), got " + file.resolve("plan"));
    }

    @Test
    void anOutThatIsNotWritableSaysSo() throws IOException {
        // Checked with a stand-in for the file system's answer: as root (CI) every folder is writable.
        Path dir = Files.createDirectories(tmp.resolve("read-only"));
        OutputFolder.Probe denied = (folder, directory) -> {
            throw new java.nio.file.AccessDeniedException(folder.toString());
        };
        assertThat(OutputFolder.problem(dir, denied)).contains("is not writable");
        assertThat(OutputFolder.problem(dir.resolve("a/b"), denied))
                .contains("cannot be created (" + dir + " is not writable)");
        OutputFolder.Probe full = (folder, directory) -> {
            throw new java.nio.file.FileSystemException(folder.toString(), null, "No space left on device");
        };
        assertThat(OutputFolder.problem(dir.resolve("a"), full))
                .contains("cannot be created in " + dir + " (no space left on device)");
        assertThat(OutputFolder.problem(dir.resolve("a/b"))).isEmpty();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anOutOnAFileSystemThatMakesNoFoldersIsRefusedUpFrontInWords() throws IOException {
        // Root may "write" to /proc (access(2) says yes), but mkdir there fails with ENOENT: asked by trying.
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
        Run run = plan("--config", "Pulumi.dev.yaml", "--out", "/proc/nope");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "--out: cannot be created (/proc does not accept new folders), got /proc/nope");
        // The same refusal stands beside configuration problems, before any of them is acted on.
        Files.writeString(tmp.resolve("Pulumi.yaml"), "name: redis-enterprise\nruntime: java\n");
        Path stack = Files.writeString(tmp.resolve("Pulumi.bad.yaml"), "config:\n  redis-enterprise:cloud: mars\n");
        Run both = plan("--config", stack.toString(), "--out", "/proc/nope");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--out: cannot be created (/proc does not accept new folders), got /proc/nope")
                .contains("redis-enterprise:cloud:").doesNotContain("Exception");
    }

    @Test
    void anEmptyOutIsRefusedAndNothingIsWrittenToTheWorkingDirectory() throws IOException {
        Path project = tmp.resolve("project");
        kubernetesProject(project);
        Files.writeString(project.resolve("Pulumi.dev.yaml"), "config:\n  redis-enterprise:cloud: kubernetes\n");
        Run run = plan("-C", project.toString(), "--out", "");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("--out: must name a folder, got \"\"");
        assertThat(project.resolve("manifests.yaml")).doesNotExist();
        assertThat(project.resolve("plan.json")).doesNotExist();
        assertThat(project.resolve("target")).doesNotExist();
    }

    @Test
    void aRefusedPlanRemovesTheEarlierPlanOfThatFolderAndSaysSo() throws IOException {
        Path project = tmp.resolve("project");
        kubernetesProject(project);
        Path stack = project.resolve("Pulumi.x.yaml");
        Files.writeString(stack, "config:\n  redis-enterprise:cloud: kubernetes\n");
        assertThat(plan("-C", project.toString(), "--config", "Pulumi.x.yaml").exit()).isZero();
        Path out = project.resolve("target/plan/x");
        assertThat(out.resolve("manifests.yaml")).isNotEmptyFile();
        Path notes = Files.writeString(out.resolve("notes.txt"), "mine");

        Files.writeString(stack, "config:\n  redis-enterprise:cloud: kubernetes\n  redis-enterprise:redis:\n    nodes: 4\n");
        Run run = plan("-C", project.toString(), "--config", "Pulumi.x.yaml");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).anyMatch(l -> l.startsWith("redis-enterprise:redis.nodes: ")).contains(
                "plan: removed an earlier plan's manifests.yaml and plan.json from target/plan/x, so that nothing"
                        + " there is taken for this run's output");
        assertThat(out.resolve("manifests.yaml")).doesNotExist();
        assertThat(out.resolve("plan.json")).doesNotExist();
        assertThat(notes).hasContent("mine");
    }

    @Test
    void filesOfThoseNamesThatAreNoPlanOfOursAreLeftAlone() throws IOException {
        Files.writeString(tmp.resolve("Pulumi.yaml"), "name: redis-enterprise\nruntime: java\n");
        Path stack = Files.writeString(tmp.resolve("Pulumi.bad.yaml"), "config:\n  redis-enterprise:cloud: mars\n");
        Path out = Files.createDirectories(tmp.resolve("k8s"));
        Path manifests = Files.writeString(out.resolve("manifests.yaml"), "kind: ConfigMap\n");
        Path planJson = Files.writeString(out.resolve("plan.json"), "{\"owner\": \"someone else\"}");
        Run run = plan("--config", stack.toString(), "--out", out.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("removed");
        assertThat(manifests).hasContent("kind: ConfigMap\n");
        assertThat(planJson).hasContent("{\"owner\": \"someone else\"}");
    }

    @Test
    void aStaleJarIsRefusedAsPulumiUpRefusesItBeforeAnythingIsReadOrWritten() throws IOException {
        // The same check and message as Main.program (BuildInputsTest), here with a jar whose sources changed.
        Path project = tmp.resolve("project");
        kubernetesProject(project);
        Files.writeString(project.resolve("Pulumi.dev.yaml"), "config:\n  redis-enterprise:cloud: kubernetes\n");
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.createDirectories(project.resolve("src/main/java"));
        Files.writeString(project.resolve("src/main/java/A.java"), "class A {}");
        Path manifest = project.resolve("target/classes/" + io.redisenterprise.infra.BuildInputs.MANIFEST);
        io.redisenterprise.infra.BuildInputs.main(new String[] {project.toString(), manifest.toString()});
        Files.writeString(project.resolve("src/main/java/A.java"), "class A { int edited; }");
        Path jar = project.resolve("target/redis-enterprise.jar");
        String built = Files.readString(manifest);

        PlanCommand command = new PlanCommand();
        command.staleJar = () -> io.redisenterprise.infra.BuildInputs.staleness(jar, built, project);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("-C", project.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                io.redisenterprise.infra.BuildInputs.staleness(jar, built, project).orElseThrow());
        assertThat(err.toString()).contains(jar + " is stale:", "(src/main/java/A.java)");
        assertThat(project.resolve("target/plan")).doesNotExist();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void theDefaultStackFileOutsideTheProjectFolderSaysHowToNameOne() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Run run = plan("-C", elsewhere.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("Pulumi.dev.yaml: no such file in " + elsewhere
                + "; run plan in the project folder (or with -C <project folder>), or name the stack file with --config FILE");
    }

    @Test
    void aBadOutIsReportedWithTheConfigurationProblems() throws IOException {
        Files.writeString(tmp.resolve("Pulumi.yaml"), "name: redis-enterprise\nruntime: java\n");
        Path stack = tmp.resolve("Pulumi.bad.yaml");
        Files.writeString(stack, "config:\n  redis-enterprise:cloud: mars\n");
        Path file = Files.writeString(tmp.resolve("taken"), "keep me");
        Run run = plan("--config", stack.toString(), "--out", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--out: exists and is not a folder, got " + file)
                .contains("redis-enterprise:cloud:");
    }

    @Test
    void aMisspeltSectionOfTheStackFileIsRefusedWithTheConfigurationsProblems() throws IOException {
        // The Pulumi CLI ignores a section it does not know: the secrets provider would silently be the default.
        Files.writeString(tmp.resolve("Pulumi.yaml"), "name: redis-enterprise\nruntime: java\n");
        Path stack = Files.writeString(tmp.resolve("Pulumi.typo.yaml"), """
                secretsprovder: awskms://alias/redis
                config:
                  redis-enterprise:cloud: kubernetes
                  redis-enterprise:storage:
                    existingClassName: standard
                  redis-enterprise:redis:
                    nodes: 4
                """);
        Run run = plan("--config", stack.toString(), "--out", tmp.resolve("out").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(3).startsWith(stack + ": invalid configuration:",
                "secretsprovder: unknown section of a stack file; it has config, secretsprovider, encryptedkey, encryptionsalt and environment, and sections of your own start with x-, got \"awskms://alias/redis\"");
        assertThat(run.err().lines().toList().get(2)).startsWith("redis-enterprise:redis.nodes: ");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aNumberBeyondTheDoubleRangeIsRefusedWithTheTextTypedAsPulumiUpRefusesIt() throws IOException {
        Files.writeString(tmp.resolve("Pulumi.yaml"), "name: redis-enterprise\nruntime: java\n");
        Path stack = Files.writeString(tmp.resolve("Pulumi.big.yaml"), """
                config:
                  redis-enterprise:cloud: kubernetes
                  redis-enterprise:storage:
                    existingClassName: standard
                  redis-enterprise:redis:
                    memory: 1e400
                """);
        String line = "redis-enterprise:redis.memory: is far too large: a Kubernetes quantity holds at most 2^63-1 of"
                + " its base unit (about 8Ei bytes of memory, 9.2e18 cores of CPU), got \"1e400\"";
        Run run = plan("--config", stack.toString(), "--out", tmp.resolve("out").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(stack + ": invalid configuration:", line);
        // pulumi up: yaml.v3 keeps 1e400 as a string and Pulumi hands the object over as {"memory":"1e400"}.
        assertThat(io.redisenterprise.infra.TestStacks.problems(io.redisenterprise.infra.TestStacks.kubernetes()
                .set("redis", "{\"memory\":\"1e400\"}"))).containsExactly(line);
    }

    @Test
    void everyLayerNameFitsItsColumn() {
        Run run = plan("--config", "stacks/Pulumi.azure.yaml", "--out", tmp.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> block = run.out().lines().dropWhile(l -> !l.equals("Resources by layer:")).skip(1)
                .takeWhile(l -> !l.isBlank()).toList();
        assertThat(block).anyMatch(l -> l.startsWith("  cloud (azure-native) "));
        // The count column (right-aligned) ends at the same position on every line.
        java.util.regex.Pattern count = java.util.regex.Pattern.compile("^  .+? +\\d+  ");
        assertThat(block.stream().map(l -> {
            var m = count.matcher(l);
            assertThat(m.find()).as(l).isTrue();
            return m.end();
        }).distinct()).hasSize(1);
    }

    @Test
    void missingStackFileExitsTwo() {
        Run run = plan("--config", tmp.resolve("Pulumi.none.yaml").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no such file");
    }

    private static List<JsonNode> manifests(Path dir) throws IOException {
        var yamlMapper = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        return yamlMapper.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(dir.resolve("manifests.yaml"))).readAll();
    }

    /** The shipped stack file of that cloud with {@code redis.deployment: statefulset}, in a folder with a Pulumi.yaml. */
    private Path statefulSetStack(String cloud) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("statefulset-" + cloud));
        Files.writeString(dir.resolve("Pulumi.yaml"), "name: redis-enterprise\nruntime: java\n");
        String stack = Files.readString(Path.of("stacks", "Pulumi." + cloud + ".yaml"));
        assertThat(stack).contains("deployment: operator");
        Path file = dir.resolve("Pulumi." + cloud + ".yaml");
        Files.writeString(file, stack.replace("deployment: operator", "deployment: statefulset"));
        return file;
    }

    private static JsonNode find(JsonNode planJson, String type) {
        for (JsonNode r : planJson.get("resources")) {
            if (r.get("type").asText().equals(type)) {
                return r;
            }
        }
        throw new AssertionError("no " + type);
    }
}
