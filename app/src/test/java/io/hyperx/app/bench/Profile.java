package io.hyperx.app.bench;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.text.ParseException;

/**
 * A Java Flight Recording of one benchmark phase, written to {@code <bench.profile>/<name>.jfr} when the system
 * property {@code bench.profile} names a folder; nothing otherwise. Read it with {@code jfr print} or JDK Mission
 * Control. {@code bench.profile.settings} names the JDK's settings ({@code profile} by default; {@code default}
 * samples less and slows the run less).
 */
final class Profile implements AutoCloseable {

    private final Recording recording;
    private final Path file;

    private Profile(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static Profile start(String name) {
        String folder = System.getProperty("bench.profile", "");
        if (folder.isBlank()) {
            return new Profile(null, null);
        }
        try {
            Recording recording = new Recording(Configuration.getConfiguration(
                    System.getProperty("bench.profile.settings", "profile")));
            // where threads wait: database reads and queue hand-overs, from 1 ms
            recording.enable("jdk.SocketRead").withThreshold(Duration.ofMillis(1)).withStackTrace();
            recording.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(1)).withStackTrace();
            recording.start();
            return new Profile(recording, Path.of(folder, name + ".jfr"));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot start a flight recording", e);
        }
    }

    @Override
    public void close() {
        if (recording == null) {
            return;
        }
        try (recording) {
            recording.stop();
            recording.dump(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
