package io.redisenterprise.infra.plan;

import io.redisenterprise.infra.platform.PlatformRegistry;
import io.redisenterprise.infra.settings.InvalidConfigException;
import io.redisenterprise.infra.settings.Settings;
import io.redisenterprise.infra.settings.SettingsLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plan}: runs the program offline under the mock engine and writes what it would create. Exit codes:
 * 0 planned, 2 invalid configuration or arguments (nothing written), 1 anything else.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan a stack offline: no cloud account, no Pulumi CLI. Writes manifests.yaml and plan.json.")
public final class PlanCommand implements Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID_CONFIG = 2;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "Pulumi.dev.yaml",
            description = "Stack config file Pulumi.<stack>.yaml (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: <project folder>/target/plan/<stack>).")
    Path out;

    // Pulumi's own -C/--cwd (pulumi/pulumi pkg/cmd/pulumi/pulumi.go): the project is found from here upward.
    @Option(names = {"-C", "--cwd"}, paramLabel = "DIR",
            description = "Run as if started in DIR, like pulumi --cwd: the project (Pulumi.yaml) is found from DIR "
                    + "upward, and relative FILE and --out are taken from DIR.")
    Path cwd;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            return plan(stdout, stderr);
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }

    private Integer plan(PrintWriter stdout, PrintWriter stderr) {
        Path workingDir = (cwd != null ? cwd : Path.of("")).toAbsolutePath().normalize();
        StackFile stackFile;
        try {
            stackFile = StackFile.read(config, workingDir);
        } catch (IOException e) {
            // One line that starts with the file: <file>[:<line>:<column>]: <what>.
            stderr.println(e.getMessage());
            return INVALID_CONFIG;
        }
        Path dir = out != null ? workingDir.resolve(out)
                : stackFile.projectDir().resolve(Path.of("target", "plan", stackFile.stack()));
        String dirShown = out != null ? out.toString() : StackFile.shown(dir, workingDir);
        // Checked before the run: a bad --out costs nothing, and is reported with any configuration problem.
        Optional<String> outProblem = OutputFolder.problem(dir).map(why -> "--out: " + why + ", got " + dirShown);
        outProblem.ifPresent(stderr::println);
        Settings settings;
        PlatformRegistry registry = PlatformRegistry.discover();
        try {
            settings = SettingsLoader.loadForPlan(stackFile);
            registry.forCloud(settings.cloud());
        } catch (InvalidConfigException e) {
            stderr.println(config + ": invalid configuration:");
            e.lines().forEach(stderr::println);
            return INVALID_CONFIG;
        }
        if (outProblem.isPresent()) {
            return INVALID_CONFIG;
        }
        Plan plan;
        try {
            plan = PlanRun.run(stackFile.project(), stackFile.stack(), settings, registry);
        } catch (RuntimeException e) {
            stderr.println("plan: " + e.getMessage());
            return FAILED;
        }
        try {
            PlanDocuments.write(plan, dir);
        } catch (IOException e) {
            stderr.println("--out: cannot be written (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "), got "
                    + dirShown);
            return FAILED;
        }
        settings.warnings().forEach(w -> stderr.println("warning: " + w));
        stdout.print(PlanSummary.render(plan));
        stdout.println();
        Path shownDir = Path.of(dirShown);
        stdout.println("Wrote " + shownDir.resolve(PlanDocuments.MANIFESTS) + " (" + plan.kubernetesObjects().size()
                + " Kubernetes objects) and " + shownDir.resolve(PlanDocuments.PLAN_JSON) + " ("
                + plan.resources().size() + " resources).");
        return OK;
    }
}
