package io.hyperx.app.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The app as a child process ({@code java -cp <this test run's class path> HyperxApplication}), so that
 * {@code kill -9} is real. Listens on loopback only; its output goes to {@code app-<n>.log} in the run's directory.
 */
final class ChildApp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Path directory;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private Process process;
    private int starts;

    ChildApp(Path directory, int port, Map<String, String> environment, List<String> arguments) {
        this.directory = directory;
        this.port = port;
        this.environment = environment;
        this.arguments = arguments;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts a new process and answers how long it took to answer {@code /health/ready} with 200. */
    Duration startAndAwaitReady(Duration bound) throws IOException, InterruptedException {
        return start(bound).orElseThrow(() -> new IllegalStateException((process.isAlive()
                ? "the app was not ready within " + bound.toSeconds() + " s"
                : "the app exited with " + process.exitValue()) + " (log: "
                + directory.resolve("app-" + starts + ".log") + ")"));
    }

    /** Starts a new process; answers how long it took to be ready, empty when it was not within {@code bound}. */
    Optional<Duration> start(Duration bound) throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx1g", "-Daxoniq.update-checker.disabled=true", "-cp", classPath(), "io.hyperx.app.HyperxApplication", "serve",
                "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("app-" + (++starts) + ".log").toFile());
        builder.environment().putAll(environment);
        process = builder.start();
        return awaitReady(bound) ? Optional.of(Duration.ofNanos(System.nanoTime() - started)) : Optional.empty();
    }

    /** Polls {@code /health/ready} until it answers 200; false when the bound passed or the process died. */
    boolean awaitReady(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                return false;
            }
            if (status("/health/ready", Duration.ofSeconds(5)) == 200) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** The status of a GET, or -1 when there was no answer within {@code timeout}. */
    int status(String path, Duration timeout) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    int starts() {
        return starts;
    }

    void kill9() throws InterruptedException {
        kill9(process.pid());
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, then SIGKILL after 15 s. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }

    /** {@code kill -9 <pid>}: no shutdown hook, no cleanup, like a crash. */
    static void kill9(long pid) throws InterruptedException {
        try {
            new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -9 " + pid, e);
        }
    }

    /**
     * The test run's class path (main classes, test classes, every dependency): the child can load the suite's
     * test-only components ({@code io.hyperxtest.faults}) when told to.
     */
    private static String classPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        if (!path.contains(java.io.File.pathSeparator) && path.endsWith(".jar")) {
            return path; // a manifest-only booter jar: its Class-Path names everything
        }
        return path;
    }
}
