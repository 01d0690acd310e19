package dev.mmlint.report.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.frontend.testing.FuzzGuard;
import dev.mmlint.report.Baseline;
import dev.mmlint.report.BufferAnalysis;
import dev.mmlint.report.SarifMerge;
import dev.mmlint.report.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The inputs the report layer reads: a SARIF run's baseline file, the SARIF logs {@code merge} reads, {@code .mmlint.json}, and an editor
 * buffer checked the way the IDE adapters check it (front end, engine and settings together). Bad input
 * is a {@link Baseline.BaselineException} / {@link Settings.SettingsException} whose message starts with
 * the file's path and, for JSON errors, a line; a buffer that cannot be analysed is an analysis error,
 * never an internal error. Nothing is written beside the input.
 */
class ReportInputFuzzTest {
    private static final int MAX = 64 * 1024;
    private static final Set<String> RULES = Set.of("MM001", "MM002", "MM003", "MM004", "MM005", "MM006", "MM007");
    private static Path dir;
    private static BufferAnalysis buffers;

    private static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = FuzzGuard.tempDirectory("mmlint-fuzz-report");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    private static Path input(String name, byte[] data) {
        try {
            return Files.write(dir().resolve(name), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void names(String message, Path file) {
        FuzzGuard.assertClear(message);
        if (!message.startsWith(file.toString())) throw new AssertionError("input error does not name the file: " + message);
    }

    @FuzzTest
    void sarifBaseline(byte[] data) {
        Path f = input("baseline.json", FuzzGuard.cap(data, MAX));
        FuzzGuard.Snapshot before = FuzzGuard.Snapshot.of(dir());
        FuzzGuard.run(() -> {
            try {
                Baseline b = Baseline.read(f);
                b.states(java.util.List.of());
                b.absent(java.util.List.of());
            } catch (Baseline.BaselineException e) {
                names(e.getMessage(), f);
            }
        });
        before.assertUnchanged();
    }

    @FuzzTest
    void sarifMerge(byte[] data) {
        Path f = input("shard.sarif", FuzzGuard.cap(data, MAX));
        FuzzGuard.Snapshot before = FuzzGuard.Snapshot.of(dir());
        FuzzGuard.run(() -> {
            SarifMerge.Outcome o = SarifMerge.merge(java.util.List.of(f, f));
            for (String p : o.problems()) names(p, f);
            for (String w : o.warnings()) names(w, f);
            if (o.log() != null) {
                try {
                    SarifMerge.write(o.log(), new java.io.StringWriter());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                // the same log twice: every run counted twice, every finding kept once
                if (o.merged() % 2 != 0) throw new AssertionError("runs of one file merged " + o.merged() + " times");
                var results = o.log().path("runs").path(0).path("results");
                if (results.size() != o.results()) throw new AssertionError(results.size() + " results written, " + o.results() + " counted");
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (var r : results) {
                    String fp = r.path("partialFingerprints").path("mmlint/v1").asText("");
                    if (!fp.isEmpty() && !seen.add(fp)) throw new AssertionError("fingerprint kept twice: " + fp);
                }
            }
        });
        before.assertUnchanged();
    }

    @FuzzTest
    void settingsFile(byte[] data) {
        Path f = input(Settings.FILE_NAME, FuzzGuard.cap(data, MAX));
        FuzzGuard.Snapshot before = FuzzGuard.Snapshot.of(dir());
        FuzzGuard.run(() -> {
            try {
                Settings s = Settings.read(f, RULES);
                s.severities();
                s.disabled();
                s.excludes(dir().resolve("mm/gup.c"));
            } catch (Settings.SettingsException e) {
                names(e.getMessage(), f);
            }
        });
        before.assertUnchanged();
    }

    @FuzzTest
    void checkBuffer(byte[] data) {
        String text = FuzzGuard.text(FuzzGuard.cap(data, MAX));
        synchronized (ReportInputFuzzTest.class) {
            if (buffers == null) buffers = new BufferAnalysis(FrontendOptions.defaults().withCacheDir(dir().resolve("cache")), null);
        }
        Path buf = dir().resolve("buffer").resolve("fuzz.c");
        FuzzGuard.Snapshot before = FuzzGuard.Snapshot.of(dir().resolve("buffer"));
        FuzzGuard.run(() -> {
            BufferAnalysis.Analysis a = buffers.analyse(buf, 1, text, () -> false);
            if (a.error() != null) {
                FuzzGuard.assertClear(a.error());
                if (a.error().startsWith("internal error")) throw new AssertionError(a.error());
            }
        });
        before.assertUnchanged();
    }
}
