package dev.mmlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality benchmark's harness on a tiny synthetic corpus (src/test/resources/corpus/, functions
 * copied from the rule fixtures), analysed for real: a flag line hit, a flag line missed, a post-fix
 * finding and a negative's finding are each counted where they belong; then the triage file's
 * parsing, matching and precision, and bad input of both kinds reported with file and line.
 */
class QualityTest {
    static Set<String> rules;
    static Corpus.Read read;
    static CorpusScore score;

    @BeforeAll static void analyseTheSyntheticCorpus() throws Exception {
        rules = new LinkedHashSet<>(Quality.ruleIds());
        read = Corpus.read(Path.of(QualityTest.class.getResource("/corpus").toURI()), rules);
        score = Quality.scoreCorpus(read.entries(), List.copyOf(rules), 2);
    }

    @Test void readsEntriesAndTheirFlagLines() {
        assertEquals(List.of("000000000001-synthetic-pud-offset", "000000000002-synthetic-pte-index", "neg-synthetic-pfn-mapping"),
                read.entries().stream().map(Corpus.Entry::name).toList());
        assertEquals(List.of(), read.problems(), "the synthetic corpus is well-formed");
        Corpus.Entry pud = read.entries().get(0);
        assertTrue(pud.fix());
        assertEquals("MM001", pud.rule());
        assertNull(pud.meta().get("id"), "null is no value");
        assertEquals("pud_page() + offset may cross a section; nth_page() does not", pud.meta().get("pattern"), "quotes and the comment removed");
        assertEquals("[gup_huge_pud]", pud.meta().get("functions"));
        Corpus.CFile before = pud.files().get(0);
        assertEquals(Corpus.Role.BEFORE, before.role());
        assertEquals(List.of("16 MM001", "17 MM003"), before.flags().stream().map(f -> f.line() + " " + f.rule()).toList());
        Corpus.Entry neg = read.entries().get(2);
        assertTrue(neg.negative());
        assertEquals(List.of(Corpus.Role.OK), neg.files().stream().map(Corpus.CFile::role).toList());
    }

    @Test void countsAHitAMissAPostFixFlagAndANegativeFlag() {
        assertEquals(List.of(), score.notAnalysed, "every file analysed");
        assertEquals(3, score.entries);
        assertEquals(5, score.files);

        CorpusScore.Counts mm001 = score.rules.get("MM001");
        assertEquals(1, mm001.fixes);
        assertEquals(1, mm001.flagLines);
        assertEquals(1, mm001.hit, "pud_page() + offset is flagged on its line");
        assertEquals(0, mm001.postFix, "the nth_page() version is clean");

        CorpusScore.Counts mm003 = score.rules.get("MM003");
        assertEquals(1, mm003.flagLines);
        assertEquals(0, mm003.hit, "no MM003 finding on the record_subpages() line: a miss");
        assertEquals(1, score.misses.size());
        CorpusScore.Miss miss = score.misses.get(0);
        assertEquals("000000000001-synthetic-pud-offset", miss.flag().entry());
        assertEquals(17, miss.flag().line());
        assertTrue(miss.why().contains("MM003"), miss.why());

        CorpusScore.Counts mm002 = score.rules.get("MM002");
        assertEquals(1, mm002.fixes);
        assertEquals(1, mm002.negatives);
        assertEquals(1, mm002.flagLines);
        assertEquals(1, mm002.hit, "page->index of a pte_page() page is flagged on its line");
        assertEquals(1, mm002.postFix, "after.c still reads page->mapping through a pfn_to_page() page");
        assertEquals(1, mm002.negative, "so does the negative's last function; its safe functions stay clean");

        assertEquals(2, score.falseFlags.size());
        CorpusScore.Flag post = score.falseFlags.get(0), neg = score.falseFlags.get(1);
        assertEquals(Corpus.Role.AFTER, post.role());
        assertEquals(19, post.line());
        assertEquals("pfn_get_mapping", post.finding().function());
        assertEquals(Corpus.Role.OK, neg.role());
        assertEquals("neg-synthetic-pfn-mapping", neg.entry());
        assertEquals(34, neg.line());

        CorpusScore.Counts all = score.total();
        assertEquals(3, all.flagLines);
        assertEquals(2, all.hit);
        assertEquals(200.0 / 3, all.recall(), 1e-9);
        assertEquals(1, all.postFix);
        assertEquals(1, all.negative);
        assertEquals(0, all.beforeOther, "before.c has findings on its flag lines only");
    }

    @Test void theReportShowsTheCountsAndTheListings() {
        Quality.Options o = Quality.Options.parse(new String[] {"--corpus-only", "--root", "/nonexistent"});
        Quality.Result r = new Quality.Result(List.copyOf(rules));
        r.corpus = score;
        Quality.Report rep = new Quality.Report(r, o);
        String md = rep.markdown();
        assertTrue(md.contains("| MM001 | 1 | 0 | 1 | 1 | 100% | 0 | 0 | 0 |"), md);
        assertTrue(md.contains("| MM002 | 1 | 1 | 1 | 1 | 100% | 1 | 1 | 0 |"), md);
        assertTrue(md.contains("| **all** | 2 | 1 | 3 | 2 | 67% | 1 | 1 | 0 |"), md);
        assertTrue(md.contains("| 000000000001-synthetic-pud-offset | before.c:17 | MM003 |"), md);
        assertTrue(md.contains("| neg-synthetic-pfn-mapping | ok.c:34 | MM002 | pfn_get_mapping: "), md);
        assertTrue(md.contains("| MM001 |  | 1 / 1 (100%) | – |"), "README table without README.md: no 'what' column text\n" + md);
        String tsv = rep.tsv();
        assertTrue(tsv.contains("corpus\tall\trecall_pct\t66.7\n"), tsv);
        assertTrue(tsv.contains("corpus.miss\tMM003\t000000000001-synthetic-pud-offset/before.c:17\tmiss\n"), tsv);
        assertTrue(tsv.contains("corpus.false_flag\tMM002\t000000000002-synthetic-pte-index/after.c:19\t"), tsv);
    }

    @Test void badEntriesAreReportedWithFileAndLineAndTheRestIsRead(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("neg-good");
        Files.createDirectories(good);
        Files.writeString(good.resolve("entry.yaml"), "kind: negative\nrule: MM001\n");
        Files.writeString(good.resolve("ok.c"), "/*\n * mmlint-kernel: 6.1\n */\nvoid f(void) {}\n");
        Path bad = dir.resolve("aaaaaaaaaaaa-bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("entry.yaml"), "kind: fix\nrule: MM009\ntitle: 'unterminated\n  indented: line\n");
        Files.writeString(bad.resolve("before.c"), "/*\n * mmlint-kernel: 6.1\n */\nvoid f(void) {} /* expect: MM01 */\n");
        Files.createDirectories(dir.resolve("neg-no-yaml"));
        Corpus.Read r = Corpus.read(dir, rules);
        assertEquals(List.of("aaaaaaaaaaaa-bad", "neg-good"), r.entries().stream().map(Corpus.Entry::name).toList());
        List<String> p = r.problems().stream().map(Corpus.Problem::toString).toList();
        assertTrue(p.contains("aaaaaaaaaaaa-bad/entry.yaml:2: rule 'MM009' is not a known rule (" + String.join(", ", rules) + ")"), p.toString());
        assertTrue(p.contains("aaaaaaaaaaaa-bad/entry.yaml:3: title: unterminated single-quoted string"), p.toString());
        assertTrue(p.contains("aaaaaaaaaaaa-bad/entry.yaml:4: not a flat 'key: value' line: indented: line"), p.toString());
        assertTrue(p.contains("aaaaaaaaaaaa-bad/before.c:4: marker names 'MM01', not a known rule id"), p.toString());
        assertTrue(p.contains("aaaaaaaaaaaa-bad/after.c: missing (a fix entry has [before.c, after.c])"), p.toString());
        assertTrue(p.contains("neg-no-yaml/entry.yaml: missing: the entry is not counted"), p.toString());

        CorpusScore s = Quality.scoreCorpus(r.entries(), List.copyOf(rules), 1);
        assertEquals(2, s.files, "the files that exist are analysed");
        assertEquals(0, s.total().flagLines, "a marker naming no known rule is no flag line");
        assertEquals(0, s.total().negative);
    }

    @Test void aKeptFlawOfAfterCIsCountedApartOnlyWithItsEvidence(@TempDir Path dir) throws Exception {
        Path res = Path.of(QualityTest.class.getResource("/corpus/000000000002-synthetic-pte-index").toURI());
        String before = Files.readString(res.resolve("before.c"));
        // the post-fix text's line 19 (page->mapping of a pfn_to_page() page) marked as a flaw the fix kept
        String after = Files.readString(res.resolve("after.c")).replace("\treturn page->mapping;\n", "\treturn page->mapping; /* kept-flaw: MM002 */\n");
        assertTrue(after.contains("kept-flaw"), "the marker went onto line 19");
        for (String name : List.of("cccccccccccc-with-evidence", "dddddddddddd-without-evidence")) {
            Path e = dir.resolve(name);
            Files.createDirectories(e);
            Files.writeString(e.resolve("entry.yaml"), "kind: fix\nrule: MM002\n"
                    + (name.contains("with-evidence") ? "after_finding: 'line 19 judged wrong upstream later'\n" : ""));
            Files.writeString(e.resolve("before.c"), before);
            Files.writeString(e.resolve("after.c"), after);
        }
        Path misplaced = dir.resolve("neg-misplaced");
        Files.createDirectories(misplaced);
        Files.writeString(misplaced.resolve("entry.yaml"), "kind: negative\nrule: MM002\nafter_finding: 'n/a'\n");
        Files.writeString(misplaced.resolve("ok.c"), "/*\n * mmlint-kernel: 6.1\n */\nvoid f(void) {} /* kept-flaw: MM002 */\n");
        Corpus.Read r = Corpus.read(dir, rules);
        List<String> p = r.problems().stream().map(Corpus.Problem::toString).toList();
        assertTrue(p.contains("dddddddddddd-without-evidence/after.c:19: kept-flaw marker without an after_finding in entry.yaml (the upstream evidence): ignored, a finding here counts as post-fix"), p.toString());
        assertTrue(p.contains("neg-misplaced/ok.c:4: kept-flaw markers belong in after.c only: ignored"), p.toString());
        assertEquals(List.of("19 MM002"), r.entries().get(0).files().get(1).keptFlaws().stream().map(f -> f.line() + " " + f.rule()).toList());

        CorpusScore s = Quality.scoreCorpus(r.entries(), List.copyOf(rules), 1);
        CorpusScore.Counts mm002 = s.rules.get("MM002");
        assertEquals(1, mm002.keptFlaws, "only the marker with evidence counts");
        assertEquals(1, mm002.keptFound);
        assertEquals(1, mm002.postFix, "the entry without evidence: its finding is a post-fix finding");
        assertEquals(List.of("cccccccccccc-with-evidence"), s.keptFlawsFound.stream().map(CorpusScore.Flag::entry).toList());
        assertEquals(List.of("dddddddddddd-without-evidence"), s.falseFlags.stream().map(CorpusScore.Flag::entry).toList());

        Quality.Result res2 = new Quality.Result(List.copyOf(rules));
        res2.corpus = s;
        String md = new Quality.Report(res2, Quality.Options.parse(new String[] {"--corpus-only", "--root", "/nonexistent"})).markdown();
        assertTrue(md.contains("| MM002 | 2 | 1 | 2 | 2 | 100% | 1 | 0 | 0 | 1 / 1 |"), md);
        assertTrue(md.contains("### Kept flaws of after.c found (1 of 1,"), md);
    }

    @Test void aFileThatCannotBeAnalysedIsListedAndItsFlagLinesMissed(@TempDir Path dir) throws Exception {
        Path e = dir.resolve("bbbbbbbbbbbb-config");
        Files.createDirectories(e);
        Files.writeString(e.resolve("entry.yaml"), "kind: fix\nrule: MM001\n");
        Files.writeString(e.resolve("before.c"), "/*\n * mmlint-kernel: 6.1\n * mmlint-config: SPARSEMEM\n */\nvoid f(struct page *p) { p++; } /* expect: MM001 */\n");
        Files.writeString(e.resolve("after.c"), "/*\n * mmlint-kernel: 6.1\n */\nvoid f(void) {}\n");
        Corpus.Read r = Corpus.read(dir, rules);
        CorpusScore s = Quality.scoreCorpus(r.entries(), List.copyOf(rules), 1);
        assertEquals(1, s.notAnalysed.size(), s.notAnalysed.toString());
        assertTrue(s.notAnalysed.get(0).startsWith("bbbbbbbbbbbb-config/before.c: ") && s.notAnalysed.get(0).contains(":3: ")
                && s.notAnalysed.get(0).contains("malformed mmlint-config entry 'SPARSEMEM'"), s.notAnalysed.get(0));
        assertEquals(1, s.rules.get("MM001").flagLines);
        assertEquals(0, s.rules.get("MM001").hit);
        assertTrue(s.misses.get(0).why().startsWith("file not analysed: "), s.misses.get(0).why());
    }

    static final String A = "0123456789abcdef0123456789abcdef", B = "fedcba9876543210fedcba9876543210",
            C = "00000000000000000000000000000000", D = "11111111111111111111111111111111", E = "22222222222222222222222222222222";

    @Test void triageFilesAreParsedWithProblemsNamingTheLine() {
        String text = "# comment\nfingerprint\tverdict\tfile:line\trule\treason\n"
                + A + "\tTP\tmm/a.c:10\tMM001\tsection crossing on 1 GiB pages\n"
                + B + "\tfp\tmm/b.c:20\tMM002\torder-0 by construction\n"
                + C + "\tunsure\tmm/c.c:30\tMM004\tdepends on the config\n"
                + "xyz\tTP\tmm/d.c:1\tMM001\tnot a fingerprint\n"
                + D + "\tmaybe\tmm/d.c:2\tMM001\tbad verdict\n"
                + E + "\tFP\tmm/d.c:3\tMM001\tTODO one-line reason (f: m)\n"
                + A + "\tFP\tmm/a.c:10\tMM001\tduplicate\n"
                + "short line\n";
        Triage.File f = Triage.parse(Path.of("bench/triage/6.1.tsv"), text);
        assertEquals(Set.of(A, B, C), f.lines().keySet());
        assertEquals(Triage.Verdict.FP, f.lines().get(B).verdict());
        assertEquals(Triage.Verdict.UNSURE, f.lines().get(C).verdict());
        assertEquals(List.of(6, 7, 8, 9, 10), f.problems().stream().map(Corpus.Problem::line).toList(), f.problems().toString());
        assertTrue(f.problems().get(0).toString().startsWith("bench/triage/6.1.tsv:6: not a fingerprint"), f.problems().get(0).toString());
        assertTrue(f.problems().get(2).message().startsWith("no reason given"), "a pasted line not yet decided is refused");
    }

    @Test void findingsAreMatchedByFingerprintAndUntriagedOnesCountAgainstPrecision() {
        String text = A + "\tTP\tmm/a.c:10\tMM001\tsection crossing\n"
                + B + "\tFP\tmm/b.c:20\tMM002\torder-0\n"
                + C + "\tunsure\tmm/c.c:30\tMM004\tconfig\n"
                + D + "\tFP\tmm/e.c:50\tMM002\tre-worded since: same place, new fingerprint\n"
                + E + "\tTP\tmm/gone.c:5\tMM001\tno longer reported\n";
        Triage.File f = Triage.parse(Path.of("t.tsv"), text);
        String n1 = "33333333333333333333333333333333", n2 = "44444444444444444444444444444444";
        List<Triage.Found> found = new ArrayList<>(List.of(
                new Triage.Found(A, "mm/a.c", 10, "MM001", "fa", "m1"),
                new Triage.Found(B, "mm/b.c", 20, "MM002", "fb", "m2"),
                new Triage.Found(C, "mm/c.c", 30, "MM004", "fc", "m3"),
                new Triage.Found(n1, "mm/d.c", 40, "MM001", "fd", "new finding"),
                new Triage.Found(n2, "mm/e.c", 50, "MM002", "fe", "re-worded message")));
        Triage.Score s = new Triage.Score("6.1", List.copyOf(rules), found, f);
        Triage.Counts mm001 = s.rules.get("MM001"), mm002 = s.rules.get("MM002"), mm004 = s.rules.get("MM004"), all = s.total();
        assertEquals(2, mm001.findings);
        assertEquals(1, mm001.tp);
        assertEquals(1, mm001.untriaged);
        assertEquals(50.0, mm001.precision(), 1e-9, "TP / (TP + FP + untriaged)");
        assertEquals(1, mm002.fp);
        assertEquals(1, mm002.untriaged);
        assertEquals(0.0, mm002.precision(), 1e-9);
        assertEquals(1, mm004.unsure);
        assertTrue(Double.isNaN(mm004.precision()), "unsure alone: no precision");
        assertEquals(5, all.findings);
        assertEquals(100.0 / 4, all.precision(), 1e-9);
        assertEquals(0, s.rules.get("MM007").findings);

        assertEquals(2, s.untriaged.size());
        assertEquals(n1 + "\tTODO\tmm/d.c:40\tMM001\tTODO one-line reason (fd: new finding)", s.untriaged.get(0).tsv());
        assertEquals(n2 + "\tFP\tmm/e.c:50\tMM002\tre-worded since: same place, new fingerprint", s.untriaged.get(1).tsv(),
                "the verdict of the same file:line and rule is carried over to the ready line");
        assertEquals(List.of(D, E), s.stale.stream().map(Triage.Line::fingerprint).toList());

        Quality.Options o = Quality.Options.parse(new String[] {"--root", "/nonexistent"});
        Quality.Result r = new Quality.Result(List.copyOf(rules));
        r.corpus = new CorpusScore(List.copyOf(rules));
        r.trees.add(new Quality.TreeRun("6.1", Path.of("/k/linux-source-6.1"), null, List.of("mm"), 3, List.of(), s, f.problems(), 1.0));
        String md = new Quality.Report(r, o).markdown();
        assertTrue(md.contains("| MM001 | 2 | 1 | 0 | 0 | 1 | 50% |"), md);
        assertTrue(md.contains("| **all** | 5 | 1 | 1 | 1 | 2 | 25% |"), md);
        assertTrue(md.contains("mm/gone.c:5 MM001: **NOT REPORTED**"), md);
        String doubts = md.substring(md.indexOf("### False and unsure findings reported"));
        assertTrue(doubts.contains("- 6.1 mm/b.c:20 MM002: FP — order-0\n- 6.1 mm/c.c:30 MM004: unsure — config\n"), doubts);
        assertFalse(doubts.substring(0, doubts.indexOf("\n### ", 5)).contains("mm/a.c:10"), "true positives are listed apart");
        assertTrue(md.contains(n1 + "\tTODO\tmm/d.c:40\tMM001\t"), md);
        assertTrue(md.contains("| MM001 |  | – | 1 / 2 (50%) |"), md);
        assertTrue(md.contains("| MM004 |  | – | – (1 unsure) |"), md);
        assertTrue(md.contains("| MM005 |  | – | – (no finding) |"), md);
    }

    @Test void findingsAreCountedPerScopeMmTheSliceAndTheWiderSlices() {
        assertEquals("mm/", Quality.scope("mm/gup.c"));
        assertEquals("slice", Quality.scope("virt/kvm/kvm_main.c"));
        assertEquals("wider", Quality.scope("virt/kvm/pfncache.c"));
        String text = A + "\tTP\tmm/a.c:10\tMM001\tsection crossing\n" + B + "\tFP\tlib/iov_iter.c:20\tMM002\torder-0\n";
        Triage.File f = Triage.parse(Path.of("t.tsv"), text);
        List<Triage.Found> found = List.of(new Triage.Found(A, "mm/a.c", 10, "MM001", "fa", "m1"),
                new Triage.Found(B, "lib/iov_iter.c", 20, "MM002", "fb", "m2"),
                new Triage.Found(C, "fs/exec.c", 30, "MM004", "fc", "m3"));
        Triage.Score s = new Triage.Score("6.1", List.copyOf(rules), found, f);
        Quality.Options o = Quality.Options.parse(new String[] {"--root", "/nonexistent"});
        Quality.Result r = new Quality.Result(List.copyOf(rules));
        r.corpus = new CorpusScore(List.copyOf(rules));
        Quality.TreeRun t = new Quality.TreeRun("6.1", Path.of("/k/linux-source-6.1"), null, List.of("mm"), 3, List.of(), s, f.problems(), 1.0);
        r.trees.add(t);
        Quality.Report rep = new Quality.Report(r, o);
        Map<String, Triage.Counts> by = rep.scopes(t);
        assertEquals(List.of("mm/", "slice"), List.copyOf(by.keySet()));
        assertEquals(1, by.get("mm/").tp);
        assertEquals(1, by.get("slice").fp);
        assertEquals(1, by.get("slice").untriaged);
        String md = rep.markdown();
        assertTrue(md.contains("| 6.1 | mm/ | 1 | 1 | 0 | 0 | 0 | 100% |"), md);
        assertTrue(md.contains("| 6.1 | slice outside mm/ (" + Quality.SLICE.size() + " files) | 2 | 0 | 1 | 0 | 1 | 0% |"), md);
        assertTrue(md.contains("### Linux 6.1 mm/ and the slice"), md);
        Quality.Options mm = Quality.Options.parse(new String[] {"--root", "/nonexistent", "--mm-only"});
        assertTrue(mm.mmOnly);
        assertEquals(List.of("mm/"), List.copyOf(new Quality.Report(r, mm).scopes(new Quality.TreeRun("6.1", Path.of("/k"), null, List.of("mm"), 1,
                List.of(), new Triage.Score("6.1", List.copyOf(rules), found.subList(0, 1), f), List.of(), 1.0)).keySet()));
    }

    @Test void theReadmeTableTakesItsWhatColumnFromTheReadme(@TempDir Path dir) throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# x\n\n| MM009 | not here |\n\n## Rules\n\n| id | what | recall | precision |\n|---|---|---|---|\n"
                + "| MM001 | `page++` over a pfn range \\| crossing | – | – |\n| MM002 | head-only field | – | – |\n\n## Next\n", StandardCharsets.UTF_8);
        Map<String, String> m = Quality.readmeRules(readme);
        assertEquals(List.of("MM001", "MM002"), List.copyOf(m.keySet()));
        assertEquals("`page++` over a pfn range \\| crossing", m.get("MM001"));
        assertFalse(Quality.readmeRules(dir.resolve("none.md")).containsKey("MM001"));
    }
}
