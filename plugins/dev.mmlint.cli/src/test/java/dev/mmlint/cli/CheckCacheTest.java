package dev.mmlint.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mmlint check} and the result cache: on by default in $MMLINT_CACHE/results (here the
 * {@code mmlint.cache} property), the second run served from it with the same report, {@code --no-cache}
 * neither reading nor writing it, and nothing written beside the analysed files.
 */
class CheckCacheTest {
    private static long entries(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.walk(dir)) {
            // entries live in directories named by their key's first two hex digits (beside them: stamps, memos)
            return s.filter(Files::isRegularFile).filter(p -> p.getParent().getFileName().toString().matches("[0-9a-f]{2}")).count();
        }
    }

    private static long files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.count();
        }
    }

    @Test void cacheOnByDefaultAndOffWithNoCache(@TempDir Path d) throws Exception {
        Path src = Files.createDirectories(d.resolve("src"));
        Files.writeString(src.resolve("bad.c"), CheckCommandTest.BAD);
        Files.writeString(src.resolve("ok.c"), CheckCommandTest.OK);
        Path results = d.resolve("cache/results");
        String old = System.getProperty("mmlint.cache");
        System.setProperty("mmlint.cache", d.resolve("cache").toString());
        try {
            CheckCommandTest.Run none = CheckCommandTest.run("check", "--no-settings", "--no-cache", "--cache-stats", "--format", "json", src.toString());
            assertEquals(1, none.code(), none.err());
            assertEquals(0, entries(results), "--no-cache writes no entry");
            assertFalse(none.err().contains("result cache:"), "--no-cache: no cache in use: " + none.err());
            CheckCommandTest.Run cold = CheckCommandTest.run("check", "--no-settings", "--cache-stats", "--format", "json", src.toString());
            assertTrue(cold.err().contains("result cache: 0 hits, 2 misses, 2 stored"), cold.err());
            assertEquals(2, entries(results));
            CheckCommandTest.Run warm = CheckCommandTest.run("check", "--no-settings", "--cache-stats", "--format", "json", src.toString());
            assertTrue(warm.err().contains("result cache: 2 hits, 0 misses, 0 stored"), warm.err());
            assertEquals(none.out(), cold.out());
            assertEquals(none.out(), warm.out());
            assertEquals(none.code(), warm.code());
            assertTrue(warm.out().contains("\"MM00"), "a finding to compare: " + warm.out());
            assertEquals(2, files(src) - 1, "nothing written beside the analysed files");
        } finally {
            if (old == null) System.clearProperty("mmlint.cache"); else System.setProperty("mmlint.cache", old);
        }
    }
}
