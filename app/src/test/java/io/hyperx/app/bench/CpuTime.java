package io.hyperx.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by this JVM and by every {@code postgres} process on the machine (from {@code /proc}; the
 * benchmark's PostgreSQL is the only one when nothing else runs). The difference of two readings shows where a phase
 * spent the machine's cores.
 */
record CpuTime(double appSeconds, double postgresSeconds) {

    private static final double CLOCK_TICKS_PER_SECOND = 100;

    static CpuTime now() {
        double app = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        return new CpuTime(app, postgresTicks() / CLOCK_TICKS_PER_SECOND);
    }

    CpuTime minus(CpuTime earlier) {
        return new CpuTime(appSeconds - earlier.appSeconds, postgresSeconds - earlier.postgresSeconds);
    }

    private static long postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuTime::postgresTicksOf).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** utime + stime of one process when its name is postgres; 0 otherwise or when it has gone. */
    private static long postgresTicksOf(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int nameEnd = stat.lastIndexOf(')');
            if (!stat.substring(stat.indexOf('(') + 1, nameEnd).equals("postgres")) {
                return 0;
            }
            String[] fields = stat.substring(nameEnd + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
