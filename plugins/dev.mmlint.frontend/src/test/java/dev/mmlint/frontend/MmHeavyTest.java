package dev.mmlint.frontend;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.frontend.internal.Fingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Opt-in (-Dmmlint.heavy=true): all of mm/ (subdirectories included, as {@code mmlint coverage mm}
 * walks it) of a real tree in tree mode. Floors are the values measured on 2026-11-22 (see
 * bench/results/frontend-2026-11-22.md): every function of a file the Debian Kconfig builds is
 * analysed cleanly. Files it does not build (memcontrol-v1.c without CONFIG_MEMCG_V1, cma*.c,
 * kasan/, 6.1's slab.c ...) are parsed too but counted apart: their partial functions use fields
 * and enum constants the same Kconfig compiles out. percpu-km.c is #included by percpu.c and hits
 * an #error when compiled alone, as it would with gcc.
 */
@EnabledIfSystemProperty(named = "mmlint.heavy", matches = "true")
class MmHeavyTest {
    @ParameterizedTest
    @CsvSource({"6.12, 5200, mm/memcontrol-v1.c", "6.1, 4350, mm/slab.c"})
    void wholeMmParses(String version, int minFunctions, String knownNotBuilt) throws Exception {
        Path tree = TestSupport.kernel(version);
        KernelTreeFrontend fe = frontend(tree, version);
        List<Path> files = SourceWalker.expand(List.of(tree.resolve("mm")), false).files();
        int fns = 0, clean = 0, problems = 0, builtProblems = 0, notBuiltFiles = 0;
        List<String> notClean = new ArrayList<>(), notBuilt = new ArrayList<>();
        for (Summary u : parseAll(fe, files)) {
            int p = u.problems();
            problems += p;
            if (u.build().isNotBuilt()) {
                notBuiltFiles++;
                notBuilt.add(u.displayPath());
                assertTrue(u.coverage().stream().allMatch(c -> c.status() == FunctionCoverage.Status.NOT_BUILT
                        && c.reasons().get(0).startsWith("not built: ")), u.displayPath());
                continue;
            }
            builtProblems += p;
            fns += u.coverage().size();
            for (FunctionCoverage c : u.coverage()) {
                if (c.status() == FunctionCoverage.Status.CLEAN) clean++;
                else notClean.add(u.displayPath() + ":" + c.line() + " " + c.name() + " " + c.reasons());
            }
        }
        double pct = 100.0 * clean / fns;
        System.out.printf("%s mm/: %d files (%d not built), %d functions in built files, %.2f%% clean, %d problem nodes (%d in built files)%n",
                version, files.size(), notBuiltFiles, fns, pct, problems, builtProblems);
        assertTrue(fns > minFunctions, "functions: " + fns);
        assertTrue(pct >= 99.0, "issue target: 99% of the functions of built files clean; " + pct);
        assertEquals(List.of(), notClean, "measured: every function of a built file is clean");
        assertEquals(0, builtProblems, "problem nodes in built files");
        assertTrue(problems <= 3, "problem nodes in .c files: " + problems);
        assertTrue(notBuilt.contains(knownNotBuilt), notBuilt::toString);
    }

    /** Header pruning changes nothing for any file of mm/: deep fingerprints of full and pruned parses. */
    @ParameterizedTest
    @ValueSource(strings = {"6.12", "6.1"})
    void prunedParsesEqualFullOnes(String version) throws Exception {
        Path tree = TestSupport.kernel(version);
        KernelTreeFrontend full = frontend(tree, version), pruned = frontend(tree, version);
        full.setHeaderPruning(false);
        pruned.setHeaderPruning(true);
        List<Path> files = SourceWalker.expand(List.of(tree.resolve("mm")), false).files();
        ExecutorService ex = Executors.newFixedThreadPool(2);
        List<Future<String>> fs = new ArrayList<>();
        for (Path f : files)
            // a pruned parse replays inclusions from other files (InclusionMemo), which changes by design what
            // InclusionMemoTest leaves out of the comparison: the count of macro definitions recorded
            fs.add(ex.submit(() -> Fingerprint.firstDifference(
                    InclusionMemoTest.withoutDefinitionCount(Fingerprint.of(full.parse(f), Fingerprint.Depth.DEEP)),
                    InclusionMemoTest.withoutDefinitionCount(Fingerprint.of(pruned.parse(f), Fingerprint.Depth.DEEP)))));
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String d = fs.get(i).get();
            if (d != null) diffs.add(files.get(i) + ": " + d);
        }
        ex.shutdown();
        assertEquals(List.of(), diffs);
    }

    private static KernelTreeFrontend frontend(Path tree, String version) throws Exception {
        Path cfg = TestSupport.kernelConfig(version);
        return new KernelTreeFrontend(KernelTree.at(tree).orElseThrow(),
                FrontendOptions.defaults().withConfig(Files.isRegularFile(cfg) ? cfg : null));
    }

    /** What is kept of a parse (not the AST: all of mm/ at once would not fit). */
    private record Summary(String displayPath, BuildStatus build, List<FunctionCoverage> coverage, int problems) {}

    private static List<Summary> parseAll(Frontend fe, List<Path> files) throws Exception {
        ExecutorService ex = Executors.newFixedThreadPool(2);
        List<Future<Summary>> fs = new ArrayList<>();
        for (Path f : files)
            fs.add(ex.submit(() -> {
                ParsedUnit u = fe.parse(f);
                return new Summary(u.displayPath(), u.build(), u.coverage(),
                        dev.mmlint.frontend.internal.Coverage.countProblemNodes(u.ast()));
            }));
        List<Summary> out = new ArrayList<>();
        for (Future<Summary> f : fs) out.add(f.get());
        ex.shutdown();
        return out;
    }
}
