package io.redisenterprise.infra.plan;

import io.redisenterprise.infra.BuildInputs;
import io.redisenterprise.infra.platform.PlatformRegistry;
import io.redisenterprise.infra.settings.ConfigProblem;
import io.redisenterprise.infra.settings.InvalidConfigException;
import io.redisenterprise.infra.settings.Settings;
import io.redisenterprise.infra.settings.SettingsLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plan}: runs the program offline under the mock engine and writes what it would create. Exit codes:
 * 0 planned; 2 a user error (invalid configuration or arguments, a malformed stack file, a stale jar), reported
 * before anything is written; 1 anything else. A run that writes no plan removes an earlier plan's two files from
 * the output folder and says so, so that they are not taken for its output ({@link OutputFolder#removeEarlierPlan}).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan a stack offline: no cloud account, no Pulumi CLI. Writes manifests.yaml and plan.json.")
public final class PlanCommand implements Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID_CONFIG = 2;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "Pulumi.dev.yaml",
            description = "Stack config file Pulumi.<stack>.yaml (default: ${DEFAULT-VALUE}, in the working directory).")
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

    /**
     * The stale-jar check {@code Main.program} applies before {@code pulumi up} runs anything
     * ({@link BuildInputs#staleJar}): the plan claims to run the same program, so a jar built from other sources
     * than the project holds must not plan silently either. A field so that tests can stand in a stale jar.
     */
    Supplier<Optional<String>> staleJar = BuildInputs::staleJar;

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
        // Every check before the run, all reported at once; nothing is written until they pass.
        List<String> problems = new ArrayList<>();
        Optional<String> stale = staleJar.get();
        stale.ifPresent(problems::add);
        boolean outGiven = out != null;
        if (outGiven && out.toString().isBlank()) {
            // Path.of("") is the working directory: an empty --out would scatter the files there.
            problems.add("--out: must name a folder, got \"" + out + "\"");
        }
        StackFile.Location location = null;
        try {
            location = StackFile.locate(config, workingDir);
        } catch (IOException e) {
            // One line that starts with the file: <file>: <what>.
            problems.add(e.getMessage());
        }
        Path dir = null;
        String dirShown = null;
        if (outGiven && !out.toString().isBlank()) {
            dir = workingDir.resolve(out);
            dirShown = out.toString();
        } else if (!outGiven && location != null) {
            dir = location.projectDir().resolve(Path.of("target", "plan", location.stack()));
            dirShown = StackFile.shown(dir, workingDir);
        }
        boolean dirUsable = false;
        if (dir != null) {
            Optional<String> why = OutputFolder.problem(dir);
            String shown = dirShown;
            why.ifPresent(w -> problems.add("--out: " + w + ", got " + shown));
            dirUsable = why.isEmpty();
        }
        StackFile stackFile = null;
        Settings settings = null;
        PlatformRegistry registry = null;
        // A stale jar's settings rules are the old program's: its verdict on the configuration would mislead.
        if (location != null && stale.isEmpty()) {
            try {
                stackFile = StackFile.read(location);
                registry = PlatformRegistry.discover();
                List<ConfigProblem> sections = stackFile.sectionProblems();
                try {
                    settings = SettingsLoader.loadForPlan(stackFile);
                } catch (InvalidConfigException e) {
                    throw new InvalidConfigException(Stream.concat(sections.stream(), e.problems().stream()).toList());
                }
                if (!sections.isEmpty()) {
                    throw new InvalidConfigException(sections);
                }
                registry.forCloud(settings.cloud());
            } catch (IOException e) {
                // One line that starts with the file: <file>:<line>:<column>: <what>.
                problems.add(e.getMessage());
            } catch (InvalidConfigException e) {
                problems.add(config + ": invalid configuration:");
                problems.addAll(e.lines());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(stderr::println);
            if (dirUsable) {
                removeEarlierPlan(dir, dirShown, stderr);
            }
            return INVALID_CONFIG;
        }
        Plan plan;
        try {
            plan = PlanRun.run(stackFile.project(), stackFile.stack(), settings, registry);
        } catch (RuntimeException e) {
            stderr.println("plan: " + e.getMessage());
            removeEarlierPlan(dir, dirShown, stderr);
            return FAILED;
        }
        try {
            PlanDocuments.write(plan, dir);
        } catch (IOException e) {
            stderr.println("--out: cannot be written (" + OutputFolder.reason(e) + "), got " + dirShown);
            // Half a plan is worse than none: both files were about to be replaced, so neither is kept.
            try {
                report(OutputFolder.removePlanFiles(dir), dirShown, "the half-written plan's", stderr);
            } catch (IOException again) {
                stderr.println("plan: " + dirShown + " may hold a partly written plan: " + OutputFolder.reason(again));
            }
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

    /** Removes an earlier plan from the folder this run would have written, and says so on the error output. */
    private static void removeEarlierPlan(Path dir, String dirShown, PrintWriter stderr) {
        try {
            report(OutputFolder.removeEarlierPlan(dir), dirShown, "an earlier plan's", stderr);
        } catch (IOException e) {
            stderr.println("plan: " + dirShown + " still holds an earlier plan, which is not this configuration's: it"
                    + " could not be removed (" + OutputFolder.reason(e) + ")");
        }
    }

    private static void report(List<Path> removed, String dirShown, String whose, PrintWriter stderr) {
        if (!removed.isEmpty()) {
            stderr.println("plan: removed " + whose + " " + removed.stream().map(p -> p.getFileName().toString())
                    .collect(Collectors.joining(" and ")) + " from " + dirShown
                    + ", so that nothing there is taken for this run's output");
        }
    }
}
