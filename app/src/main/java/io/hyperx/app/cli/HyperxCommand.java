package io.hyperx.app.cli;

import io.hyperx.app.HyperxApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The jar's command line. {@code serve} starts the web server; every other command runs once in an application
 * context without the web server (profile {@code cli}), with the server's configuration and database.
 */
@Command(name = "hyperx", mixinStandardHelpOptions = true,
        description = "HyperX creator membership platform",
        subcommands = {HyperxCommand.Serve.class, HyperxCommand.Health.class, HyperxCommand.Projections.class,
                HyperxCommand.Replay.class, CommandLine.HelpCommand.class})
public class HyperxCommand implements Callable<Integer> {

    /** Exit code meaning: the server is running, do not exit the JVM. */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    /** Exit code of a command that could not run (bad arguments, unreachable database). */
    static final int COULD_NOT_RUN = 2;

    public static int execute(String... args) {
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
        System.setProperty("disable-axoniq-console-message", "true");
        if ("json".equalsIgnoreCase(System.getenv("HYPERX_LOG_FORMAT"))) {
            System.setProperty("logging.structured.format.console", "ecs");
        }
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        return new CommandLine(new HyperxCommand()).execute(effective);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    @Command(name = "serve", description = "Run the HTTP server (the default).")
    static class Serve implements Callable<Integer> {

        @CommandLine.Unmatched
        String[] springArgs = new String[0];

        @Override
        public Integer call() {
            SpringApplication.run(HyperxApplication.class, springArgs);
            return KEEP_RUNNING;
        }
    }

    @Command(name = "health",
            description = "Run the schema invariant checks. Exit code 0: all pass, 1: some fail, 2: could not run.")
    static class Health implements Callable<Integer> {

        @Override
        public Integer call() {
            return runOnce(context -> context.getBean(SchemaHealthCommand.class).run(System.out));
        }
    }

    @Command(name = "projections",
            description = "List processing groups: position, head, lag, segments, dead letters, state.")
    static class Projections implements Callable<Integer> {

        @Override
        public Integer call() {
            return runOnce(context -> context.getBean(ProjectionsCommand.class).run(System.out));
        }
    }

    @Command(name = "replay", description = "Rebuild projections from the event store and exit when caught up.")
    static class Replay implements Callable<Integer> {

        @Parameters(paramLabel = "GROUP", arity = "0..*", description = "processing groups to replay")
        List<String> groups = new ArrayList<>();

        @Option(names = "--all", description = "replay every processing group")
        boolean all;

        @Override
        public Integer call() {
            return runOnce(context -> context.getBean(ReplayCommand.class)
                    .run(groups, all, System.out, System.console() != null));
        }
    }

    /** Something a one-shot command does with the application context; answers the exit code. */
    @FunctionalInterface
    interface OneShot {
        int run(ApplicationContext context) throws Exception;
    }

    static int runOnce(OneShot command) {
        SpringApplication application = new SpringApplication(HyperxApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles("cli");
        try (ConfigurableApplicationContext context = application.run()) {
            return command.run(context);
        } catch (Exception e) {
            System.err.println("hyperx: " + rootMessage(e));
            return COULD_NOT_RUN;
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == error ? String.valueOf(error.getMessage())
                : error.getMessage() + " (cause: " + cause.getMessage() + ")";
    }
}
