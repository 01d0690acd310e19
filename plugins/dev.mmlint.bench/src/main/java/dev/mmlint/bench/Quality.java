package dev.mmlint.bench;

import dev.mmlint.checks.Checks;
import dev.mmlint.engine.Engine;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.frontend.Diagnostic;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.frontend.FunctionCoverage;
import dev.mmlint.report.LintRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The quality benchmark of issue 17, {@code bench/quality.sh}: corpus recall and precision
 * (test-fixtures/corpus/) and precision on today's trees against their triage files
 * (bench/triage/&lt;tree&gt;.tsv), side by side in one run.
 *
 * <pre>
 * Bench quality [--root DIR] [--corpus DIR] [--corpus-only] [--kernels DIR] [--trees 6.1,6.12] [--mm-only] [--wider] [--wide]
 *               [--triage DIR] [--jobs N] [--out FILE.md] [--tsv FILE.tsv] [--command TEXT] [--commit REV]
 * </pre>
 *
 * Every corpus file is analysed as {@code mmlint check} analyses a lone file ({@link LintRun}, fragment
 * mode: kernel version from {@code mmlint-kernel:}, Kconfig from {@code mmlint-config:}); each tree
 * as {@code mmlint check --config <kernels>/config-<v>.amd64 <kernels>/linux-source-<v>/mm <slice files>}
 * does ({@link #SLICE}: page-heavy files outside mm/; {@code --mm-only}: mm/ alone), all rules, no
 * settings file; precision is reported per scope (mm/, the slice, the wider slices) as well as per rule. The markdown goes to stdout (and {@code --out}); {@code --tsv} gets the same
 * numbers one per line, for diffing runs.
 */
public final class Quality {
    private Quality() {}

    /**
     * Files outside mm/ that use struct page heavily, present in Debian's 6.1 and 6.12 alike: analysed with
     * mm/ by default (not with --mm-only) and counted as their own scope. Page tables and the direct map
     * (x86 init_64.c, set_memory.c), GUP users (KVM, VFIO, RDMA umem, io_uring buffers, iov_iter, uprobes,
     * exec), hugetlbfs, DMA and kexec allocations, bio pages and /proc page walks.
     */
    static final List<String> SLICE = List.of("arch/x86/mm/init_64.c", "arch/x86/mm/pat/set_memory.c", "virt/kvm/kvm_main.c",
            "drivers/vfio/vfio_iommu_type1.c", "fs/hugetlbfs/inode.c", "kernel/dma/direct.c", "lib/iov_iter.c", "io_uring/rsrc.c",
            "drivers/infiniband/core/umem.c", "fs/proc/task_mmu.c", "kernel/events/uprobes.c", "fs/exec.c", "kernel/kexec_core.c",
            "block/bio.c");

    /** The scopes findings are counted in, in report order. */
    static final List<String> SCOPES = List.of("mm/", "slice", "wider");

    /** The scope of a finding in tree-relative {@code file}: mm/, one of the {@link #SLICE} files, or the wider slices. */
    static String scope(String file) {
        String f = file.replace('\\', '/');
        if (f.startsWith("mm/")) return "mm/";
        return SLICE.contains(f) ? "slice" : "wider";
    }

    /** What a scope is called in the report. */
    static String scopeName(String scope) {
        return switch (scope) {
            case "mm/" -> "mm/";
            case "slice" -> "slice outside mm/ (" + SLICE.size() + " files)";
            default -> "outside mm/ and the slice (--wide, --wider)";
        };
    }

    /** Page-heavy code outside mm/ triaged on 2026-11-22 (bench/results/triage-2026-11-22.md): what --wider adds. */
    static final List<String> WIDER = List.of("fs", "io_uring", "kernel", "virt/kvm", "arch/x86/mm", "arch/x86/kvm", "drivers/vfio",
            "drivers/infiniband/core", "drivers/gpu/drm/ttm", "drivers/gpu/drm/i915/gem", "lib", "block", "net/core", "drivers/virt",
            "drivers/dma-buf", "drivers/xen", "drivers/misc/sgi-gru", "drivers/media/common/videobuf2", "drivers/iommu",
            "drivers/infiniband/hw", "drivers/infiniband/sw", "drivers/android", "drivers/hv", "drivers/md", "drivers/block",
            "drivers/nvme", "drivers/misc", "drivers/char", "drivers/media/v4l2-core", "drivers/gpu/drm/amd/amdgpu", "drivers/target",
            "drivers/fpga", "drivers/platform/x86", "net/ipv4", "net/sunrpc", "net/xdp", "crypto");

    /**
     * What --wide adds: the .c files outside mm/ and the slice, listed one per line (tree-relative, {@code #} starts a comment)
     * in bench/wide-files.txt, that call the page APIs the rules model (GUP and unpin, pte_page() and its kin, pfn_to_page(),
     * compound_head(), speculative references, mapcounts, refcount setters, nth_page(), vm_normal_page(), virt_to_page()).
     * A file a tree does not have is skipped. Its findings are triaged in bench/triage/&lt;v&gt;-wide.tsv, read beside &lt;v&gt;.tsv.
     */
    static List<String> wideFiles(Path root) throws IOException {
        Path list = root.resolve("bench/wide-files.txt");
        List<String> files = new ArrayList<>();
        if (!Files.isRegularFile(list)) return files;
        for (String l : Files.readAllLines(list, java.nio.charset.StandardCharsets.UTF_8)) {
            String f = l.strip();
            if (f.isEmpty() || f.startsWith("#") || f.startsWith("mm/") || SLICE.contains(f)) continue;
            files.add(f);
        }
        return files;
    }

    /** The options, as {@code --key value} pairs and bare {@code --flag}s. */
    static final class Options {
        Path root = Path.of("").toAbsolutePath(), corpus, kernels, triage, out, tsv;

        /** What the tree runs analyse, for the report: "mm/", "mm/ and the slice", ... */
        String scopeText() {
            String s = mmOnly ? (wider ? "mm/ and the wider slices" : "mm/") : (wider ? "mm/, the slice and the wider slices" : "mm/ and the slice");
            return wide ? s + " and bench/wide-files.txt" : s;
        }
        boolean corpusOnly, wider, mmOnly, wide;
        List<String> trees = List.of("6.1", "6.12");
        int jobs = Runtime.getRuntime().availableProcessors();
        String command = "bench/quality.sh", commit;

        static Options parse(String[] a) {
            Options o = new Options();
            for (int i = 0; i < a.length; i++) {
                String k = a[i];
                switch (k) {
                    case "--corpus-only" -> o.corpusOnly = true;
                    case "--wider" -> o.wider = true;
                    case "--wide" -> o.wide = true;
                    case "--mm-only" -> o.mmOnly = true;
                    default -> {
                        if (i + 1 >= a.length) throw new IllegalArgumentException(k + " needs a value");
                        String v = a[++i];
                        switch (k) {
                            case "--root" -> o.root = Path.of(v).toAbsolutePath();
                            case "--corpus" -> o.corpus = Path.of(v);
                            case "--kernels" -> o.kernels = Path.of(v);
                            case "--trees" -> o.trees = List.of(v.split(","));
                            case "--triage" -> o.triage = Path.of(v);
                            case "--jobs" -> o.jobs = Integer.parseInt(v);
                            case "--out" -> o.out = Path.of(v);
                            case "--tsv" -> o.tsv = Path.of(v);
                            case "--command" -> o.command = v;
                            case "--commit" -> o.commit = v;
                            default -> throw new IllegalArgumentException("unknown option " + k);
                        }
                    }
                }
            }
            if (o.corpus == null) o.corpus = o.root.resolve("test-fixtures/corpus");
            if (o.triage == null) o.triage = o.root.resolve("bench/triage");
            if (o.kernels == null) {
                String env = System.getenv("MMLINT_KERNELS");
                o.kernels = env != null && !env.isEmpty() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache/mmlint/kernels");
            }
            return o;
        }
    }

    /** One tree's run: where, with what, what came out, and its score. */
    record TreeRun(String version, Path tree, Path config, List<String> dirs, int files, List<Diagnostic> notAnalysed,
                   Triage.Score score, List<Corpus.Problem> triageProblems, double seconds) {}

    /** Everything one run measured. */
    static final class Result {
        final List<String> rules;
        CorpusScore corpus;
        List<Corpus.Problem> corpusProblems = List.of();
        double corpusSeconds;
        final List<TreeRun> trees = new ArrayList<>();

        Result(List<String> rules) { this.rules = rules; }
    }

    public static void main(String[] argv) throws Exception {
        Options o;
        try {
            o = Options.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("quality: " + e.getMessage() + " (see bench/quality.sh)");
            System.exit(2);
            return;
        }
        Result r = new Result(ruleIds());
        long t0 = System.nanoTime();
        System.err.println("quality: corpus " + o.corpus);
        Corpus.Read read = Corpus.read(o.corpus, new LinkedHashSet<>(r.rules));
        r.corpusProblems = read.problems();
        r.corpus = scoreCorpus(read.entries(), r.rules, o.jobs);
        r.corpusSeconds = (System.nanoTime() - t0) / 1e9;
        if (!o.corpusOnly) {
            for (String v : o.trees) {
                System.err.println("quality: Linux " + v + " " + o.scopeText());
                r.trees.add(runTree(o, v, r.rules));
            }
        }
        Report rep = new Report(r, o);
        String md = rep.markdown();
        System.out.print(md);
        if (o.out != null) {
            Files.createDirectories(o.out.toAbsolutePath().getParent());
            Files.writeString(o.out, md, StandardCharsets.UTF_8);
            System.err.println("quality: wrote " + o.out);
        }
        if (o.tsv != null) {
            Files.createDirectories(o.tsv.toAbsolutePath().getParent());
            Files.writeString(o.tsv, rep.tsv(), StandardCharsets.UTF_8);
            System.err.println("quality: wrote " + o.tsv);
        }
    }

    static List<String> ruleIds() { return Checks.all().stream().map(c -> c.info().id()).sorted().toList(); }

    /**
     * The budgets of the bench's runs: what it measures is findings, and the default budgets are wall time, which a
     * shared, loaded machine stretches until files come out "not analysed" and the numbers depend on the load. Ten
     * minutes a file and two a function still stop a hang; the default budgets are what `mmlint check` uses.
     */
    static final dev.mmlint.frontend.Budgets BUDGETS = dev.mmlint.frontend.Budgets.DEFAULTS
            .withFileTime(java.time.Duration.ofMinutes(10)).withFunctionTime(java.time.Duration.ofMinutes(2));

    /** Analyses every C file of the entries in one {@link LintRun} (what {@code mmlint check} runs) and counts. */
    static CorpusScore scoreCorpus(List<Corpus.Entry> entries, List<String> rules, int jobs) {
        List<Path> files = new ArrayList<>();
        for (Corpus.Entry e : entries) for (Corpus.CFile f : e.files()) files.add(f.path().toAbsolutePath().normalize());
        CorpusScore s = new CorpusScore(rules);
        if (files.isEmpty()) return s;
        LintRun.Options lo = new LintRun.Options(FrontendOptions.defaults().withBudgets(BUDGETS), Engine.Options.defaults(), null, Math.max(1, jobs), null);
        LintRun.Outcome out = LintRun.run(files, lo);
        Map<Path, CorpusScore.Outcome> by = new LinkedHashMap<>();
        for (LintRun.FileResult fr : out.files()) {
            Path p = fr.file().toAbsolutePath().normalize();
            if (fr.error() != null) by.put(p, CorpusScore.Outcome.failed(fr.error().toString()));
            else {
                List<CorpusScore.Found> found = fr.result().findings().stream()
                        .map(f -> new CorpusScore.Found(f.ruleId(), f.line(), f.function(), f.message())).toList();
                List<CorpusScore.Function> fns = new ArrayList<>();
                for (FunctionCoverage fc : fr.result().functions())
                    fns.add(new CorpusScore.Function(fc.name(), fc.line(), fc.status().name(), fc.reasons()));
                by.put(p, CorpusScore.Outcome.of(found, fns));
            }
        }
        for (Diagnostic d : out.notAnalysed()) by.putIfAbsent(Path.of(d.file()).toAbsolutePath().normalize(), CorpusScore.Outcome.failed(d.toString()));
        for (Corpus.Entry e : entries) {
            Map<Corpus.Role, CorpusScore.Outcome> oc = new EnumMap<>(Corpus.Role.class);
            for (Corpus.CFile f : e.files())
                oc.put(f.role(), by.getOrDefault(f.path().toAbsolutePath().normalize(), CorpusScore.Outcome.failed("not planned for analysis")));
            s.add(e, oc);
        }
        return s;
    }

    static TreeRun runTree(Options o, String v, List<String> rules) throws IOException {
        Path tree = o.kernels.resolve("linux-source-" + v);
        Path config = o.kernels.resolve("config-" + v + ".amd64");
        if (!Files.isRegularFile(config)) config = null;
        List<String> dirs = new ArrayList<>(List.of("mm"));
        if (!o.mmOnly) dirs.addAll(SLICE);
        if (o.wider) dirs.addAll(WIDER);
        if (o.wide) for (String f : wideFiles(o.root)) if (!dirs.contains(f)) dirs.add(f);
        List<Path> paths = new ArrayList<>();
        for (String d : dirs) if (Files.isDirectory(tree.resolve(d)) || Files.isRegularFile(tree.resolve(d))) paths.add(tree.resolve(d));
        Triage.File triage = Triage.read(o.triage.resolve(v + ".tsv"));
        if (o.wide) triage = Triage.merge(triage, Triage.read(o.triage.resolve(v + "-wide.tsv")));
        if (!Files.isRegularFile(tree.resolve("Makefile"))) {
            List<Diagnostic> na = List.of(Diagnostic.error(tree.toString(), 0, "no kernel tree (run scripts/kernel-sources.sh " + v + ")"));
            return new TreeRun(v, tree, config, dirs, 0, na, new Triage.Score(v, rules, List.of(), triage), triage.problems(), 0);
        }
        long t0 = System.nanoTime();
        LintRun.Options lo = new LintRun.Options(FrontendOptions.defaults().withConfig(config).withBudgets(BUDGETS), Engine.Options.defaults(), null,
                Math.max(1, o.jobs), null);
        LintRun.Outcome out = LintRun.run(paths, lo);
        double secs = (System.nanoTime() - t0) / 1e9;
        Set<String> seen = new LinkedHashSet<>();
        List<Triage.Found> found = new ArrayList<>();
        for (Finding f : out.findings()) {
            // a directory named twice (drivers/misc and drivers/misc/sgi-gru, lib and lib/iov_iter.c) analyses its files once each time
            if (!seen.add(f.fingerprint() + " " + f.file() + ":" + f.line() + ":" + f.column())) continue;
            found.add(new Triage.Found(f.fingerprint(), f.file(), f.line(), f.ruleId(), f.function(), f.message()));
        }
        return new TreeRun(v, tree, config, dirs, out.filesAnalysed(), out.notAnalysed(), new Triage.Score(v, rules, found, triage),
                triage.problems(), secs);
    }

    static String pct(double x) { return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.0f%%", x); }

    static String pct1(double x) { return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.1f", x); }

    /** The results as markdown (stdout and --out) and as TSV (--tsv). */
    static final class Report {
        final Result r;
        final Options o;

        Report(Result r, Options o) {
            this.r = r;
            this.o = o;
        }

        String markdown() {
            StringBuilder b = new StringBuilder();
            b.append("# mmlint quality: corpus recall and precision on today's trees (")
                    .append(java.time.LocalDate.now(java.time.ZoneOffset.UTC)).append(")\n\n");
            b.append("Command: `").append(o.command).append("`").append(o.commit == null ? "" : " at commit " + o.commit)
                    .append(". JDK ").append(System.getProperty("java.version")).append(", ").append(o.jobs).append(" jobs.\n\n");
            corpus(b);
            if (!o.corpusOnly) trees(b);
            readme(b);
            return b.toString();
        }

        private void corpus(StringBuilder b) {
            CorpusScore c = r.corpus;
            CorpusScore.Counts t = c.total();
            b.append("## Corpus (").append(rel(o.corpus)).append(")\n\n");
            b.append(c.entries).append(" entries (").append(t.fixes).append(" fixes, ").append(t.negatives).append(" negatives), ")
                    .append(c.files).append(" files, ").append(c.notAnalysed.size()).append(" not analysed; ")
                    .append(String.format(Locale.ROOT, "%.1f s", r.corpusSeconds))
                    .append(". Each file analysed as `mmlint check FILE` analyses a lone file (fragment mode, `mmlint-kernel:`, `mmlint-config:`).\n\n");
            b.append("| rule | fixes | negatives | flag lines | hit | recall | post-fix findings | negatives' findings | other findings in before.c | kept flaws of after.c found |\n");
            b.append("|---|---|---|---|---|---|---|---|---|---|\n");
            for (var e : c.rules.entrySet()) corpusRow(b, e.getKey(), e.getValue());
            corpusRow(b, "**all**", t);
            b.append('\n');
            b.append("Targets (issue 17): recall ≥ 90% of flag lines: ").append(met(!Double.isNaN(t.recall()) && t.recall() >= 90))
                    .append("; 0 post-fix findings: ").append(met(t.postFix == 0)).append("; 0 findings in the negatives: ")
                    .append(met(t.negative == 0)).append(".\n\n");
            b.append("### Missed flag lines (").append(c.misses.size()).append(")\n\n");
            if (!c.misses.isEmpty()) {
                b.append("| entry | file:line | rule | why |\n|---|---|---|---|\n");
                for (CorpusScore.Miss m : c.misses)
                    b.append("| ").append(m.flag().entry()).append(" | before.c:").append(m.flag().line()).append(" | ").append(m.flag().rule())
                            .append(" | ").append(cell(m.why())).append(" |\n");
                b.append('\n');
            }
            b.append("### False flags: findings in after.c and ok.c (").append(c.falseFlags.size()).append(")\n\n");
            flags(b, c.falseFlags);
            if (t.keptFlaws > 0) {
                b.append("### Kept flaws of after.c found (").append(c.keptFlawsFound.size()).append(" of ").append(t.keptFlaws)
                        .append(", not counted as post-fix findings: lines the fix left that upstream judged wrong later, evidence in each entry.yaml's `after_finding`)\n\n");
                flags(b, c.keptFlawsFound);
            }
            if (!c.beforeOther.isEmpty()) {
                b.append("### Findings in before.c on no flag line (").append(c.beforeOther.size()).append(", not counted)\n\n");
                flags(b, c.beforeOther);
            }
            if (!c.notAnalysed.isEmpty()) {
                b.append("### Files that could not be analysed (").append(c.notAnalysed.size()).append(")\n\n");
                for (String s : c.notAnalysed) b.append("- ").append(s).append('\n');
                b.append('\n');
            }
            if (!r.corpusProblems.isEmpty()) {
                b.append("### Corpus problems (").append(r.corpusProblems.size()).append(")\n\n");
                for (Corpus.Problem p : r.corpusProblems) b.append("- ").append(p).append('\n');
                b.append('\n');
            }
        }

        private static void flags(StringBuilder b, List<CorpusScore.Flag> fs) {
            if (fs.isEmpty()) return;
            b.append("| entry | file:line | rule | message |\n|---|---|---|---|\n");
            for (CorpusScore.Flag f : fs)
                b.append("| ").append(f.entry()).append(" | ").append(f.role().fileName).append(':').append(f.line()).append(" | ")
                        .append(f.finding().rule()).append(" | ").append(cell(f.finding().function() + ": " + f.finding().message())).append(" |\n");
            b.append('\n');
        }

        private static void corpusRow(StringBuilder b, String rule, CorpusScore.Counts c) {
            b.append("| ").append(rule).append(" | ").append(c.fixes).append(" | ").append(c.negatives).append(" | ").append(c.flagLines)
                    .append(" | ").append(c.hit).append(" | ").append(pct(c.recall())).append(" | ").append(c.postFix).append(" | ")
                    .append(c.negative).append(" | ").append(c.beforeOther).append(" | ")
                    .append(c.keptFlaws == 0 ? "" : c.keptFound + " / " + c.keptFlaws).append(" |\n");
        }

        private void trees(StringBuilder b) {
            b.append("## Today's trees\n\n");
            b.append("Findings of `mmlint check --config <kernels>/config-<v>.amd64 <kernels>/linux-source-<v>/")
                    .append(o.mmOnly ? (o.wider ? "{mm,<wider slices>}" : "mm") : (o.wider ? "{mm,<slice files>,<wider slices>}" : "{mm,<slice files>}"))
                    .append(o.wide ? " <bench/wide-files.txt>" : "")
                    .append("` (kernel-tree mode, all rules, no settings file) against ")
                    .append(o.wide ? "`bench/triage/<v>.tsv` and `bench/triage/<v>-wide.tsv`" : "`bench/triage/<v>.tsv`").append(", matched by fingerprint. Precision = TP / (TP + FP + untriaged): untriaged findings ")
                    .append("are never counted as true; unsure ones are left out.")
                    .append(o.mmOnly ? "" : " The slice outside mm/: " + String.join(", ", SLICE.stream().map(x -> "`" + x + "`").toList()) + ".")
                    .append("\n\n");
            scopeTable(b);
            for (TreeRun t : r.trees) {
                b.append("### Linux ").append(t.version()).append(' ').append(o.scopeText()).append("\n\n");
                b.append("`").append(tilde(t.tree())).append("`, config `").append(t.config() == null ? "none (tree default)" : tilde(t.config()))
                        .append("`: ").append(t.files()).append(" files analysed, ").append(t.notAnalysed().size()).append(" not, ")
                        .append(String.format(Locale.ROOT, "%.0f s", t.seconds())).append(".\n\n");
                treeTable(b, t.score().rules, t.score().total());
                for (Diagnostic d : t.notAnalysed()) b.append("- not analysed: ").append(d).append('\n');
                if (!t.notAnalysed().isEmpty()) b.append('\n');
            }
            if (r.trees.size() > 1) {
                b.append("### All trees together\n\n");
                Map<String, Triage.Counts> sum = new LinkedHashMap<>();
                for (String rule : r.rules) sum.put(rule, new Triage.Counts());
                for (TreeRun t : r.trees) t.score().rules.forEach((k, v) -> sum.computeIfAbsent(k, x -> new Triage.Counts()).add(v));
                Triage.Counts all = new Triage.Counts();
                sum.values().forEach(all::add);
                treeTable(b, sum, all);
                b.append("Target (issue 17): precision ≥ 80% over all findings: ").append(met(!Double.isNaN(all.precision()) && all.precision() >= 80))
                        .append(".\n\n");
            }
            b.append("### True positives of the triage files\n\n");
            for (TreeRun t : r.trees) {
                Map<String, Triage.Line> lines = new LinkedHashMap<>();
                t.score().verdicts.forEach((fp, l) -> { if (l.verdict() == Triage.Verdict.TP) lines.put(fp, l); });
                for (Triage.Line l : lines.values())
                    b.append("- ").append(t.version()).append(' ').append(l.where()).append(' ').append(l.rule()).append(": reported — ").append(l.reason()).append('\n');
                for (Triage.Line l : t.score().stale)
                    if (l.verdict() == Triage.Verdict.TP)
                        b.append("- ").append(t.version()).append(' ').append(l.where()).append(' ').append(l.rule()).append(": **NOT REPORTED** (or re-worded) — ").append(l.reason()).append('\n');
            }
            b.append('\n');
            b.append("### False and unsure findings reported\n\n");
            boolean anyDoubt = false;
            for (TreeRun t : r.trees)
                for (Triage.Verdict v : List.of(Triage.Verdict.FP, Triage.Verdict.UNSURE))
                    for (Triage.Line l : t.score().verdicts.values())
                        if (l.verdict() == v) {
                            anyDoubt = true;
                            b.append("- ").append(t.version()).append(' ').append(l.where()).append(' ').append(l.rule()).append(": ")
                                    .append(Triage.verdictText(v)).append(" — ").append(l.reason()).append('\n');
                        }
            if (!anyDoubt) b.append("None.\n");
            b.append('\n');
            for (TreeRun t : r.trees) {
                Triage.Score s = t.score();
                if (!s.untriaged.isEmpty()) {
                    b.append("### Untriaged on ").append(t.version()).append(" (").append(s.untriaged.size()).append(")\n\n");
                    b.append("Decide each, then paste its line into `bench/triage/").append(t.version()).append(".tsv` with TP, FP or unsure and a ")
                            .append("one-line reason (a verdict carried over from the same file:line and rule under an older fingerprint is filled in: check it).\n\n```\n");
                    for (Triage.Untriaged u : s.untriaged) b.append(u.tsv()).append('\n');
                    b.append("```\n\n");
                }
                if (!s.stale.isEmpty()) {
                    b.append("### Triaged on ").append(t.version()).append(" but not reported now (").append(s.stale.size()).append(")\n\n");
                    for (Triage.Line l : s.stale)
                        b.append("- line ").append(l.lineNo()).append(": ").append(Triage.verdictText(l.verdict())).append(' ').append(l.where())
                                .append(' ').append(l.rule()).append(" — ").append(l.reason()).append('\n');
                    b.append('\n');
                }
                if (!t.triageProblems().isEmpty()) {
                    b.append("### Problems in the triage file of ").append(t.version()).append("\n\n");
                    for (Corpus.Problem p : t.triageProblems()) b.append("- ").append(p).append('\n');
                    b.append('\n');
                }
            }
        }

        /** One row per tree and scope (mm/, the slice, the wider slices), and all together: precision side by side. */
        private void scopeTable(StringBuilder b) {
            if (r.trees.isEmpty()) return;
            b.append("| tree | scope | findings | TP | FP | unsure | untriaged | precision |\n|---|---|---|---|---|---|---|---|\n");
            Map<String, Triage.Counts> together = new LinkedHashMap<>();
            Triage.Counts all = new Triage.Counts();
            for (TreeRun t : r.trees) {
                Map<String, Triage.Counts> by = scopes(t);
                by.forEach((sc, c) -> {
                    scopeRow(b, t.version(), scopeName(sc), c);
                    together.computeIfAbsent(sc, x -> new Triage.Counts()).add(c);
                    all.add(c);
                });
            }
            if (r.trees.size() > 1) together.forEach((sc, c) -> scopeRow(b, "together", scopeName(sc), c));
            scopeRow(b, "**all**", "", all);
            b.append('\n');
        }

        /** The counts of tree run {@code t} per scope analysed (a scope with no finding still has its row). */
        Map<String, Triage.Counts> scopes(TreeRun t) {
            Map<String, Triage.Counts> by = new LinkedHashMap<>();
            by.put("mm/", new Triage.Counts());
            if (!o.mmOnly) by.put("slice", new Triage.Counts());
            if (o.wider || o.wide) by.put("wider", new Triage.Counts());
            for (Triage.Found f : t.score().findings) {
                Triage.Counts c = by.computeIfAbsent(scope(f.file()), x -> new Triage.Counts());
                c.findings++;
                Triage.Line l = t.score().verdicts.get(f.fingerprint());
                if (l == null) c.untriaged++;
                else switch (l.verdict()) {
                    case TP -> c.tp++;
                    case FP -> c.fp++;
                    case UNSURE -> c.unsure++;
                }
            }
            return by;
        }

        private static void scopeRow(StringBuilder b, String tree, String scope, Triage.Counts c) {
            b.append("| ").append(tree).append(" | ").append(scope).append(" | ").append(c.findings).append(" | ").append(c.tp).append(" | ")
                    .append(c.fp).append(" | ").append(c.unsure).append(" | ").append(c.untriaged).append(" | ").append(pct(c.precision())).append(" |\n");
        }

        private static void treeTable(StringBuilder b, Map<String, Triage.Counts> rules, Triage.Counts total) {
            b.append("| rule | findings | TP | FP | unsure | untriaged | precision |\n|---|---|---|---|---|---|---|\n");
            for (var e : rules.entrySet()) treeRow(b, e.getKey(), e.getValue());
            treeRow(b, "**all**", total);
            b.append('\n');
        }

        private static void treeRow(StringBuilder b, String rule, Triage.Counts c) {
            b.append("| ").append(rule).append(" | ").append(c.findings).append(" | ").append(c.tp).append(" | ").append(c.fp).append(" | ")
                    .append(c.unsure).append(" | ").append(c.untriaged).append(" | ").append(pct(c.precision())).append(" |\n");
        }

        /** The README's rules table with the measured columns filled in (the "what" column read from README.md). */
        private void readme(StringBuilder b) {
            Map<String, String> what = readmeRules(o.root.resolve("README.md"));
            String trees = r.trees.stream().map(TreeRun::version).reduce((x, y) -> x + " + " + y).orElse("");
            b.append("## README rules table\n\n");
            b.append("Paste over the table under `## Rules` in README.md.\n\n");
            b.append("| id | what | recall (corpus flag lines) | precision (").append(trees.isEmpty() ? "trees not run" : trees + " " + o.scopeText()).append(") |\n");
            b.append("|---|---|---|---|\n");
            for (String rule : r.rules) {
                CorpusScore.Counts c = r.corpus.rules.getOrDefault(rule, new CorpusScore.Counts());
                Triage.Counts p = new Triage.Counts();
                for (TreeRun t : r.trees) { Triage.Counts x = t.score().rules.get(rule); if (x != null) p.add(x); }
                b.append("| ").append(rule).append(" | ").append(what.getOrDefault(rule, "")).append(" | ")
                        .append(c.flagLines == 0 ? "–" : c.hit + " / " + c.flagLines + " (" + pct(c.recall()) + ")").append(" | ")
                        .append(r.trees.isEmpty() ? "–" : ratio(p)).append(" |\n");
            }
            b.append("\nMeasured by `").append(o.command).append("` on ").append(java.time.LocalDate.now(java.time.ZoneOffset.UTC))
                    .append(o.commit == null ? "" : " at " + o.commit).append(".\n");
        }

        private static String ratio(Triage.Counts p) {
            int d = p.tp + p.fp + p.untriaged;
            if (d == 0) return p.findings == 0 ? "– (no finding)" : "– (" + p.unsure + " unsure)";
            return p.tp + " / " + d + " (" + pct(p.precision()) + ")";
        }

        /** TSV: section, rule, key, value; one number or one item per line, sorted as produced. */
        String tsv() {
            StringBuilder b = new StringBuilder("section\trule\tkey\tvalue\n");
            Map<String, CorpusScore.Counts> cr = new LinkedHashMap<>(r.corpus.rules);
            cr.put("all", r.corpus.total());
            cr.forEach((rule, c) -> {
                row(b, "corpus", rule, "fixes", c.fixes);
                row(b, "corpus", rule, "negatives", c.negatives);
                row(b, "corpus", rule, "flag_lines", c.flagLines);
                row(b, "corpus", rule, "hit", c.hit);
                row(b, "corpus", rule, "recall_pct", pct1(c.recall()));
                row(b, "corpus", rule, "postfix_findings", c.postFix);
                row(b, "corpus", rule, "negative_findings", c.negative);
                row(b, "corpus", rule, "before_other_findings", c.beforeOther);
                row(b, "corpus", rule, "kept_flaws", c.keptFlaws);
                row(b, "corpus", rule, "kept_flaws_found", c.keptFound);
            });
            row(b, "corpus", "all", "not_analysed", r.corpus.notAnalysed.size());
            List<String> items = new ArrayList<>();
            for (CorpusScore.Miss m : r.corpus.misses) items.add("corpus.miss\t" + m.flag().rule() + "\t" + m.flag().entry() + "/before.c:" + m.flag().line() + "\tmiss");
            for (CorpusScore.Flag f : r.corpus.falseFlags)
                items.add("corpus.false_flag\t" + f.finding().rule() + "\t" + f.entry() + "/" + f.role().fileName + ":" + f.line() + "\t" + tsvCell(f.finding().message()));
            for (String s : r.corpus.notAnalysed) items.add("corpus.not_analysed\t-\t" + tsvCell(s) + "\t");
            for (TreeRun t : r.trees) {
                String sec = "tree." + t.version();
                Map<String, Triage.Counts> tr = new LinkedHashMap<>(t.score().rules);
                tr.put("all", t.score().total());
                tr.forEach((rule, c) -> countRows(b, sec, rule, c));
                row(b, sec, "all", "not_analysed", t.notAnalysed().size());
                scopes(t).forEach((sc, c) -> countRows(b, sec, "scope." + sc.replace("/", ""), c));
                for (Triage.Found f : t.score().findings) {
                    Triage.Line l = t.score().verdicts.get(f.fingerprint());
                    items.add(sec + ".finding\t" + f.rule() + "\t" + f.where() + "\t" + (l == null ? "untriaged" : Triage.verdictText(l.verdict())));
                }
                for (Triage.Line l : t.score().stale) items.add(sec + ".not_reported\t" + l.rule() + "\t" + l.where() + "\t" + Triage.verdictText(l.verdict()));
            }
            items.forEach(s -> b.append(s).append('\n'));
            return b.toString();
        }

        /** The TSV rows of one rule's or one scope's triage counts. */
        private static void countRows(StringBuilder b, String sec, String key, Triage.Counts c) {
            row(b, sec, key, "findings", c.findings);
            row(b, sec, key, "tp", c.tp);
            row(b, sec, key, "fp", c.fp);
            row(b, sec, key, "unsure", c.unsure);
            row(b, sec, key, "untriaged", c.untriaged);
            row(b, sec, key, "precision_pct", pct1(c.precision()));
        }

        private static void row(StringBuilder b, String sec, String rule, String key, Object v) {
            b.append(sec).append('\t').append(rule).append('\t').append(key).append('\t').append(v).append('\n');
        }

        private Object rel(Path p) {
            Path a = p.toAbsolutePath().normalize();
            return a.startsWith(o.root) ? o.root.relativize(a) + "/" : a;
        }
    }

    /** The rule id → "what" column of README.md's table under {@code ## Rules}; empty when there is none. */
    static Map<String, String> readmeRules(Path readme) {
        Map<String, String> m = new LinkedHashMap<>();
        if (!Files.isRegularFile(readme)) return m;
        try {
            boolean in = false;
            for (String l : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
                if (l.startsWith("## ")) in = l.strip().equals("## Rules");
                if (!in || !l.startsWith("| MM")) continue;
                String[] c = l.split("(?<!\\\\)\\|");
                if (c.length >= 3) m.put(c[1].strip(), c[2].strip());
            }
        } catch (IOException e) {
            // no "what" column then
        }
        return m;
    }

    static String met(boolean b) { return b ? "met" : "**not met**"; }

    static String cell(String s) { return s.replace("|", "\\|").replace("\n", " "); }

    static String tsvCell(String s) { return s.replace('\t', ' ').replace('\n', ' '); }

    static String tilde(Path p) {
        String h = System.getProperty("user.home");
        String s = p.toString();
        return s.startsWith(h + "/") ? "~" + s.substring(h.length()) : s;
    }
}
