package dev.mmlint.frontend.bench;

import dev.mmlint.frontend.CdtFrontend;
import dev.mmlint.frontend.Diagnostic;
import dev.mmlint.frontend.Frontend;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.frontend.FunctionCoverage;
import dev.mmlint.frontend.InputException;
import dev.mmlint.frontend.KernelContext;
import dev.mmlint.frontend.KernelTree;
import dev.mmlint.frontend.KernelTreeFrontend;
import dev.mmlint.frontend.ParsedUnit;
import dev.mmlint.frontend.internal.HeaderCache;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;

/**
 * Parses every .c file of a directory of a kernel tree (default mm/) twice in one run: in tree mode
 * (generated headers, Kbuild include paths, shared header cache) and with no includes at all, and
 * prints both times, their ratio, problems, % functions clean and peak heap as a Markdown table.
 *
 * <pre>FrontendBenchmark TREE [--dir mm] [--config FILE] [--jobs N] [--only tree|none] [--verbose]</pre>
 */
public final class FrontendBenchmark {
    public record Stats(String mode, int files, int failed, long millis, int problemNodes, int filesWithoutProblems,
                        int functions, int clean, int partial, int skipped, List<String> notes) {
        double cleanPct() { return functions == 0 ? 0 : 100.0 * clean / functions; }
    }

    public static void main(String[] args) throws Exception {
        Path tree = null;
        String dir = "mm";
        Path config = null;
        int jobs = Runtime.getRuntime().availableProcessors();
        String only = null;
        boolean verbose = false;
        Path out = null;
        String match = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = args[++i];
                case "--config" -> config = Path.of(args[++i]);
                case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                case "--verbose" -> verbose = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--match" -> match = args[++i];
                default -> tree = Path.of(args[i]);
            }
        }
        if (tree == null) {
            System.err.println("usage: FrontendBenchmark TREE [--dir mm] [--config FILE] [--jobs N] [--only tree|none] [--verbose] [--out FILE.md]");
            System.exit(2);
        }
        KernelTree kt = KernelTree.at(tree.toAbsolutePath()).orElseThrow(() -> new IllegalArgumentException("not a kernel tree"));
        List<Path> files;
        try (Stream<Path> s = Files.list(kt.root().resolve(dir))) {
            String m = match;
            files = s.filter(p -> p.toString().endsWith(".c"))
                    .filter(p -> m == null || p.getFileName().toString().matches(m)).sorted().toList();
        }
        List<Stats> all = new ArrayList<>();
        KernelTreeFrontend fe = new KernelTreeFrontend(kt, FrontendOptions.defaults().withConfig(config));
        if (only == null || only.equals("tree")) {
            all.add(run("tree mode (shared header cache, header bodies skipped)", fe, files, jobs, verbose));
            System.err.printf("cpu split: parse %.1f s, coverage/binding resolution %.1f s%n",
                    CdtFrontend.PARSE_NANOS.sum() / 1e9, CdtFrontend.COVERAGE_NANOS.sum() / 1e9);
            HeaderCache hc = fe.headerCache();
            System.err.printf("header cache: %d texts read, %d served from cache, %d existence probes%n",
                    hc.reads(), hc.hits(), hc.probes());
        }
        if (only == null || only.equals("none")) {
            all.add(run("no includes", new NoIncludes(fe), files, jobs, false));
        }
        long peak = 0;
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans())
            if (b.getType() == MemoryType.HEAP) peak += b.getPeakUsage().getUsed();
        StringBuilder md = new StringBuilder();
        md.append("Kernel ").append(fe.context().version()).append(" ").append(dir).append("/ (").append(files.size())
                .append(" files), ").append(jobs).append(" thread(s), ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; Kconfig: ").append(fe.context().config().source()).append("\n\n");
        md.append("| mode | time (s) | files failed | IASTProblem in .c files | files with none | functions | clean | partial | skipped | % clean |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Stats s : all)
            md.append(String.format("| %s | %.1f | %d | %d | %d of %d | %d | %d | %d | %d | %.1f%% |%n", s.mode, s.millis / 1000.0,
                    s.failed, s.problemNodes, s.filesWithoutProblems, s.files, s.functions, s.clean, s.partial, s.skipped, s.cleanPct()));
        if (all.size() == 2)
            md.append(String.format("%nratio tree/no-includes: %.1fx; peak heap (sum of pool peaks): %d MB%n",
                    (double) all.get(0).millis / Math.max(1, all.get(1).millis), peak >> 20));
        else md.append(String.format("%npeak heap (sum of pool peaks): %d MB%n", peak >> 20));
        System.out.print(md);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, md.toString());
        }
    }

    /** Same file, nothing included: what a parse without any kernel knowledge gives. */
    static final class NoIncludes extends CdtFrontend {
        private final Frontend like;

        NoIncludes(Frontend like) {
            super(new HeaderCache(true), false);
            this.like = like;
        }

        @Override protected ExtendedScannerInfo scannerInfo(Path file) {
            return new ExtendedScannerInfo(Map.of("__KERNEL__", "1", "__GNUC__", "12"), new String[0], null, new String[0]);
        }

        @Override protected ParsedUnit.Mode mode(Path file) { return ParsedUnit.Mode.KERNEL_TREE; }

        @Override public KernelContext context() { return like.context(); }

        @Override public String displayPath(Path file) { return like.displayPath(file); }
    }

    static Stats run(String mode, Frontend fe, List<Path> files, int jobs, boolean verbose) throws Exception {
        long t0 = System.nanoTime();
        ExecutorService ex = Executors.newFixedThreadPool(jobs);
        List<Future<Object>> fs = new ArrayList<>();
        for (Path f : files) fs.add(ex.submit(() -> summarise(fe, f, verbose)));
        int failed = 0, problems = 0, none = 0, fns = 0, clean = 0, partial = 0, skipped = 0;
        List<String> notes = new ArrayList<>();
        for (Future<Object> f : fs) {
            Object r = f.get();
            if (r instanceof String err) {
                failed++;
                notes.add(err);
                System.err.println(err);
                continue;
            }
            int[] c = (int[]) r;
            problems += c[0];
            if (c[0] == 0) none++;
            fns += c[1];
            clean += c[2];
            partial += c[3];
            skipped += c[4];
        }
        ex.shutdown();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Stats(mode, files.size(), failed, ms, problems, none, fns, clean, partial, skipped, notes);
    }

    private static Object summarise(Frontend fe, Path f, boolean verbose) {
        try {
            ParsedUnit u = fe.parse(f);
            int[] c = new int[5];
            c[0] = dev.mmlint.frontend.internal.Coverage.countProblemNodes(u.ast());
            for (FunctionCoverage fc : u.coverage()) {
                c[1]++;
                switch (fc.status()) {
                    case CLEAN -> c[2]++;
                    case PARTIAL -> c[3]++;
                    case SKIPPED -> c[4]++;
                }
                if (verbose && fc.status() != FunctionCoverage.Status.CLEAN)
                    System.err.println(u.displayPath() + ":" + fc.line() + ": " + fc.name() + " " + fc.status() + " " + fc.reasons());
            }
            if (verbose) for (Diagnostic d : u.problems()) System.err.println(d);
            return c;
        } catch (InputException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return fe.displayPath(f) + ": error: " + e;
        }
    }
}
