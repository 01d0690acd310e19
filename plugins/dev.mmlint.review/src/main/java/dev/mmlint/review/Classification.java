package dev.mmlint.review;

import dev.mmlint.engine.api.Finding;
import dev.mmlint.review.Review.Annotation;
import dev.mmlint.review.Review.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How a file's findings before and after a patch are classified: introduced, pre-existing or fixed. */
final class Classification {
    private Classification() {}

    /** A finding with the keys of its code ({@link CodeKey}, with and without locals expanded); null when not found. */
    record Keyed(Finding f, CodeKey.Key key, CodeKey.Key plainKey) {
        String full(boolean expanded) {
            CodeKey.Key k = expanded ? key : plainKey;
            return k == null ? null : k.full();
        }

        /** Whether the two are under the same if / loop / switch: the same in place, or the same condition. */
        boolean sameContext(Keyed o) {
            if (key == null || o.key == null) return true; // not known: the position decides
            return key.ordinal() == o.key.ordinal() || key.context().equals(o.key.context())
                    || plainKey != null && o.plainKey != null && plainKey.context().equals(o.plainKey.context());
        }
    }

    /** The two sides of a file: pre-image line to post-image line (0: removed), and the functions each defines. */
    record Sides(int[] oldToNew, Set<String> before, Set<String> after) {
        int map(int oldLine) { return oldLine > 0 && oldLine < oldToNew.length ? oldToNew[oldLine] : 0; }

        /** The same function, or a function the patch renamed (or moved a body out of, into one it added). */
        boolean related(String fnAfter, String fnBefore) {
            return fnAfter.equals(fnBefore) || (!after.contains(fnBefore) && !before.contains(fnAfter));
        }
    }

    /**
     * Matches after against before, one to one: first a finding of the same rule at the same column
     * of a line the patch left alone, under the same if / loop / switch; then the same code ({@link CodeKey}: moved, its locals renamed or
     * a value moved into a named local) in the same function or the one it was renamed to; then the
     * same code with locals only renamed. Matched findings are pre-existing, reported when in a
     * function the patch changed; the others after the patch are introduced; the others before it are
     * fixed when the patch touched their function or line, or changed a function their message names.
     */
    static List<Annotation> classify(List<Keyed> after, List<Keyed> before, Set<String> changed, List<Diff.Hunk> hunks,
                                     int[][] newNo, int[][] oldNo, Map<String, int[]> changedAt, Sides sides) {
        Comparator<Keyed> order = Comparator.comparing(Keyed::f, Finding.ORDER);
        List<Keyed> a = new ArrayList<>(after), b = new ArrayList<>(before);
        a.sort(order);
        b.sort(order);
        boolean[] usedB = new boolean[b.size()];
        Status[] st = new Status[a.size()];
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < a.size(); i++) {
                if (st[i] != null) continue;
                Keyed x = a.get(i);
                for (int j = 0; j < b.size(); j++) {
                    if (usedB[j]) continue;
                    Keyed y = b.get(j);
                    if (!x.f().ruleId().equals(y.f().ruleId())) continue;
                    boolean eq = switch (pass) {
                        case 0 -> sides.map(y.f().line()) == x.f().line() && x.f().column() == y.f().column() && x.sameContext(y);
                        case 1 -> x.full(true) != null && x.full(true).equals(y.full(true)) && sides.related(x.f().function(), y.f().function());
                        default -> x.full(false) != null && x.full(false).equals(y.full(false)) && sides.related(x.f().function(), y.f().function());
                    };
                    if (eq) {
                        usedB[j] = true;
                        st[i] = Status.PRE_EXISTING;
                        break;
                    }
                }
            }
        }
        List<Annotation> r = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            Finding f = a.get(i).f();
            Status s = st[i] == null ? Status.INTRODUCED : st[i];
            if (s == Status.PRE_EXISTING && !changed.contains(f.function())) continue;
            r.add(anchor(s, f, hunks, newNo, changedAt));
        }
        for (int j = 0; j < b.size(); j++) {
            if (usedB[j]) continue;
            Annotation x = anchor(Status.FIXED, b.get(j).f(), hunks, oldNo, changedAt);
            // gone from a function the patch did not touch, for no reason the patch shows: not its doing
            if (x.hunk() >= 0 || changed.contains(x.finding().function())) r.add(x);
        }
        r.sort(Comparator.comparing((Annotation x) -> x.hunk() < 0 ? Integer.MAX_VALUE : x.hunk())
                .thenComparingInt(x -> x.line() < 0 ? Integer.MAX_VALUE : x.line())
                .thenComparing(Annotation::status)
                .thenComparing(Annotation::finding, Finding.ORDER));
        return List.copyOf(r);
    }

    private static Annotation anchor(Status s, Finding f, List<Diff.Hunk> hunks, int[][] no, Map<String, int[]> changedAt) {
        char changedKind = s == Status.FIXED ? '-' : '+';
        int bh = -1, bl = -1;
        for (int hi = 0; hi < hunks.size(); hi++) {
            if (no[hi] == null) continue;
            for (int li = 0; li < no[hi].length; li++) {
                if (no[hi][li] != f.line()) continue;
                if (hunks.get(hi).lines().get(li).kind() == changedKind) return new Annotation(s, f, hi, li);
                if (bh < 0) { bh = hi; bl = li; }
            }
        }
        if (bh >= 0) return new Annotation(s, f, bh, bl);
        // outside the diff: a caller or callee whose finding changed because of a function the patch changed
        // (keys are function name + '+' or '-': the first added or removed line of that function)
        for (char kind : new char[] {changedKind, changedKind == '+' ? '-' : '+'})
            for (Map.Entry<String, int[]> e : new java.util.TreeMap<>(changedAt).entrySet()) {
                String fn = e.getKey().substring(0, e.getKey().length() - 1);
                if (e.getKey().charAt(fn.length()) == kind && !fn.equals(f.function()) && f.message().contains(fn + "()"))
                    return new Annotation(s, f, e.getValue()[0], e.getValue()[1], true);
            }
        return new Annotation(s, f, -1, -1);
    }
}
