package io.redisenterprise.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.redisenterprise.infra.TestStacks;
import io.redisenterprise.infra.plan.Plan;
import io.redisenterprise.infra.plan.PlanDocuments;
import io.redisenterprise.infra.plan.PlanRun;
import io.redisenterprise.infra.plan.PlannedResource;
import io.redisenterprise.infra.plan.StackFile;
import io.redisenterprise.infra.settings.SettingsLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes provider plugin that runs is the pinned one, and it knows every built-in kind the program
 * registers (the 4.0.0 plugin the SDK defaults to refused the scale-down guard's ValidatingAdmissionPolicy).
 */
class KubernetesProviderPluginTest {
    /** Built-in kinds of the pinned plugin, derived from its provider/pkg/kinds/kinds.go (source named in the file). */
    static final KnownKinds KINDS = KnownKinds.load("/pulumi-kubernetes/kinds-" + KubernetesProviderPlugin.VERSION + ".yaml");

    /**
     * Every planned stack, in both deployments (operator, the default, and statefulset): each cloud with its defaults
     * and with the options that add objects (licence, load balancers, a created class on an existing cluster, zones on
     * an existing cluster, databases in operator mode), and every stack file in the repository.
     */
    static Stream<Named<Supplier<Plan>>> plannedStacks() throws IOException {
        List<Named<Supplier<Plan>>> stacks = new ArrayList<>();
        for (String mode : List.of("operator", "statefulset")) {
            for (String cloud : List.of("aws", "gcp", "azure", "kubernetes")) {
                stacks.add(named(cloud + ", " + mode, () -> inMode(TestStacks.forCloud(cloud), mode).plan()));
                stacks.add(named(cloud + ", " + mode + ", with licence and load balancers", () -> inMode(TestStacks.forCloud(cloud), mode)
                        .secret("license", "----- licence -----")
                        .set("services", Map.of("type", "LoadBalancer", "loadBalancerSourceRanges", List.of("10.0.0.0/8")))
                        .plan()));
            }
            stacks.add(named("kubernetes, " + mode + ", creating its class and spanning zones", () -> inMode(TestStacks.kubernetes(), mode)
                    .set("storage", Map.of("provisioner", "ebs.csi.aws.com", "parameters", Map.of("type", "gp3")))
                    .with("nodePool", "zones", List.of("a", "b", "c")).plan()));
        }
        stacks.add(named("aws, operator, with a database", () -> TestStacks.aws()
                .set("databases", List.of(Map.of("name", "sessions", "memory", "2Gi"))).plan()));
        List<Path> files = new ArrayList<>(List.of(Path.of("Pulumi.dev.yaml")));
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("stacks"), "Pulumi.*.yaml")) {
            dir.forEach(files::add);
        }
        for (Path file : files) {
            stacks.add(named(file.toString(), () -> {
                try {
                    StackFile stack = StackFile.read(file);
                    return PlanRun.run(stack.project(), stack.stack(), SettingsLoader.loadForPlan(stack),
                            PlatformRegistry.discover());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        return stacks.stream();
    }

    private static TestStacks.Config inMode(TestStacks.Config config, String mode) {
        return mode.equals("statefulset") ? config.statefulSet() : config;
    }

    /** Each stack is planned once and shared by the tests (planning runs the whole program). */
    private static final Map<String, Plan> PLANS = new ConcurrentHashMap<>();

    private static Named<Supplier<Plan>> named(String name, Supplier<Plan> plan) {
        return Named.of(name, () -> PLANS.computeIfAbsent(name, n -> plan.get()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plannedStacks")
    void everyBuiltInKindTheProgramRegistersIsKnownToThePinnedPlugin(Supplier<Plan> stack) {
        Plan plan = stack.get();
        Set<String> tokens = new TreeSet<>();
        plan.resources().stream().map(PlannedResource::type).filter(t -> t.startsWith("kubernetes:")).forEach(tokens::add);

        assertThat(tokens).as("Kubernetes type tokens").isNotEmpty()
                .contains("kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy");
        assertThat(tokens.stream().flatMap(t -> KINDS.problem(t).stream()).toList())
                .as("kinds unknown to pulumi-kubernetes %s", KINDS.version()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plannedStacks")
    void everyKubernetesResourceRunsOnAnExplicitProviderWithThePinnedPlugin(Supplier<Plan> stack) {
        Plan plan = stack.get();
        List<PlannedResource> providers = plan.ofType("pulumi:providers:kubernetes");

        assertThat(providers).as("explicit Kubernetes providers").isNotEmpty()
                .allSatisfy(p -> assertThat(p.options()).as(p.name()).containsEntry("version", KubernetesProviderPlugin.VERSION));
        Set<String> pinned = new TreeSet<>(providers.stream().map(p -> p.type() + "::" + p.name()).toList());
        assertThat(plan.resources()).filteredOn(r -> r.type().startsWith("kubernetes:"))
                .allSatisfy(r -> assertThat(r.provider()).as(r.type() + " " + r.name()).isPresent()
                        .hasValueSatisfying(p -> assertThat(pinned).contains(p)));
        assertThat(PlanDocuments.plugins(plan)).filteredOn(e -> e.get("package").equals("kubernetes"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e).containsEntry("version", KubernetesProviderPlugin.VERSION)
                        .doesNotContainEntry("provider", "default"));
    }

    @Test
    void planJsonNamesEachPluginAndTheSdkDefaultComesFromTheSdkJar() {
        Plan plan = TestStacks.aws().plan();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> plugins = (List<Map<String, Object>>) PlanDocuments.planJson(plan).get("plugins");

        assertThat(plugins).containsExactly(
                Map.of("package", "aws", "provider", "default", "version", PlanDocuments.sdkDefaultVersion("aws").orElseThrow(),
                        "source", "com/pulumi/aws/version.txt"),
                Map.of("package", "kubernetes", "provider", "pulumi:providers:kubernetes::eks",
                        "version", KubernetesProviderPlugin.VERSION, "source", "version option"));
        // The SDK's own accessor reads the same jar resource: the default shown is the one the SDK would send.
        assertThat(PlanDocuments.sdkDefaultVersion("kubernetes")).contains(com.pulumi.kubernetes.Utilities.getVersion());
        assertThat(PlanDocuments.sdkDefaultVersion("redis-enterprise")).isEmpty();
    }

    @Test
    void theKindsListIsThatOfThePinnedVersionAndRefusesWhatItDoesNotKnow() {
        assertThat(KINDS.version()).isEqualTo(KubernetesProviderPlugin.VERSION);
        assertThat(KINDS.problem("kubernetes:apps/v1:StatefulSet")).isEmpty();
        assertThat(KINDS.problem("kubernetes:core/v1:PersistentVolumeClaimPatch")).isEmpty();
        // A custom resource's group is not built in: the provider treats it as a CRD kind.
        assertThat(KINDS.problem("kubernetes:app.redislabs.com/v1:RedisEnterpriseCluster")).isEmpty();
        assertThat(KINDS.problem("kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionGuard"))
                .contains("kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionGuard: admissionregistration.k8s.io/v1"
                        + " is built in, but pulumi-kubernetes " + KubernetesProviderPlugin.VERSION + " has no such kind");
        assertThat(KINDS.problem("kubernetes:apps/v1:StatefulSetPatchPatch")).isPresent();
    }

    /** The data file: the plugin's built-in apiVersions and its built-in resource type tokens. */
    record KnownKinds(String version, Set<String> groupVersions, Set<String> types) {
        static KnownKinds load(String resource) {
            try (InputStream in = KubernetesProviderPluginTest.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new AssertionError("no " + resource + ": vendor the kinds of the pinned plugin version");
                }
                JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(in);
                Set<String> gvs = new TreeSet<>();
                doc.get("knownGroupVersions").forEach(n -> gvs.add(n.asText()));
                Set<String> types = new TreeSet<>();
                doc.get("resourceTypes").forEach(n -> types.add(n.asText()));
                return new KnownKinds(doc.get("version").asText(), gvs, types);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Why the plugin would not know a {@code kubernetes:<apiVersion>:<Kind>} token, or empty. An apiVersion
         * outside the built-in set is a custom resource (the provider skips its scheme for it); a Patch resource
         * is known when its kind is (provider/pkg/kinds/util.go {@code IsPatchResource} @v4.32.0).
         */
        Optional<String> problem(String token) {
            String rest = token.substring("kubernetes:".length());
            int colon = rest.lastIndexOf(':');
            String apiVersion = rest.substring(0, colon);
            String kind = rest.substring(colon + 1);
            if (!groupVersions.contains(apiVersion)) {
                return Optional.empty();
            }
            if (types.contains(token) || kind.endsWith("Patch")
                    && types.contains(token.substring(0, token.length() - "Patch".length()))) {
                return Optional.empty();
            }
            return Optional.of(token + ": " + apiVersion + " is built in, but pulumi-kubernetes " + version
                    + " has no such kind");
        }
    }
}
