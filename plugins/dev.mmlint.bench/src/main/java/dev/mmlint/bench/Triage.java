package dev.mmlint.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A triage file, {@code bench/triage/<tree>.tsv}: one verdict per finding, keyed by the finding's
 * fingerprint ({@code dev.mmlint.engine.Fingerprints}, as baselines use it). Columns:
 * {@code fingerprint<TAB>verdict<TAB>file:line<TAB>rule<TAB>reason}, verdict TP, FP or unsure;
 * {@code #} starts a comment line. A bad line is a problem naming the file and line, and is left out.
 */
final class Triage {
    enum Verdict { TP, FP, UNSURE }

    /** One triage line. {@code where} and {@code rule} are for the reader; the fingerprint is the key. */
    record Line(String fingerprint, Verdict verdict, String where, String rule, String reason, int lineNo) {}

    /** The lines by fingerprint (first wins), and the problems. */
    record File(Path path, Map<String, Line> lines, List<Corpus.Problem> problems) {
        static File empty(Path path) { return new File(path, Map.of(), List.of()); }
    }

    static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{32}");

    static File read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) return new File(path, Map.of(), List.of(new Corpus.Problem(path.toString(), 0, "no triage file: every finding is untriaged")));
        return parse(path, Files.readString(path, StandardCharsets.UTF_8));
    }

    /** The lines of {@code a} and then those of {@code b} (a fingerprint in both: {@code a}'s line wins, reported as a problem of {@code b}). */
    static File merge(File a, File b) {
        Map<String, Line> lines = new LinkedHashMap<>(a.lines());
        List<Corpus.Problem> problems = new ArrayList<>(a.problems());
        problems.addAll(b.problems());
        for (Line l : b.lines().values()) {
            if (lines.containsKey(l.fingerprint()))
                problems.add(new Corpus.Problem(b.path().toString(), l.lineNo(), "fingerprint already triaged in " + a.path().getFileName() + ": this line is ignored"));
            else lines.put(l.fingerprint(), l);
        }
        return new File(a.path(), Map.copyOf(lines), List.copyOf(problems));
    }

    static File parse(Path path, String text) {
        Map<String, Line> lines = new LinkedHashMap<>();
        List<Corpus.Problem> problems = new ArrayList<>();
        String shown = path.toString();
        String[] ls = text.split("\r?\n", -1);
        for (int i = 0; i < ls.length; i++) {
            String l = ls[i];
            if (l.isBlank() || l.startsWith("#") || l.startsWith("fingerprint\t")) continue;
            String[] c = l.split("\t", 5);
            if (c.length < 5) {
                problems.add(new Corpus.Problem(shown, i + 1, "expected 5 tab-separated columns (fingerprint, verdict, file:line, rule, reason), found " + c.length));
                continue;
            }
            String fp = c[0].strip();
            if (!FINGERPRINT.matcher(fp).matches()) {
                problems.add(new Corpus.Problem(shown, i + 1, "not a fingerprint (32 lower-case hex digits): " + fp));
                continue;
            }
            Verdict v = verdict(c[1].strip());
            if (v == null) {
                problems.add(new Corpus.Problem(shown, i + 1, "verdict must be TP, FP or unsure, not '" + c[1].strip() + "'"));
                continue;
            }
            String reason = c[4].strip();
            if (reason.isEmpty() || reason.startsWith("TODO")) {
                problems.add(new Corpus.Problem(shown, i + 1, "no reason given for " + c[2].strip() + " " + c[3].strip()));
                continue;
            }
            if (lines.containsKey(fp)) {
                problems.add(new Corpus.Problem(shown, i + 1, "fingerprint already triaged at line " + lines.get(fp).lineNo() + ": this line is ignored"));
                continue;
            }
            lines.put(fp, new Line(fp, v, c[2].strip(), c[3].strip(), reason, i + 1));
        }
        return new File(path, Map.copyOf(lines), List.copyOf(problems));
    }

    static Verdict verdict(String s) {
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "TP" -> Verdict.TP;
            case "FP" -> Verdict.FP;
            case "UNSURE" -> Verdict.UNSURE;
            default -> null;
        };
    }

    static String verdictText(Verdict v) { return v == Verdict.UNSURE ? "unsure" : v.name(); }

    /** A finding as the triage sees it. */
    record Found(String fingerprint, String file, int line, String rule, String function, String message) {
        String where() { return file + ":" + line; }
    }

    /** Counts of one rule, or of all. Precision counts untriaged findings as not true. */
    static final class Counts {
        int findings, tp, fp, unsure, untriaged;

        double precision() {
            int d = tp + fp + untriaged;
            return d == 0 ? Double.NaN : 100.0 * tp / d;
        }

        void add(Counts c) {
            findings += c.findings;
            tp += c.tp;
            fp += c.fp;
            unsure += c.unsure;
            untriaged += c.untriaged;
        }
    }

    /** An untriaged finding, with a line ready to paste; {@code carried} is an earlier verdict on the same file:line and rule whose fingerprint changed. */
    record Untriaged(Found finding, Line carried) {
        String tsv() {
            String verdict = carried == null ? "TODO" : verdictText(carried.verdict());
            String reason = carried == null ? "TODO one-line reason (" + finding.function() + ": " + finding.message() + ")"
                    : carried.reason();
            return finding.fingerprint() + "\t" + verdict + "\t" + finding.where() + "\t" + finding.rule() + "\t" + reason;
        }
    }

    /** The findings of one tree scored against its triage file. */
    static final class Score {
        final String tree;
        final Map<String, Counts> rules = new LinkedHashMap<>();
        final List<Untriaged> untriaged = new ArrayList<>();
        /** Triage lines no finding of this run has: fixed, or re-worded (a new fingerprint). */
        final List<Line> stale = new ArrayList<>();
        final List<Found> findings;
        final Map<String, Line> verdicts = new LinkedHashMap<>();

        Score(String tree, List<String> ruleIds, List<Found> findings, File triage) {
            this.tree = tree;
            this.findings = List.copyOf(findings);
            for (String r : ruleIds) rules.put(r, new Counts());
            java.util.Set<String> seen = new java.util.HashSet<>();
            Map<String, Line> byPlace = new LinkedHashMap<>();
            java.util.Set<String> current = new java.util.HashSet<>();
            findings.forEach(f -> current.add(f.fingerprint()));
            for (Line l : triage.lines().values()) if (!current.contains(l.fingerprint())) byPlace.putIfAbsent(l.where() + " " + l.rule(), l);
            for (Found f : findings) {
                Counts c = rules.computeIfAbsent(f.rule(), k -> new Counts());
                c.findings++;
                Line l = triage.lines().get(f.fingerprint());
                if (l == null) {
                    c.untriaged++;
                    untriaged.add(new Untriaged(f, byPlace.get(f.where() + " " + f.rule())));
                    continue;
                }
                seen.add(l.fingerprint());
                verdicts.put(f.fingerprint(), l);
                switch (l.verdict()) {
                    case TP -> c.tp++;
                    case FP -> c.fp++;
                    case UNSURE -> c.unsure++;
                }
            }
            for (Line l : triage.lines().values()) if (!seen.contains(l.fingerprint())) stale.add(l);
            stale.sort(java.util.Comparator.comparingInt(Line::lineNo));
        }

        Counts total() {
            Counts t = new Counts();
            rules.values().forEach(t::add);
            return t;
        }
    }
}
