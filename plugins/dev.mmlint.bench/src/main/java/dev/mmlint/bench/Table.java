package dev.mmlint.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the measurements of {@code bench/run.sh} ({@code KEY<TAB>value} lines) into the results
 * file: one table of absolute times, peak memory, findings per class, the ratios mmlint/Coccinelle
 * and mmlint/parse-only, and the targets with met / not met; then scaling, the slowest
 * files and the exact commands.
 */
final class Table {
    private final Map<String, String> r, meta;
    private final List<String> trees = new ArrayList<>();
    private final String jobs;

    private Table(Map<String, String> r, Map<String, String> meta) {
        this.r = r;
        this.meta = meta;
        meta.keySet().stream().filter(k -> k.startsWith("tree.")).forEach(k -> trees.add(k.substring(5)));
        this.jobs = meta.getOrDefault("jobs", "N");
    }

    static void write(Bench.Args a) throws IOException {
        Path res = Path.of(a.positional.get(0));
        Table t = new Table(read(res), read(a.path("meta")));
        String cmds = a.path("commands") == null ? "" : Files.readString(a.path("commands"));
        String md = t.markdown(res.toAbsolutePath().getParent(), cmds);
        System.out.print(md);
        if (a.path("out") != null) Files.writeString(a.path("out"), md, StandardCharsets.UTF_8);
    }

    private static Map<String, String> read(Path p) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        if (p == null) return m;
        for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            int tab = l.indexOf('\t');
            if (tab > 0) m.put(l.substring(0, tab), l.substring(tab + 1));
        }
        return m;
    }

    private Double num(String key) {
        String v = r.get(key);
        if (v == null || v.isBlank()) return null;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One re-check row of another way to re-check {@code file} (keys {@code prefix}*), its median beside the first row's. */
    private void recheckRow(StringBuilder md, String file, String how, String prefix,
                                   boolean runs) {
        md.append("| re-check of mm/").append(file).append(' ').append(how).append(", median / p90 (ms); ratio of medians | 1 |");
        for (String v : trees) {
            String k = v + ".recheck." + file;
            md.append(' ').append(f0(num(k + "." + prefix + "median_ms"))).append(" / ").append(f0(num(k + "." + prefix + "p90_ms")))
                    .append(" (").append(ratio(num(k + "." + prefix + "median_ms"), num(k + ".median_ms"))).append(") | parse ")
                    .append(f0(num(k + "." + prefix + "parse_median_ms"))).append(", rules ").append(f0(num(k + "." + prefix + "analyse_median_ms")))
                    .append(runs ? " | runs kept " + r.getOrDefault(k + ".runs_kept", "–") + ", made " + r.getOrDefault(k + ".runs_made", "–") + " | |"
                            : " | | |");
        }
        md.append(" | – | – |\n");
    }

    /** A "yes"/"NO" comparison result; "–" when it was not measured. */
    private static String same(String yesNo) {
        return yesNo == null ? "–" : "yes".equals(yesNo) ? "identical" : "**DIFFERENT**";
    }

    private static String f1(Double d) { return d == null ? "–" : String.format("%.1f", d); }

    private static String ratio(Double a, Double b) {
        if (a == null || b == null || b == 0) return "–";
        double x = a / b;
        return x >= 10 ? String.format("%.0f", x) : x >= 1 ? String.format("%.1f", x) : String.format("%.2f", x);
    }

    private String mem(String key) {
        String rss = r.get(key + ".rss_mb"), heap = r.get(key + ".heap_mb");
        return (rss == null ? "–" : rss) + " / " + (heap == null ? "–" : heap);
    }

    private String findings(String key, boolean mmlint) {
        if (r.get(key + ".findings") == null) return "–";
        String s = r.get(key + ".MM001") + " / " + r.get(key + ".MM002") + " / " + r.get(key + ".MM003") + "; " + r.get(key + ".findings");
        return mmlint ? s + " all rules" : s;
    }

    /** One row: for each tree wall, CPU, RSS/heap, findings, and mmlint (cold CLI, N jobs) divided by this row's wall. */
    private void row(StringBuilder md, String what, String j, String key, String findingsKind, String target, String met) {
        md.append("| ").append(what).append(" | ").append(j).append(" |");
        List<String> ratios = new ArrayList<>();
        for (String v : trees) {
            String k = v + "." + key;
            Double wall = key.contains(".pass") ? num(k) : num(k + ".wall");
            md.append(' ').append(f1(wall)).append(" | ").append(key.contains(".pass") ? "–" : f1(num(k + ".cpu"))).append(" | ")
                    .append(key.contains(".pass") ? "(process below)" : mem(k)).append(" | ")
                    .append(findingsKind == null ? "–" : findings(v + "." + findingsKind, findingsKind.startsWith("cli"))).append(" |");
            ratios.add(ratio(num(v + ".cli-jN.wall"), wall));
        }
        md.append(' ').append(String.join(" / ", ratios)).append(" | ").append(target).append(" | ").append(met).append(" |\n");
    }

    private String markdown(Path work, String cmds) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks: mmlint, Coccinelle and the parse-only floor, ").append(meta.get("date")).append("\n\n");
        md.append("Produced by `bench/run.sh` (issue 8); every number below comes from the one run described here.\n\n");
        md.append("- Machine: ").append(meta.get("machine")).append("; shared with other engineers' builds.\n");
        md.append("- Load average (1/5/15 min): ").append(meta.get("load_before")).append(" before, ").append(meta.get("load_after"))
                .append(" after the run");
        for (String v : trees)
            md.append("; ").append(v).append(": ").append(meta.get("load_before." + v)).append(" → ").append(meta.get("load_after." + v));
        md.append(".\n");
        md.append("- JDK: ").append(meta.get("jdk")).append("; JVM options: ").append(meta.get("jvm")).append(".\n");
        md.append("- Coccinelle: ").append(meta.get("spatch")).append(".\n");
        md.append("- mmlint commit: ").append(meta.get("commit")).append("; N = ").append(jobs).append(" jobs.\n");
        for (String v : trees) md.append("- Linux ").append(v).append(": ").append(meta.get("tree." + v)).append(".\n");
        md.append('\n');

        if (trees.isEmpty()) {
            scaling(md);
            md.append("## Exact commands\n\n```\n").append(cmds).append("```\n");
            return md.toString();
        }
        md.append("## Results\n\n");
        md.append("Wall and CPU (user + system) in seconds of the whole process (JVM start included) unless marked in-JVM; peak RSS from"
                + " `/usr/bin/time -v`, peak heap from the GC log (largest heap before a collection or at exit), in MB. Findings:"
                + " MM001 / MM002 / MM003; total (mmlint: all seven rules). The ratio column is mmlint (`check`, all rules, cold,"
                + " N jobs) wall divided by the row's wall: below 1, mmlint is faster; 0.10 is 10× faster.\n\n");
        md.append("| measurement | jobs |");
        for (String v : trees) md.append(" ").append(v).append(" wall (s) | CPU (s) | RSS / heap (MB) | findings |");
        md.append(" mmlint ÷ this (").append(String.join(" / ", trees)).append(") | target | met? (").append(trees.get(0)).append(") |\n|---|---|");
        for (int i = 0; i < trees.size(); i++) md.append("---|---|---|---|");
        md.append("---|---|---|\n");
        String first = trees.get(0);
        Double cold = num(first + ".cli-jN.wall"), clean = num(first + ".jvm.clean_pct");
        row(md, "**mmlint check, all rules, cold** (CLI)", jobs, "cli-jN", "cli-jN", "≤ 15 s at ≥ 99% functions clean",
                cold == null ? "–" : (cold <= 15 && clean != null && clean >= 99 ? "met" : "**not met**") + String.format(" (%.1f s, %s%% clean)", cold, f1(clean)));
        row(md, "mmlint check, all rules, cold (CLI)", "1", "cli-j1", "cli-j1", "same findings for 1 and N jobs",
                trees.stream().map(v -> v + ": " + same(r.get(v + ".identical_1_N"))).reduce((x, y) -> x + ", " + y).orElse("–"));
        row(md, "mmlint, cold pass in one JVM (in-JVM time)", jobs, "jvm.pass1_s", "cli-jN", "–", "–");
        row(md, "**mmlint, warm pass** (same JVM, second pass)", jobs, "jvm.pass2_s", "cli-jN", "–", "–");
        row(md, "(the JVM of the two passes above, + profile pass)", jobs, "jvm", null, "–", "–");
        row(md, "**parse only, no includes** (floor), cold", jobs, "floor-jN", null, "–", "–");
        row(md, "parse only, no includes, cold", "1", "floor-j1", null, "–", "–");
        row(md, "parse only, no includes, warm pass (in-JVM)", jobs, "floor-jN.pass2_s", null, "–", "–");
        Double cocci = num(first + ".cocci-all-jN.wall");
        row(md, "**Coccinelle**, MM001–MM003 patches in one spatch run", jobs, "cocci-all-jN", "cocci-all-jN", "mmlint ≥ 10× faster (ratio ≤ 0.10)",
                cold == null || cocci == null ? "–" : (cold * 10 <= cocci ? "met" : "**not met**") + " (" + ratio(cold, cocci) + ")");
        row(md, "Coccinelle, MM001–MM003 in one run", "1", "cocci-all-j1", "cocci-all-j1", "same findings for 1 and N jobs",
                trees.stream().map(v -> v + ": " + same(r.get(v + ".cocci_identical_1_N"))).reduce((x, y) -> x + ", " + y).orElse("–"));
        for (String p : List.of("mm001", "mm002", "mm003"))
            row(md, "Coccinelle, " + p + ".cocci alone (as coccicheck runs each)", jobs, "cocci-" + p, "cocci-" + p, "–", "–");
        // sum of the three separate runs
        md.append("| Coccinelle, the three runs above together | ").append(jobs).append(" |");
        List<String> sums = new ArrayList<>();
        for (String v : trees) {
            Double s = sum(v + ".cocci-mm001.wall", v + ".cocci-mm002.wall", v + ".cocci-mm003.wall");
            md.append(' ').append(f1(s)).append(" | ").append(f1(sum(v + ".cocci-mm001.cpu", v + ".cocci-mm002.cpu", v + ".cocci-mm003.cpu")))
                    .append(" | – | – |");
            sums.add(ratio(num(v + ".cli-jN.wall"), s));
        }
        md.append(' ').append(String.join(" / ", sums)).append(" | – | – |\n");
        md.append("| ratio mmlint / parse-only floor, cold | ").append(jobs).append(" |");
        for (String v : trees) md.append(' ').append(ratio(num(v + ".cli-jN.wall"), num(v + ".floor-jN.wall"))).append(" | | | |");
        md.append(" | – | – |\n");
        md.append("| ratio mmlint / parse-only floor, warm passes | ").append(jobs).append(" |");
        for (String v : trees) md.append(' ').append(ratio(num(v + ".jvm.pass2_s"), num(v + ".floor-jN.pass2_s"))).append(" | | | |");
        md.append(" | – | – |\n");
        md.append("| ratio mmlint / Coccinelle (one run), cold | ").append(jobs).append(" |");
        for (String v : trees) md.append(' ').append(ratio(num(v + ".cli-jN.wall"), num(v + ".cocci-all-jN.wall"))).append(" | | | |");
        md.append(" | – | – |\n");
        md.append("| heap, mmlint check cold: peak used / most live after a GC (MB) | ").append(jobs).append(" |");
        for (String v : trees) md.append(' ').append(r.getOrDefault(v + ".cli-jN.heap_mb", "–")).append(" / ")
                .append(r.getOrDefault(v + ".cli-jN.live_mb", "–")).append(" (--jobs 1: ").append(r.getOrDefault(v + ".cli-j1.heap_mb", "–"))
                .append(" / ").append(r.getOrDefault(v + ".cli-j1.live_mb", "–")).append(") | | | |");
        md.append(" | – | – |\n");
        row(md, "mmlint check, all rules, cold, heap capped: `-Xmx1g`", jobs, "cli-jN-xmx1g", "cli-jN-xmx1g", "heap ≤ 1 GB for mm/", heapMet(first));
        md.append("| functions analysed cleanly (built files) | ").append(jobs).append(" |");
        for (String v : trees) md.append(' ').append(f1(num(v + ".jvm.clean_pct"))).append("% of ").append(r.getOrDefault(v + ".jvm.functions", "?"))
                .append(" | | | |");
        md.append(" | ≥ 99% | ").append(clean == null ? "–" : clean >= 99 ? "met" : "**not met**").append(" |\n");
        for (String file : List.of("memory.c", "gup.c")) {
            md.append("| **re-check of mm/").append(file).append("**, warm, median / p90 (ms) | 1 |");
            Double med = num(first + ".recheck." + file + ".median_ms"), p90 = num(first + ".recheck." + file + ".p90_ms");
            for (String v : trees) {
                String k = v + ".recheck." + file;
                md.append(' ').append(f0(num(k + ".median_ms"))).append(" / ").append(f0(num(k + ".p90_ms"))).append(" | parse ")
                        .append(f0(num(k + ".parse_median_ms"))).append(", rules ").append(f0(num(k + ".analyse_median_ms")))
                        .append(" | ").append(mem(v + ".recheck")).append(" | ").append(r.getOrDefault(k + ".findings", "–")).append(" |");
            }
            md.append(" | p90 ≤ 150 ms (issue 16) | ").append(p90 == null ? "–" : p90 <= 150 ? "met" : "**not met**").append(" |\n");
            recheckRow(md, file, "without preamble re-use", "noreuse_", false);
            recheckRow(md, file, "with preamble re-use but every function run again", "nomemo_", true);
        }
        Double review = num("review.wall");
        md.append("| **review of a 20-patch series** against the 6.1 tree (CLI, cold) | ").append(jobs).append(" |");
        for (String v : trees) {
            if (v.equals("6.1")) md.append(' ').append(f1(review)).append(" | ").append(f1(num("review.cpu"))).append(" | ")
                    .append(mem("review")).append(" | ").append(meta.getOrDefault("review_summary", "–").replace("mmlint review: ", "")).append(" |");
            else md.append(" – | – | – | – |");
        }
        md.append(" | ≤ 10 s | ").append(review == null ? "–" : review <= 10 ? "met" : "**not met**").append(String.format(" (%s s)", f1(review))).append(" |\n\n");

        md.append("Re-check: what the language server does on each edit (`dev.mmlint.bench.Bench recheck`): one front end per tree kept"
                + " (header caches warm), the file analysed once, then ").append(meta.get("recheck_n")).append(" re-checks (after ")
                .append(meta.getOrDefault("recheck_warmup", "0")).append(" untimed ones: the JIT's warm-up, the first minute of a language server's life), each after"
                + " a different small edit in the second half of the file (alternately a comment typed at the end of a statement line"
                + " and a statement line inserted, which moves every later line), in-memory text through `Frontend.parseText` and the"
                + " engine, as `BufferAnalysis` does (it keeps each file's preamble: the text up to its first own token, i.e. the"
                + " includes, preprocessed once) and what each function's dataflow gave, so that only the functions an edit may have"
                + " changed run again (`UnitAnalyzer.Memo`; after each timed edit the original text is analysed again, untimed, as an"
                + " undo would). Each edit is checked three times, interleaved: with both (the first row, what the language server and"
                + " Eclipse do), with neither (the second row) and with the preamble only (the third row; the ratios are row / first"
                + " row). Median and"
                + " p90 over the re-checks; 'parse' and 'rules' are the medians of the two stages. The first analysis of each file in that JVM took ");
        for (String v : trees)
            md.append(v).append(": memory.c ").append(f0(num(v + ".recheck.memory.c.first_ms"))).append(" ms, gup.c ")
                    .append(f0(num(v + ".recheck.gup.c.first_ms"))).append(" ms; ");
        md.append("(the first includes JIT warm-up and, for memory.c, the front end's setup).\n\n");
        if (meta.containsKey("review_series"))
            md.append("Review series: ").append(meta.get("review_series")).append(", as `git format-patch` mails in one mbox, each the"
                    + " `git diff --no-index` of the file between the 6.1 and 6.12 trees, applied in memory against 6.1.\n\n");

        scaling(md);
        slowest(md, work);

        md.append("## Exact commands\n\n`$WORK` is the run's scratch directory; `~` is root's home; `$REACTOR_JARS` is the jars of"
                + " the modules model, dsl, frontend, cfg, engine, checks, report, review and lsp as the reactor built them"
                + " (`plugins/dev.mmlint.<module>/target/*.jar`). Java commands are the `./mmlint` launcher's `exec` line plus a GC log.\n\n```\n").append(cmds).append("```\n");
        return md.toString();
    }

    /** Met when the capped run finished normally (exit 0 or 1) with the uncapped run's report. */
    private String heapMet(String v) {
        String exit = r.get(v + ".cli-jN-xmx1g.exit");
        if (exit == null) return "–";
        boolean ok = (exit.equals("0") || exit.equals("1")) && "yes".equals(r.get(v + ".xmx1g_identical"));
        return ok ? "met (same report, " + f1(num(v + ".cli-jN-xmx1g.wall")) + " s)" : "**not met** (exit " + exit + ", report "
                + ("yes".equals(r.get(v + ".xmx1g_identical")) ? "identical" : "different") + ")";
    }

    private static String f0(Double d) { return d == null ? "–" : String.format("%.0f", d); }

    private Double sum(String... keys) {
        double s = 0;
        for (String k : keys) {
            Double d = num(k);
            if (d == null) return null;
            s += d;
        }
        return s;
    }

    private void scaling(StringBuilder md) {
        List<String> slices = r.keySet().stream().filter(k -> k.startsWith("scale.") && k.endsWith(".files") && !k.endsWith(".floor.files"))
                .map(k -> k.substring(6, k.length() - 6)).toList();
        if (slices.isEmpty()) return;
        md.append("## Scaling (").append(meta.getOrDefault("scaling_tree", "6.12")).append(", --jobs ").append(jobs).append(", cold)\n\n");
        md.append("| slice | .c files | mmlint wall (s) | ms / file | CPU (s) | CPU ms / file | RSS / heap (MB) | findings | floor wall (s) | floor ms / file | floor CPU ms / file |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String s : slices) {
            Double files = num("scale." + s + ".files"), w = num("scale." + s + ".cli.wall"), fw = num("scale." + s + ".floor.wall");
            Double cpu = num("scale." + s + ".cli.cpu"), fcpu = num("scale." + s + ".floor.cpu");
            md.append("| ").append(s.replace('+', ' ').replace("-", "/")).append(" | ").append(f0(files)).append(" | ").append(f1(w))
                    .append(" | ").append(files == null || w == null ? "–" : f0(1000 * w / files)).append(" | ")
                    .append(f1(cpu)).append(" | ").append(files == null || cpu == null ? "–" : f0(1000 * cpu / files)).append(" | ")
                    .append(mem("scale." + s + ".cli")).append(" | ")
                    .append(r.getOrDefault("scale." + s + ".cli.findings", "–")).append(" | ").append(f1(fw)).append(" | ")
                    .append(files == null || fw == null ? "–" : f0(1000 * fw / files)).append(" | ")
                    .append(files == null || fcpu == null ? "–" : f0(1000 * fcpu / files)).append(" |\n");
        }
        md.append('\n');
    }

    private void slowest(StringBuilder md, Path work) throws IOException {
        for (String v : trees) {
            Path p = work.resolve(v + ".profile.tsv");
            if (!Files.isRegularFile(p)) continue;
            List<String> rows = Files.readAllLines(p, StandardCharsets.UTF_8);
            md.append("## Where the time goes, ").append(v).append(" mm/ (profile pass: one thread, after the two passes above)\n\n");
            md.append(String.format("Parse (front end, includes) %.1f s, rules (CFG, dataflow, checks) %.1f s, over %d files.%n%n",
                    num(v + ".jvm.profile_parse_s"), num(v + ".jvm.profile_analyse_s"), rows.size() - 1));
            md.append("| slowest files | parse (ms) | rules (ms) | functions | bytes |\n|---|---|---|---|---|\n");
            for (String row : rows.subList(1, Math.min(rows.size(), 11))) md.append("| ").append(row.replace("\t", " | ")).append(" |\n");
            md.append('\n');
        }
    }
}
