package dev.mmlint.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden files for every format of {@code mmlint check}, byte for byte, on test-fixtures/cli/tree
 * (with and without test-fixtures/cli/baseline.json). Update with {@code -Dmmlint.updateGolden=true}
 * and review the diff.
 */
class CheckGoldenTest {
    static final Path ROOT = root();
    static final Path FIXTURES = ROOT.resolve("test-fixtures/cli");
    static final Path GOLDEN = FIXTURES.resolve("golden");
    @TempDir static Path out;

    static Path root() {
        return dev.mmlint.frontend.testing.RepoRoot.path();
    }

    @BeforeAll static void runAll() throws Exception {
        // one JVM, started in test-fixtures/cli: the display paths (and so fingerprints) do not depend on the checkout
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss8m",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), CheckGoldenDriver.class.getName(),
                out.toAbsolutePath().toString())
                .directory(FIXTURES.toFile()).redirectErrorStream(true).redirectOutput(out.resolve("driver.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "golden driver timed out");
        assertEquals(0, p.exitValue(), () -> read(out.resolve("driver.log")));
    }

    @TestFactory List<DynamicTest> goldens() {
        List<String> names = new ArrayList<>();
        for (String[] r : CheckGoldenDriver.RUNS) names.add(r[0]);
        names.add("exit-codes.txt");
        boolean update = Boolean.getBoolean("mmlint.updateGolden");
        return names.stream().map(n -> DynamicTest.dynamicTest(n, () -> {
            byte[] actual = Files.readAllBytes(out.resolve(n));
            Path g = GOLDEN.resolve(n);
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.write(g, actual);
                return;
            }
            assertTrue(Files.exists(g), "no golden file " + g + " (run with -Dmmlint.updateGolden=true and review it)");
            String expected = Files.readString(g), got = new String(actual, java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(expected, got, "output differs from " + g + " (update with -Dmmlint.updateGolden=true after review)");
            assertArrayEquals(Files.readAllBytes(g), actual, "byte-for-byte");
        })).toList();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
