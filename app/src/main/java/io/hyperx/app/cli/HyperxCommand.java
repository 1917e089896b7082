package io.hyperx.app.cli;

import io.hyperx.app.HyperxApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * The launcher's command line. {@code serve} starts the web server; every other command is a Spring bean
 * implementing {@link OneShotCommand}, run in a non-web application context with the server's configuration.
 */
@Command(name = "hyperx", mixinStandardHelpOptions = true,
        description = "HyperX creator membership platform",
        subcommands = {HyperxCommand.Serve.class, HyperxCommand.Health.class, CommandLine.HelpCommand.class})
public class HyperxCommand implements Callable<Integer> {

    /** Exit code meaning: the server is running, do not exit the JVM. */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

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
            return runOneShot(SchemaHealthCommand.class);
        }
    }

    static int runOneShot(Class<? extends OneShotCommand> command) {
        SpringApplication application = new SpringApplication(HyperxApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles("cli");
        try (ConfigurableApplicationContext context = application.run()) {
            return context.getBean(command).run();
        } catch (RuntimeException e) {
            System.err.println("hyperx: " + e.getMessage());
            return 2;
        }
    }
}
