package io.redisenterprise.infra;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.exceptions.RunException;
import io.redisenterprise.infra.plan.PlanCommand;
import io.redisenterprise.infra.platform.PlatformRegistry;
import io.redisenterprise.infra.settings.InvalidConfigException;
import io.redisenterprise.infra.settings.Settings;
import io.redisenterprise.infra.settings.SettingsLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the jar. Without arguments it is the Pulumi program (what {@code pulumi up/preview} runs);
 * {@code plan} runs the same program offline under the SDK's mock engine.
 */
@Command(name = "redis-enterprise", mixinStandardHelpOptions = true,
        description = "Redis Enterprise on Kubernetes (EKS, GKE, AKS or any cluster). Without a command: the Pulumi program.",
        subcommands = {PlanCommand.class})
public final class Main implements Runnable {

    /**
     * The variable the Pulumi CLI sets for the program it starts (the Java SDK refuses to run without it, with a
     * stack trace listing every environment variable's name).
     */
    static final String PULUMI_MONITOR = "PULUMI_MONITOR";

    public static void main(String[] args) {
        if (args.length == 0) {
            if (System.getenv(PULUMI_MONITOR) == null) {
                System.err.println(WITHOUT_PULUMI);
                System.exit(2);
            }
            runPulumiProgram();
            return;
        }
        System.exit(commandLine().execute(args));
    }

    /** What a run without arguments outside the Pulumi CLI says, one line. */
    static final String WITHOUT_PULUMI = "redis-enterprise.jar: the Pulumi CLI runs this program (pulumi preview,"
            + " pulumi up); offline, plan a stack file: java -jar target/redis-enterprise.jar plan [--config"
            + " Pulumi.<stack>.yaml] (--help for all options)";

    /** The command line of the jar, for tests and for main. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        runPulumiProgram();
    }

    static void runPulumiProgram() {
        Pulumi.run(Main::program);
    }

    /**
     * The Pulumi program: a stale jar, the settings and the platform are checked before any resource is registered.
     */
    static void program(Context ctx) {
        // A jar built before the last pull or edit would deploy the old program silently: refuse it first.
        BuildInputs.staleJar().ifPresent(problem -> {
            throw new RunException(problem);
        });
        Settings settings;
        PlatformRegistry registry = PlatformRegistry.discover();
        try {
            settings = SettingsLoader.load(new PulumiConfigSource(ctx));
            registry.forCloud(settings.cloud());
        } catch (InvalidConfigException e) {
            // RunException: the engine prints the message, one line per problem, without a stack trace.
            throw new RunException("invalid configuration:\n" + e.getMessage());
        }
        // Shown by pulumi preview and up, as the offline plan prints them.
        settings.warnings().forEach(ctx.log()::warn);
        RedisEnterpriseStack.deploy(ctx, settings, registry);
    }
}
