package io.hyperx.app.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's settings table and the code name the same HYPERX_* variables: every variable the application reads
 * (placeholders in application*.yml, {@code System.getenv("HYPERX_...")}, the launcher script) has a row, and every
 * row names a variable something reads.
 */
class SettingsTableTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(HYPERX_[A-Z0-9_]+)");
    private static final Pattern GETENV = Pattern.compile("getenv\\(\"(HYPERX_[A-Z0-9_]+)\"\\)");
    private static final Pattern VARIABLE = Pattern.compile("`(HYPERX_[A-Z0-9_<>]+|_[A-Z0-9_]+)`");

    /** A README row: the variables it names, with {@code `_MAX_DELAY`} shorthands for siblings of the first. */
    record Row(List<String> names) {

        boolean documents(String variable) {
            for (String name : names) {
                if (name.equals(variable) || name.contains("<NAME>")
                        && variable.matches(name.replace("<NAME>", "[A-Z0-9_]+"))) {
                    return true;
                }
                if (name.startsWith("_") && variable.endsWith(name)
                        && names.get(0).startsWith(variable.substring(0, variable.length() - name.length()))) {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    void everyVariableTheCodeReadsHasARowAndEveryRowIsRead() throws IOException {
        Set<String> read = variablesRead();
        List<Row> rows = readmeRows();

        assertThat(read).as("variables read").hasSizeGreaterThan(50);
        assertThat(read.stream().filter(variable -> rows.stream().noneMatch(row -> row.documents(variable))))
                .as("read by the code but missing from README's settings table").isEmpty();
        List<String> unread = new ArrayList<>();
        for (Row row : rows) {
            for (String name : row.names()) {
                boolean concrete = name.startsWith("HYPERX_") && !name.contains("<NAME>");
                if (concrete && !read.contains(name)) {
                    unread.add(name);
                }
            }
            if (row.names().get(0).contains("<NAME>")) {
                assertThat(Files.readString(ROOT.resolve("app/src/main/resources/application.yml")))
                        .contains("rate-limits:");
            }
        }
        assertThat(unread).as("in README's settings table but read by nothing").isEmpty();
    }

    private static Set<String> variablesRead() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(SettingsTableTest::isSource).toList()) {
                String text = Files.readString(file);
                Pattern pattern = file.toString().endsWith(".java") ? GETENV : PLACEHOLDER;
                Matcher matcher = pattern.matcher(text);
                while (matcher.find()) {
                    read.add(matcher.group(1));
                }
            }
        }
        Matcher launcher = Pattern.compile("\\$\\{(HYPERX_[A-Z0-9_]+)").matcher(Files.readString(ROOT.resolve("hyperx")));
        while (launcher.find()) {
            read.add(launcher.group(1));
        }
        return read;
    }

    private static boolean isSource(Path file) {
        String path = ROOT.relativize(file).toString().replace('\\', '/');
        return path.contains("/src/main/") && (path.endsWith(".java") || path.matches(".*application[^/]*\\.ya?ml"));
    }

    private static List<Row> readmeRows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
            if (!line.startsWith("| `HYPERX_")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            Matcher matcher = VARIABLE.matcher(firstCell);
            List<String> names = new ArrayList<>();
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            rows.add(new Row(names));
        }
        assertThat(rows).as("README settings rows").hasSizeGreaterThan(50);
        return rows;
    }
}
