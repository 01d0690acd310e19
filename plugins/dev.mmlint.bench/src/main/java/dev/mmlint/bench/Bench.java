package dev.mmlint.bench;

import dev.mmlint.checks.Mmlint;
import dev.mmlint.engine.Engine;
import dev.mmlint.engine.UnitAnalyzer;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.frontend.CdtFrontend;
import dev.mmlint.frontend.Frontend;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.frontend.Frontends;
import dev.mmlint.frontend.FunctionCoverage;
import dev.mmlint.frontend.InputException;
import dev.mmlint.frontend.KernelTree;
import dev.mmlint.frontend.KernelTreeFrontend;
import dev.mmlint.frontend.ParsedUnit;
import dev.mmlint.frontend.SourceWalker;
import dev.mmlint.bench.frontend.NoIncludesFloor;
import dev.mmlint.report.BufferAnalysis;
import dev.mmlint.report.LintRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The in-JVM measurements of {@code bench/run.sh} (issue 8). Each subcommand appends
 * {@code KEY.name<TAB>value} lines to {@code --out}; {@link Table} turns them, with the timings the
 * script takes of whole processes, into the results table.
 *
 * <pre>
 * Bench check   PATH... --key K --out TSV [--config F] [--jobs N] [--passes 2] [--profile FILE.tsv]
 * Bench floor   PATH... --key K --out TSV [--config F] [--jobs N] [--passes 2]
 * Bench recheck FILE... --key K --out TSV [--config F] [--n 30] [--modes 012] [--warmup 0]
 * Bench fragments FILE... --key K --out TSV [--rounds 5]
 * Bench table   TSV --meta META.tsv [--out FILE.md]
 * Bench quality [options]   (bench/quality.sh: corpus recall and precision on today's trees, see {@link Quality})
 * </pre>
 *
 * {@code check} runs {@link LintRun} (what {@code mmlint check} runs) {@code --passes} times in one
 * JVM: pass 1 is cold, later passes are warm (JIT compiled; each pass sets up its front end anew,
 * as a new CLI run would). {@code --profile} adds a single-threaded pass timing parse and analysis
 * of every file. {@code floor} parses the same files with no includes at all (the front-end
 * benchmark's floor). {@code recheck} is the language server's warm path: one front end per tree
 * kept, the file analysed once, then re-analysed after {@code --n} small edits, each edit twice:
 * without and with preamble re-use (what the language server and Eclipse do), interleaved.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) usage();
        if (argv[0].equals("quality")) {
            Quality.main(Arrays.copyOfRange(argv, 1, argv.length));
            return;
        }
        Args a = new Args(Arrays.copyOfRange(argv, 1, argv.length));
        switch (argv[0]) {
            case "check" -> check(a);
            case "floor" -> floor(a);
            case "recheck" -> recheck(a);
            case "fragments" -> fragments(a);
            case "guards" -> guards(a);
            case "table" -> Table.write(a);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: Bench check|floor|recheck|guards|table ... (see bench/run.sh; guards: see Bench.guards) | Bench quality ... (see bench/quality.sh)");
        System.exit(2);
    }

    /** Options and positional arguments. */
    static final class Args {
        final List<String> positional = new ArrayList<>();
        final Map<String, String> opts = new LinkedHashMap<>();

        Args(String[] a) {
            for (int i = 0; i < a.length; i++) {
                if (a[i].startsWith("--")) opts.put(a[i].substring(2), a[++i]);
                else positional.add(a[i]);
            }
        }

        String get(String k, String def) { return opts.getOrDefault(k, def); }

        int integer(String k, int def) { return Integer.parseInt(get(k, Integer.toString(def))); }

        Path path(String k) { return opts.containsKey(k) ? Path.of(opts.get(k)) : null; }

        List<Path> paths() { return positional.stream().map(Path::of).toList(); }
    }

    /** Appends key/value lines to the results file. */
    static final class Sink {
        private final Path out;
        private final String key;
        private final Map<String, String> values = new LinkedHashMap<>();

        Sink(Args a) {
            this.out = a.path("out");
            this.key = a.get("key", "run");
        }

        void put(String name, Object v) {
            String s = v instanceof Double d ? String.format("%.3f", d) : String.valueOf(v);
            values.put(key + "." + name, s);
            System.err.println("bench: " + key + "." + name + " = " + s);
        }

        void flush() throws IOException {
            if (out == null) return;
            StringBuilder sb = new StringBuilder();
            values.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
            Files.writeString(out, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static FrontendOptions options(Args a) { return FrontendOptions.defaults().withConfig(a.path("config")); }

    private static double secs(long nanos) { return nanos / 1e9; }

    // ---- check: LintRun, cold then warm ----

    private static void check(Args a) throws Exception {
        Sink s = new Sink(a);
        int jobs = a.integer("jobs", Runtime.getRuntime().availableProcessors()), passes = a.integer("passes", 2);
        LintRun.Options o = new LintRun.Options(options(a), Engine.Options.defaults(), null, jobs, null);
        List<Finding> first = null;
        for (int pass = 1; pass <= passes; pass++) {
            long t0 = System.nanoTime();
            LintRun.Outcome r = LintRun.run(a.paths(), o);
            s.put("pass" + pass + "_s", secs(System.nanoTime() - t0));
            if (first == null) {
                first = r.findings();
                s.put("files", r.filesAnalysed());
                s.put("not_analysed", r.notAnalysed().size());
                putFindings(s, r.findings());
                int fns = 0, clean = 0;
                for (LintRun.FileResult f : r.files()) {
                    if (f.result() == null) continue;
                    for (FunctionCoverage fc : f.result().functions()) {
                        if (fc.status() == FunctionCoverage.Status.NOT_BUILT) continue;
                        fns++;
                        if (fc.status() == FunctionCoverage.Status.CLEAN) clean++;
                    }
                }
                s.put("functions", fns);
                s.put("clean", clean);
                s.put("clean_pct", fns == 0 ? 0.0 : 100.0 * clean / fns);
            } else {
                s.put("pass" + pass + "_same_findings", r.findings().equals(first) ? "yes" : "NO");
            }
        }
        Path profile = a.path("profile");
        if (profile != null) profile(a, s, profile);
        s.flush();
    }

    private static void putFindings(Sink s, List<Finding> findings) {
        Map<String, Integer> byRule = new TreeMap<>();
        for (String r : dev.mmlint.checks.Checks.ids()) byRule.put(r, 0);
        findings.forEach(f -> byRule.merge(f.ruleId(), 1, Integer::sum));
        s.put("findings", findings.size());
        byRule.forEach(s::put);
    }

    /** One more pass, one thread, timing parse and analysis per file: where the time goes. */
    private static void profile(Args a, Sink s, Path out) throws IOException {
        List<Path> files = SourceWalker.expand(a.paths(), false).files();
        Engine engine = Mmlint.engine();
        long parseTotal = 0, analyseTotal = 0;
        List<String> rows = new ArrayList<>();
        try (Frontends.Plan plan = Frontends.forPaths(files, options(a))) {
            for (Frontends.Planned p : plan.files()) {
                long t0 = System.nanoTime(), t1, t2;
                int fns;
                try {
                    ParsedUnit u = p.frontend().parse(p.file());
                    t1 = System.nanoTime();
                    fns = engine.analyze(u).functions().size();
                    t2 = System.nanoTime();
                } catch (InputException | RuntimeException e) {
                    rows.add(p.frontend().displayPath(p.file()) + "\t-\t-\t-\t" + e);
                    continue;
                }
                parseTotal += t1 - t0;
                analyseTotal += t2 - t1;
                rows.add(String.format("%s\t%.1f\t%.1f\t%d\t%d", p.frontend().displayPath(p.file()), (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                        fns, p.file().toFile().length()));
            }
        }
        rows.sort((x, y) -> Double.compare(total(y), total(x)));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.println("file\tparse_ms\tanalyse_ms\tfunctions\tbytes");
            rows.forEach(w::println);
        }
        s.put("profile_parse_s", secs(parseTotal));
        s.put("profile_analyse_s", secs(analyseTotal));
    }

    private static double total(String row) {
        String[] c = row.split("\t");
        try {
            return Double.parseDouble(c[1]) + Double.parseDouble(c[2]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- guards: the front end with and without include-guard stand-ins, side by side in one JVM ----

    /**
     * Parses every file twice per round, once by a front end whose header cache answers include-guard
     * detection from stand-ins ({@code dev.mmlint.frontend.internal.IncludeGuards}) and once by one
     * that leaves it to CDT, in an order that alternates by file and round; prints each side's parse
     * time per round and their ratio. One JVM, one thread: both sides run with the same compiled code.
     */
    private static void guards(Args a) throws Exception {
        Sink s = new Sink(a);
        int rounds = a.integer("rounds", 3);
        List<Path> files = SourceWalker.expand(a.paths(), false).files();
        KernelTree kt = KernelTree.enclosing(files.get(0).toAbsolutePath()).orElseThrow(() -> new IllegalArgumentException("not in a kernel tree"));
        KernelTreeFrontend off = new KernelTreeFrontend(kt, options(a)), on = new KernelTreeFrontend(kt, options(a));
        off.headerCache().setGuardAnswers(false);
        on.headerCache().setGuardAnswers(true);
        for (int r = 1; r <= rounds; r++) {
            long tOff = 0, tOn = 0;
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                for (int k = 0; k < 2; k++) {
                    boolean useOn = (k == 0) == ((i + r) % 2 == 0);
                    long t0 = System.nanoTime();
                    try {
                        (useOn ? on : off).parse(f);
                    } catch (InputException | RuntimeException e) {
                        // timed all the same: both sides meet the same file
                    }
                    long dt = System.nanoTime() - t0;
                    if (useOn) tOn += dt; else tOff += dt;
                }
            }
            s.put("round" + r + "_off_s", secs(tOff));
            s.put("round" + r + "_on_s", secs(tOn));
            s.put("round" + r + "_on_over_off", (double) tOn / tOff);
        }
        s.flush();
    }

    // ---- floor: parse only, no includes ----

    private static void floor(Args a) throws Exception {
        Sink s = new Sink(a);
        int jobs = a.integer("jobs", Runtime.getRuntime().availableProcessors()), passes = a.integer("passes", 2);
        List<Path> files = SourceWalker.expand(a.paths(), false).files();
        KernelTree kt = KernelTree.enclosing(files.get(0).toAbsolutePath()).orElseThrow(() -> new IllegalArgumentException("not in a kernel tree"));
        Frontend fe = NoIncludesFloor.like(new KernelTreeFrontend(kt, options(a)));
        for (int pass = 1; pass <= passes; pass++) {
            long t0 = System.nanoTime();
            ExecutorService ex = Executors.newFixedThreadPool(jobs);
            List<Future<ParsedUnit>> fs = new ArrayList<>();
            for (Path f : files) fs.add(ex.submit(() -> {
                try {
                    return fe.parse(f);
                } catch (InputException | RuntimeException e) {
                    return null;
                }
            }));
            int failed = 0, fns = 0, clean = 0;
            for (Future<ParsedUnit> f : fs) {
                ParsedUnit u = f.get();
                if (u == null) {
                    failed++;
                    continue;
                }
                for (FunctionCoverage fc : u.coverage()) {
                    if (fc.status() == FunctionCoverage.Status.NOT_BUILT) continue;
                    fns++;
                    if (fc.status() == FunctionCoverage.Status.CLEAN) clean++;
                }
            }
            ex.shutdown();
            s.put("pass" + pass + "_s", secs(System.nanoTime() - t0));
            if (pass == 1) {
                s.put("files", files.size());
                s.put("failed", failed);
                s.put("functions", fns);
                s.put("clean_pct", fns == 0 ? 0.0 : 100.0 * clean / fns);
            }
        }
        s.flush();
    }

    // ---- fragments: lone buffers parsed after the recorded prelude, or after a fresh preprocessing of it ----

    /**
     * Each FILE (C text: fixtures, fuzz inputs) checked as an editor buffer outside any tree, the way
     * {@link BufferAnalysis} checks it (front end, then the engine), {@code --rounds} times, by two
     * analysers kept for the whole run: one whose fragments are parsed after the recorded built-in
     * prelude (the default) and one that preprocesses the prelude again for every buffer
     * ({@code -Dmmlint.fragmentPrelude=false}), interleaved so that both see the same load. The first
     * round warms the JIT and is not counted. CPU time of the measuring thread and wall time per buffer,
     * medians and sums, and the ratio (without / with).
     */
    private static void fragments(Args a) throws Exception {
        Sink s = new Sink(a);
        int rounds = Math.max(2, a.integer("rounds", 5));
        List<Path> files = a.paths();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Path dir = Files.createTempDirectory("mmlint-bench-fragments");
        BufferAnalysis[] ba = new BufferAnalysis[2]; // 0: prelude preprocessed per buffer, 1: recorded prelude
        String old = System.getProperty("mmlint.fragmentPrelude");
        try {
            for (int m = 0; m < 2; m++) {
                System.setProperty("mmlint.fragmentPrelude", m == 0 ? "false" : "true");
                ba[m] = new BufferAnalysis(FrontendOptions.defaults().withCacheDir(dir.resolve("cache" + m)), null);
                ba[m].analyse(dir.resolve("buffer").resolve("first.c"), 0, "int x;\n", () -> false); // makes its fragment front end now
            }
        } finally {
            if (old == null) System.clearProperty("mmlint.fragmentPrelude");
            else System.setProperty("mmlint.fragmentPrelude", old);
        }
        List<String> texts = new ArrayList<>();
        for (Path f : files) texts.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
        List<Double>[] cpu = new List[] {new ArrayList<Double>(), new ArrayList<Double>()};
        List<Double>[] wall = new List[] {new ArrayList<Double>(), new ArrayList<Double>()};
        int differ = 0;
        try {
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < texts.size(); i++) {
                    Path buf = dir.resolve("buffer").resolve("f" + i + ".c");
                    String[] got = new String[2];
                    for (int m = 0; m < 2; m++) {
                        long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                        BufferAnalysis.Analysis an = ba[m].analyse(buf, r + 1, texts.get(i), () -> false);
                        long c1 = mx.getCurrentThreadCpuTime(), w1 = System.nanoTime();
                        got[m] = an.error() + " " + an.findings();
                        if (r > 0) {
                            cpu[m].add((c1 - c0) / 1e6);
                            wall[m].add((w1 - w0) / 1e6);
                        }
                    }
                    if (r == 0 && !got[0].equals(got[1])) {
                        differ++;
                        System.err.println("bench: " + files.get(i) + ": the two analyses differ");
                    }
                }
            }
        } finally {
            for (BufferAnalysis b : ba) b.close();
        }
        s.put("files", texts.size());
        s.put("rounds_counted", rounds - 1);
        s.put("differing", differ);
        String[] prefix = {"noprelude_", ""};
        for (int m = 0; m < 2; m++) {
            double[] c = cpu[m].stream().mapToDouble(Double::doubleValue).toArray();
            double[] w = wall[m].stream().mapToDouble(Double::doubleValue).toArray();
            s.put(prefix[m] + "cpu_median_ms", quantile(c, 0.5));
            s.put(prefix[m] + "cpu_p90_ms", quantile(c, 0.9));
            s.put(prefix[m] + "cpu_sum_ms", Arrays.stream(c).sum());
            s.put(prefix[m] + "wall_median_ms", quantile(w, 0.5));
            s.put(prefix[m] + "wall_p90_ms", quantile(w, 0.9));
        }
        s.put("cpu_ratio_of_sums", cpu[0].stream().mapToDouble(Double::doubleValue).sum() / cpu[1].stream().mapToDouble(Double::doubleValue).sum());
        s.put("preludes_reused", CdtFrontend.preludesReused());
        s.flush();
    }

    // ---- recheck: the language server's warm path ----

    private static void recheck(Args a) throws Exception {
        Sink s = new Sink(a);
        int n = a.integer("n", 30);
        // which of the three ways to re-check (see below) run: --modes 1 measures the language server's alone,
        // without the garbage of the other two in its heap
        String modes = a.get("modes", "012");
        int warmup = a.integer("warmup", 0);
        Engine engine = Mmlint.engine();
        Map<Path, Frontend[]> trees = new LinkedHashMap<>();
        List<Frontends.Plan> plans = new ArrayList<>();
        try {
            for (Path file : a.paths()) {
                Path abs = file.toAbsolutePath().normalize();
                KernelTree kt = KernelTree.enclosing(abs).orElseThrow(() -> new IllegalArgumentException(file + ": not in a kernel tree"));
                // two front ends per tree, as the language server keeps one: without and with preamble re-use
                Frontend[] fes = trees.get(kt.root());
                if (fes == null) {
                    fes = new Frontend[2];
                    for (int i = 0; i < 2; i++) {
                        Frontends.Plan plan = Frontends.forPaths(List.of(abs), options(a));
                        plans.add(plan);
                        fes[i] = plan.files().get(0).frontend();
                    }
                    ((CdtFrontend) fes[1]).setPreambleReuse(BufferAnalysis.PREAMBLES);
                    trees.put(kt.root(), fes);
                }
                String text = Files.readString(abs, StandardCharsets.ISO_8859_1);
                String display = fes[0].displayPath(abs);
                String name = abs.getFileName().toString();
                long t0 = System.nanoTime();
                UnitAnalyzer.Memo memo = new UnitAnalyzer.Memo();
                UnitAnalyzer.Result first = engine.analyze(fes[1].parseText(abs, display, text), memo);
                s.put(name + ".first_ms", (System.nanoTime() - t0) / 1e6);
                engine.analyze(fes[0].parseText(abs, display, text));
                s.put(name + ".findings", first.findings().size());
                // [mode][edit]: mode 0 without preamble re-use, 1 with it and with the functions the edit did not
                // touch kept (what the language server and Eclipse do), 2 with the preamble only (the same front end)
                double[][] all = new double[3][n], parse = new double[3][n], analyse = new double[3][n];
                int[] lines = editableLines(text);
                // untimed edits first (--warmup W): the JIT compiles the parser and the engine during the first
                // minute of a language server's life; the timed edits then show its steady state
                for (int w = 0; w < warmup; w++) {
                    String edited = edit(text, lines[(n + w) % lines.length], w);
                    for (int m = 0; m < 3; m++)
                        if (modes.indexOf((char) ('0' + m)) >= 0) engine.analyze(fes[m == 0 ? 0 : 1].parseText(abs, display, edited), m == 1 ? memo : null);
                    engine.analyze(fes[1].parseText(abs, display, text), memo);
                }
                long reused = CdtFrontend.preamblesReused();
                long runsKept = UnitAnalyzer.Memo.REUSED.sum(), runsMade = UnitAnalyzer.Memo.RUN.sum();
                for (int k = 0; k < n; k++) {
                    String edited = edit(text, lines[k % lines.length], k);
                    for (int m = 0; m < 3; m++) { // interleaved, so every mode sees the same load
                        if (modes.indexOf((char) ('0' + m)) < 0) continue;
                        long t1 = System.nanoTime();
                        ParsedUnit u = fes[m == 0 ? 0 : 1].parseText(abs, display, edited);
                        long t2 = System.nanoTime();
                        List<Finding> f = engine.analyze(u, m == 1 ? memo : null).findings().stream().sorted(Finding.ORDER).toList();
                        long t3 = System.nanoTime();
                        if (f.size() != first.findings().size()) System.err.println("bench: " + name + " edit " + k + " changed the findings");
                        all[m][k] = (t3 - t1) / 1e6;
                        if (Boolean.getBoolean("bench.trace"))
                            System.err.printf("bench: %s edit %d (line %d) mode %d: %.0f ms (parse %.0f); full parses %d, prune fallbacks %d, doubts kept %d, resumed %d, header tokens kept %d%n", name, k,
                                    lines[k % lines.length] + 1, m, all[m][k], (t2 - t1) / 1e6, dev.mmlint.frontend.internal.Preambles.REUSED_FULL.sum(),
                                    CdtFrontend.PRUNE_FALLBACKS.sum(), CdtFrontend.PRUNE_DOUBTS_KEPT.sum(),
                                    dev.mmlint.frontend.internal.Preambles.PRUNING_RESUMED.sum(), CdtFrontend.HEADER_TOKENS_KEPT.sum());
                        parse[m][k] = (t2 - t1) / 1e6;
                        analyse[m][k] = (t3 - t2) / 1e6;
                    }
                    // and back to the text before the edit, as undo does (untimed; the memo sees it, so the next
                    // edit is again one edit away from what the memo last saw)
                    engine.analyze(fes[1].parseText(abs, display, text), memo);
                }
                s.put(name + ".n", n);
                s.put(name + ".warmup", warmup);
                s.put(name + ".preambles_reused", CdtFrontend.preamblesReused() - reused);
                s.put(name + ".runs_kept", UnitAnalyzer.Memo.REUSED.sum() - runsKept);
                s.put(name + ".runs_made", UnitAnalyzer.Memo.RUN.sum() - runsMade);
                String[] prefix = {"noreuse_", "", "nomemo_"};
                for (int m = 0; m < 3; m++) {
                    if (modes.indexOf((char) ('0' + m)) < 0) continue;
                    s.put(name + "." + prefix[m] + "median_ms", quantile(all[m], 0.5));
                    s.put(name + "." + prefix[m] + "p90_ms", quantile(all[m], 0.9));
                    s.put(name + "." + prefix[m] + "min_ms", quantile(all[m], 0));
                    s.put(name + "." + prefix[m] + "max_ms", quantile(all[m], 1));
                    s.put(name + "." + prefix[m] + "parse_median_ms", quantile(parse[m], 0.5));
                    s.put(name + "." + prefix[m] + "analyse_median_ms", quantile(analyse[m], 0.5));
                }
                s.put(name + ".bytes", text.length());
            }
        } finally {
            plans.forEach(Frontends.Plan::close);
        }
        s.flush();
    }

    /** Lines in the second half of the file that end a statement inside a function (start with a tab, end with ';'). */
    static int[] editableLines(String text) {
        String[] ls = text.split("\n", -1);
        List<Integer> r = new ArrayList<>();
        for (int i = ls.length / 2; i < ls.length && r.size() < 64; i++)
            if (ls[i].startsWith("\t") && ls[i].endsWith(";")) r.add(i);
        if (r.isEmpty()) r.add(ls.length - 1);
        return r.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A small edit of the kinds typing makes, alternating: a comment typed at the end of a statement
     * line (even {@code k}), a new statement line inserted before it (odd {@code k}: every later line moves).
     */
    static String edit(String text, int line, int k) {
        int at = 0;
        for (int i = 0; i < line; i++) at = text.indexOf('\n', at) + 1;
        if (k % 2 == 1) return text.substring(0, at) + "\tbarrier(); /* edit " + k + " */\n" + text.substring(at);
        int end = text.indexOf('\n', at);
        if (end < 0) end = text.length();
        return text.substring(0, end) + " /* edit " + k + " */" + text.substring(end);
    }

    /** Nearest-rank quantile. */
    static double quantile(double[] xs, double q) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(q * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }
}
