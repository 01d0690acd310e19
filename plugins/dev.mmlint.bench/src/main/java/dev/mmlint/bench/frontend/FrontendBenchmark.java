package dev.mmlint.bench.frontend;

import dev.mmlint.frontend.CdtFrontend;
import dev.mmlint.frontend.Frontend;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.frontend.FunctionCoverage;
import dev.mmlint.frontend.InputException;
import dev.mmlint.frontend.KernelContext;
import dev.mmlint.frontend.KernelTree;
import dev.mmlint.frontend.KernelTreeFrontend;
import dev.mmlint.frontend.ParsedUnit;
import dev.mmlint.frontend.internal.Coverage;
import dev.mmlint.frontend.internal.Fingerprint;
import dev.mmlint.frontend.internal.HeaderCache;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;

/**
 * Parses every .c file of a directory of a kernel tree (default mm/, top level only) in three
 * modes, each in a fresh JVM so each is measured cold (JIT warm-up included, as a user's run is):
 *
 * <ul>
 * <li>{@code full}: tree mode with every header declaration parsed (header pruning off): the
 * front-end as it was before pruning;
 * <li>{@code pruned}: tree mode as shipped (header declarations the file cannot reach left out);
 * <li>{@code none}: no includes at all: the floor of parsing the files themselves.
 * </ul>
 *
 * and prints one Markdown table with wall time, process CPU, JIT and GC time, peak heap, problems
 * and coverage per mode, plus whether {@code full} and {@code pruned} gave the same coverage and
 * problems for every file (a coverage-level fingerprint per file; {@code --verify} compares the
 * deep fingerprint - every name's binding and every expression's type - in one extra JVM).
 *
 * <pre>FrontendBenchmark TREE [--dir mm] [--config FILE] [--jobs N] [--modes full,pruned,none]
 *                   [--passes N] [--jvm "OPTS"] [--match REGEX] [--verify] [--out FILE.md]</pre>
 */
public final class FrontendBenchmark {
    /** What one child run measured. */
    record Stats(String mode, Map<String, String> values, Map<String, String> fingerprints) {
        String v(String k) { return values.getOrDefault(k, "?"); }
        double d(String k) { return Double.parseDouble(values.getOrDefault(k, "0")); }
    }

    public static void main(String[] args) throws Exception {
        Path tree = null, config = null, out = null, result = null;
        String dir = "mm", match = null, child = null, jvm = "-Xss8m -XX:+UseParallelGC";
        List<String> modes = List.of("full", "pruned", "none");
        int jobs = Runtime.getRuntime().availableProcessors(), passes = 1;
        boolean verify = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = args[++i];
                case "--config" -> config = Path.of(args[++i]);
                case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                case "--modes" -> modes = List.of(args[++i].split(","));
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--jvm" -> jvm = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--match" -> match = args[++i];
                case "--verify" -> verify = true;
                case "--child" -> child = args[++i];
                case "--result" -> result = Path.of(args[++i]);
                default -> tree = Path.of(args[i]);
            }
        }
        if (tree == null) {
            System.err.println("usage: FrontendBenchmark TREE [--dir mm] [--config FILE] [--jobs N] [--modes full,pruned,none]"
                    + " [--passes N] [--jvm OPTS] [--match REGEX] [--verify] [--out FILE.md]");
            System.exit(2);
        }
        KernelTree kt = KernelTree.at(tree.toAbsolutePath()).orElseThrow(() -> new IllegalArgumentException("not a kernel tree"));
        List<Path> files = files(kt, dir, match);
        if (child != null) {
            runChild(child, kt, config, files, jobs, passes, result);
            return;
        }
        List<String> common = new ArrayList<>(List.of(tree.toString(), "--dir", dir, "--jobs", Integer.toString(jobs),
                "--passes", Integer.toString(passes)));
        if (config != null) { common.add("--config"); common.add(config.toString()); }
        if (match != null) { common.add("--match"); common.add(match); }
        List<Stats> all = new ArrayList<>();
        for (String m : modes) {
            System.err.println("bench: " + m + " ...");
            all.add(fork(m, jvm, common));
        }
        String deep = verify ? verifyDeep(jvm, common) : null;
        KernelTreeFrontend fe = new KernelTreeFrontend(kt, FrontendOptions.defaults().withConfig(config));
        String md = table(all, fe.context(), dir, files.size(), jobs, passes, jvm, deep);
        System.out.print(md);
        if (out != null) {
            if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, md);
        }
    }

    static List<Path> files(KernelTree kt, String dir, String match) throws IOException {
        try (Stream<Path> s = Files.list(kt.root().resolve(dir))) {
            // largest first: with several threads the last file to finish is then a small one
            return s.filter(p -> p.toString().endsWith(".c"))
                    .filter(p -> match == null || p.getFileName().toString().matches(match))
                    .sorted(Comparator.comparingLong((Path p) -> p.toFile().length()).reversed().thenComparing(Comparator.naturalOrder()))
                    .toList();
        }
    }

    private static Stats fork(String mode, String jvm, List<String> common) throws IOException, InterruptedException {
        Path res = Files.createTempFile("mmlint-bench-" + mode, ".tsv");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String o : jvm.trim().split("\\s+")) if (!o.isEmpty()) cmd.add(o);
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(FrontendBenchmark.class.getName());
            cmd.addAll(common);
            cmd.add("--child");
            cmd.add(mode);
            cmd.add("--result");
            cmd.add(res.toString());
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (p.waitFor() != 0) throw new IOException("benchmark child for mode " + mode + " failed");
            Map<String, String> values = new LinkedHashMap<>(), fps = new TreeMap<>();
            for (String l : Files.readAllLines(res, StandardCharsets.UTF_8)) {
                String[] kv = l.split("\t", 3);
                if (kv[0].equals("fp")) fps.put(kv[1], kv[2]);
                else values.put(kv[0], kv[1]);
            }
            return new Stats(mode, values, fps);
        } finally {
            Files.deleteIfExists(res);
        }
    }

    private static String verifyDeep(String jvm, List<String> common) throws IOException, InterruptedException {
        System.err.println("bench: deep comparison of full and pruned parses ...");
        Stats s = fork("verify", jvm, common);
        return s.v("verify");
    }

    private static Frontend frontend(String mode, KernelTree kt, Path config) throws IOException {
        KernelTreeFrontend fe = new KernelTreeFrontend(kt, FrontendOptions.defaults().withConfig(config));
        switch (mode) {
            case "full" -> fe.setHeaderPruning(false);
            case "pruned" -> fe.setHeaderPruning(true);
            case "none" -> { return new NoIncludes(fe); }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        return fe;
    }

    private static void runChild(String mode, KernelTree kt, Path config, List<Path> files, int jobs, int passes, Path result)
            throws Exception {
        StringBuilder res = new StringBuilder();
        if (mode.equals("verify")) {
            KernelTreeFrontend full = new KernelTreeFrontend(kt, FrontendOptions.defaults().withConfig(config));
            full.setHeaderPruning(false);
            KernelTreeFrontend pruned = new KernelTreeFrontend(kt, FrontendOptions.defaults().withConfig(config));
            pruned.setHeaderPruning(true);
            List<String> diffs = new ArrayList<>();
            long lines = 0;
            for (Path f : files) {
                List<String> a, b;
                try {
                    a = Fingerprint.of(full.parse(f), Fingerprint.Depth.DEEP);
                    b = Fingerprint.of(pruned.parse(f), Fingerprint.Depth.DEEP);
                } catch (InputException e) {
                    continue;
                }
                lines += a.size();
                String d = Fingerprint.firstDifference(a, b);
                if (d != null) diffs.add(full.displayPath(f) + " " + d.replace('\n', ' '));
            }
            res.append("verify\t").append(diffs.isEmpty() ? "identical: " + files.size() + " files, " + lines
                    + " fingerprint lines (coverage, problems, the unit's extent, macro expansions and includes, every name's binding and type, every expression's type)"
                    : "DIFFERENT in " + diffs.size() + " files: " + String.join(" | ", diffs)).append('\n');
            Files.writeString(result, res.toString());
            return;
        }
        Frontend fe = frontend(mode, kt, config);
        Map<String, String> fps = new TreeMap<>();
        long[] totals = null;
        long wall = 0, cpu = 0, firstWall = 0, firstCpu = 0;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int pass = 0; pass < passes; pass++) {
            long t0 = System.nanoTime(), c0 = os.getProcessCpuTime();
            ExecutorService ex = Executors.newFixedThreadPool(jobs);
            List<Future<Object>> fs = new ArrayList<>();
            for (Path f : files) fs.add(ex.submit(() -> summarise(fe, f)));
            totals = new long[10];
            for (int i = 0; i < fs.size(); i++) {
                Object r = fs.get(i).get();
                if (r instanceof String err) {
                    totals[0]++;
                    fps.put(fe.displayPath(files.get(i)), "failed: " + err);
                    continue;
                }
                Object[] o = (Object[]) r;
                long[] c = (long[]) o[0];
                for (int k = 1; k < c.length; k++) totals[k] += c[k];
                fps.put(fe.displayPath(files.get(i)), (String) o[1]);
            }
            ex.shutdown();
            wall = System.nanoTime() - t0;
            cpu = os.getProcessCpuTime() - c0;
            if (pass == 0) { firstWall = wall; firstCpu = cpu; }
        }
        long gc = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) gc += Math.max(0, g.getCollectionTime());
        long peak = 0;
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans())
            if (b.getType() == MemoryType.HEAP) peak += b.getPeakUsage().getUsed();
        var jit = ManagementFactory.getCompilationMXBean();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("files", Integer.toString(files.size()));
        v.put("failed", Long.toString(totals[0]));
        v.put("problems", Long.toString(totals[1]));
        v.put("filesWithout", Long.toString(totals[2]));
        v.put("functions", Long.toString(totals[3]));
        v.put("clean", Long.toString(totals[4]));
        v.put("partial", Long.toString(totals[5]));
        v.put("skipped", Long.toString(totals[6]));
        v.put("notBuiltFiles", Long.toString(totals[7]));
        v.put("notBuiltFunctions", Long.toString(totals[8]));
        v.put("notBuiltClean", Long.toString(totals[9]));
        v.put("wall", Double.toString(firstWall / 1e9));
        v.put("cpu", Double.toString(firstCpu / 1e9));
        v.put("warmWall", Double.toString(wall / 1e9));
        v.put("warmCpu", Double.toString(cpu / 1e9));
        v.put("gc", Double.toString(gc / 1e3));
        v.put("jit", jit != null && jit.isCompilationTimeMonitoringSupported() ? Double.toString(jit.getTotalCompilationTime() / 1e3) : "0");
        v.put("peakMb", Long.toString(peak >> 20));
        v.put("pruned", Long.toString(CdtFrontend.PRUNED_UNITS.sum()));
        v.put("fallbacks", Long.toString(CdtFrontend.PRUNE_FALLBACKS.sum()));
        long ht = CdtFrontend.HEADER_TOKENS.sum();
        v.put("keptPct", ht == 0 ? "-" : String.format("%.1f", 100.0 * CdtFrontend.HEADER_TOKENS_KEPT.sum() / ht));
        v.forEach((k, x) -> res.append(k).append('\t').append(x).append('\n'));
        fps.forEach((k, x) -> res.append("fp\t").append(k).append('\t').append(x.replace('\n', ' ').replace('\t', ' ')).append('\n'));
        Files.writeString(result, res.toString());
    }

    /** Per file: counts, and a coverage-level fingerprint. */
    private static Object summarise(Frontend fe, Path f) {
        try {
            ParsedUnit u = fe.parse(f);
            long[] c = new long[10];
            c[1] = Coverage.countProblemNodes(u.ast());
            c[2] = c[1] == 0 ? 1 : 0;
            boolean nb = u.build() != null && u.build().isNotBuilt();
            if (nb) c[7] = 1;
            for (FunctionCoverage fc : u.coverage()) {
                if (nb) {
                    c[8]++;
                    if (fc.parseStatus() == FunctionCoverage.Status.CLEAN) c[9]++;
                    continue;
                }
                c[3]++;
                switch (fc.status()) {
                    case CLEAN -> c[4]++;
                    case PARTIAL -> c[5]++;
                    case SKIPPED -> c[6]++;
                    default -> { }
                }
            }
            return new Object[] {c, Integer.toHexString(String.join("\n", Fingerprint.of(u, Fingerprint.Depth.COVERAGE)).hashCode())};
        } catch (InputException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return fe.displayPath(f) + ": error: " + e;
        }
    }

    private static String table(List<Stats> all, KernelContext ctx, String dir, int files, int jobs, int passes, String jvm, String deep) {
        StringBuilder md = new StringBuilder();
        md.append("Kernel ").append(ctx.version()).append(' ').append(dir).append("/*.c (").append(files).append(" files), ")
                .append(jobs).append(" thread(s), ").append(Runtime.getRuntime().availableProcessors()).append(" cores, JVM `")
                .append(jvm).append("`, each mode in a fresh JVM (cold); Kconfig: ").append(ctx.config().source()).append("\n\n");
        md.append("| mode | wall (s) | CPU (s) | JIT (s) | GC (s) | peak heap (MB) | IASTProblem in .c files | files with none"
                + " | functions (built files) | clean | partial | skipped | % clean | not built: files / functions |");
        if (passes > 1) md.append(" warm pass wall / CPU (s) |");
        md.append("\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        if (passes > 1) md.append("---|");
        md.append('\n');
        for (Stats s : all) {
            String name = switch (s.mode) {
                case "full" -> "tree, every header declaration parsed (before)";
                case "pruned" -> "tree, unreachable header declarations pruned (after)";
                case "none" -> "no includes (floor)";
                default -> s.mode;
            };
            double fn = s.d("functions");
            md.append(String.format("| %s | %.1f | %.1f | %.1f | %.1f | %s | %s | %s of %s | %s | %s | %s | %s | %.1f%% | %s / %s |",
                    name, s.d("wall"), s.d("cpu"), s.d("jit"), s.d("gc"), s.v("peakMb"), s.v("problems"), s.v("filesWithout"),
                    s.v("files"), s.v("functions"), s.v("clean"), s.v("partial"), s.v("skipped"),
                    fn == 0 ? 0 : 100.0 * s.d("clean") / fn, s.v("notBuiltFiles"), s.v("notBuiltFunctions")));
            if (passes > 1) md.append(String.format(" %.1f / %.1f |", s.d("warmWall"), s.d("warmCpu")));
            md.append('\n');
        }
        md.append('\n');
        Stats full = all.stream().filter(s -> s.mode.equals("full")).findFirst().orElse(null);
        Stats pruned = all.stream().filter(s -> s.mode.equals("pruned")).findFirst().orElse(null);
        if (pruned != null)
            md.append(String.format("Pruned mode: %s%% of the header tokens kept for the parser; %s of %s files parsed again in full"
                    + " because the pruned parse had doubts.%n", pruned.v("keptPct"), pruned.v("fallbacks"), pruned.v("files")));
        if (full != null && pruned != null) {
            List<String> diff = new ArrayList<>();
            for (var e : full.fingerprints.entrySet())
                if (!e.getValue().equals(pruned.fingerprints.get(e.getKey()))) diff.add(e.getKey());
            md.append(diff.isEmpty() ? "Coverage and problems identical for every file between full and pruned parses.\n"
                    : "Coverage or problems DIFFER between full and pruned parses in: " + String.join(", ", diff) + "\n");
            md.append(String.format("Speed-up (wall, cold): %.2fx; CPU: %.2fx.%n", full.d("wall") / Math.max(1e-9, pruned.d("wall")),
                    full.d("cpu") / Math.max(1e-9, pruned.d("cpu"))));
        }
        if (deep != null) md.append("Deep comparison: ").append(deep).append('\n');
        return md.toString();
    }

    /** Same file, nothing included: what a parse without any kernel knowledge gives. */
    static final class NoIncludes extends CdtFrontend {
        private final KernelTreeFrontend like;

        NoIncludes(KernelTreeFrontend like) {
            super(new HeaderCache(true), false);
            this.like = like;
            setHeaderPruning(false);
        }

        @Override protected ExtendedScannerInfo scannerInfo(Path file) {
            return new ExtendedScannerInfo(Map.of("__KERNEL__", "1", "__GNUC__", "12"), new String[0], null, new String[0]);
        }

        @Override protected ParsedUnit.Mode mode(Path file) { return ParsedUnit.Mode.KERNEL_TREE; }

        @Override public dev.mmlint.frontend.BuildStatus buildStatus(Path file) { return like.buildStatus(file); }

        @Override public KernelContext context() { return like.context(); }

        @Override public String displayPath(Path file) { return like.displayPath(file); }
    }
}
