package dev.mmlint.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus counts per rule: flag lines of before.c and how many a finding of their rule lands on
 * (recall), findings in after.c (post-fix flagged; those on a kept-flaw line counted apart) and in ok.c
 * (negatives flagged). The misses and
 * the false flags are kept one by one for the listing below the table.
 */
final class CorpusScore {
    /** A finding as the corpus sees it. */
    record Found(String rule, int line, String function, String message) {}

    /** A function of the file as the front end covered it: name, first line, status (CLEAN, PARTIAL …) and why. */
    record Function(String name, int line, String status, List<String> reasons) {}

    /** What analysing one C file gave: findings and the functions' coverage, or the reason it could not be analysed. */
    record Outcome(List<Found> findings, String notAnalysed, List<Function> functions) {
        static Outcome of(List<Found> findings, List<Function> functions) { return new Outcome(List.copyOf(findings), null, List.copyOf(functions)); }

        static Outcome failed(String why) { return new Outcome(List.of(), why, List.of()); }

        /** Why the function holding {@code line} may not have been analysed fully; null when it was. */
        String coverageNote(int line) {
            Function best = null;
            for (Function f : functions) if (f.line() <= line && (best == null || f.line() > best.line())) best = f;
            if (best == null) return "no function of the file starts above this line (compiled away or not parsed)";
            if (best.status().equals("CLEAN")) return null;
            return "function " + best.name() + " " + best.status() + (best.reasons().isEmpty() ? "" : ": " + String.join("; ", best.reasons()));
        }
    }

    /** A flag line no finding of its rule landed on, and why as far as the run shows. */
    record Miss(Corpus.FlagLine flag, String why) {}

    /** A finding in after.c or ok.c, or (informational) one in before.c on no flag line. */
    record Flag(String entry, Corpus.Role role, int line, Found finding) {}

    /** Counts of one rule (or of all rules). */
    static final class Counts {
        int fixes, negatives, flagLines, hit, postFix, negative, beforeOther, keptFlaws, keptFound;

        double recall() { return flagLines == 0 ? Double.NaN : 100.0 * hit / flagLines; }

        void add(Counts c) {
            fixes += c.fixes;
            negatives += c.negatives;
            flagLines += c.flagLines;
            hit += c.hit;
            postFix += c.postFix;
            negative += c.negative;
            beforeOther += c.beforeOther;
            keptFlaws += c.keptFlaws;
            keptFound += c.keptFound;
        }
    }

    final Map<String, Counts> rules = new LinkedHashMap<>();
    final List<Miss> misses = new ArrayList<>();
    final List<Flag> falseFlags = new ArrayList<>();
    final List<Flag> beforeOther = new ArrayList<>();
    /** Findings on the kept-flaw lines of after.c: real flaws the fix left, not counted as post-fix findings. */
    final List<Flag> keptFlawsFound = new ArrayList<>();
    final List<String> notAnalysed = new ArrayList<>();
    int entries, files;

    CorpusScore(List<String> ruleIds) {
        for (String r : ruleIds) rules.put(r, new Counts());
    }

    private Counts rule(String id) { return rules.computeIfAbsent(id, k -> new Counts()); }

    /** The totals over every rule. */
    Counts total() {
        Counts t = new Counts();
        rules.values().forEach(t::add);
        return t;
    }

    /** Counts one entry, given the outcome of each of its files. */
    void add(Corpus.Entry e, Map<Corpus.Role, Outcome> outcomes) {
        entries++;
        if (e.rule() != null && rules.containsKey(e.rule())) {
            if (e.fix()) rule(e.rule()).fixes++;
            else rule(e.rule()).negatives++;
        }
        for (Corpus.CFile f : e.files()) {
            Outcome o = outcomes.get(f.role());
            files++;
            if (o == null) o = Outcome.failed("no outcome");
            if (o.notAnalysed() != null) notAnalysed.add(e.name() + "/" + f.role().fileName + ": " + o.notAnalysed());
            switch (f.role()) {
                case BEFORE -> before(f, o);
                case AFTER -> after(e, f, o);
                case OK -> { for (Found x : o.findings()) { rule(x.rule()).negative++; falseFlags.add(new Flag(e.name(), f.role(), x.line(), x)); } }
            }
        }
    }

    /** after.c: a finding on a kept-flaw line of its rule is that flaw found; any other is a post-fix finding. */
    private void after(Corpus.Entry e, Corpus.CFile f, Outcome o) {
        for (Corpus.FlagLine k : f.keptFlaws()) rule(k.rule()).keptFlaws++;
        for (Found x : o.findings()) {
            boolean kept = f.keptFlaws().stream().anyMatch(k -> k.line() == x.line() && k.rule().equals(x.rule()));
            if (kept) {
                rule(x.rule()).keptFound++;
                keptFlawsFound.add(new Flag(e.name(), f.role(), x.line(), x));
            } else {
                rule(x.rule()).postFix++;
                falseFlags.add(new Flag(e.name(), f.role(), x.line(), x));
            }
        }
    }

    private void before(Corpus.CFile f, Outcome o) {
        java.util.Set<String> flagged = new java.util.HashSet<>();
        for (Corpus.FlagLine fl : f.flags()) {
            Counts c = rule(fl.rule());
            c.flagLines++;
            flagged.add(fl.line() + " " + fl.rule());
            boolean hit = o.notAnalysed() == null && o.findings().stream().anyMatch(x -> x.line() == fl.line() && x.rule().equals(fl.rule()));
            if (hit) {
                c.hit++;
                continue;
            }
            String why;
            if (o.notAnalysed() != null) why = "file not analysed: " + o.notAnalysed();
            else {
                List<String> same = o.findings().stream().filter(x -> x.line() == fl.line()).map(x -> x.rule()).distinct().toList();
                List<Integer> near = o.findings().stream().filter(x -> x.rule().equals(fl.rule())).map(Found::line).distinct().toList();
                why = !same.isEmpty() ? "other rules on the line: " + String.join(", ", same)
                        : !near.isEmpty() ? fl.rule() + " on other lines: " + near
                        : o.findings().isEmpty() ? "no finding in the file" : "no " + fl.rule() + " finding in the file";
                String note = o.coverageNote(fl.line());
                if (note != null) why += "; " + note;
            }
            misses.add(new Miss(fl, why));
        }
        if (o.notAnalysed() != null) return;
        for (Found x : o.findings())
            if (!flagged.contains(x.line() + " " + x.rule())) {
                rule(x.rule()).beforeOther++;
                beforeOther.add(new Flag(f.entry(), f.role(), x.line(), x));
            }
    }
}
