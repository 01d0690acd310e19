package dev.mmlint.frontend.internal;

import dev.mmlint.frontend.Budget;
import dev.mmlint.frontend.BudgetExceededException;
import dev.mmlint.frontend.Budgets;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Map;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.parser.util.CharArrayMap;
import org.eclipse.cdt.internal.core.parser.scanner.CPreprocessor;
import org.eclipse.cdt.internal.core.parser.scanner.MacroExpander;

/**
 * Puts a file's {@link Budget} into CDT's preprocessor, which has no cancellation of its own and
 * expands a whole macro invocation in one call: every macro lookup (each identifier the
 * preprocessor or the macro expander reads goes through the macro dictionary) checks the budget,
 * the nested expansions of one macro invocation are counted and capped at
 * {@link Budgets#MAX_NESTED_EXPANSIONS}, and the identifiers read while one invocation expands
 * (its arguments' pre-expansion and every rescan) are counted and capped at
 * {@link Budgets#MAX_EXPANSION_IDENTIFIERS}. The second cap is the one a deep bomb of few macros
 * meets ({@code #define D(x) x x} called thirty deep: thirty expansions, 2^30 tokens): without it
 * only the time budget stopped it, or the heap ran out first, whichever came first on the machine.
 * All of this is reached through CDT internals (the CDT copy is private to mmlint, its version
 * pinned); when they are missing the preprocessor runs unchecked and only the parser is cancelled.
 *
 * <p>Not capped: token pasting that doubles one token's length at each level
 * ({@code #define D(x) CAT(x, x)} thirty deep on a number) reads almost no identifiers; the time
 * budget, checked on each lookup the expansion still makes, or the heap stops it.
 */
final class BudgetHooks {
    private BudgetHooks() {}

    private static final Field DICTIONARY = Preambles.DICTIONARY;
    private static final Field EXPANDER = Preambles.field(CPreprocessor.class, "fMacroExpander");
    private static final Field MAP = Preambles.field(CharArrayMap.class, "map");
    private static final Field IMPLICIT = Preambles.field(MacroExpander.class, "fImplicitMacroExpansions");

    /** {@code -Dmmlint.debugExpansion}: report the largest invocation (identifiers read) as it grows. */
    private static final boolean DEBUG = Boolean.getBoolean("mmlint.debugExpansion");
    private static volatile int maxReads;

    /** Whether this CDT has the internals the hooks use. */
    static boolean supported() { return DICTIONARY != null && EXPANDER != null && MAP != null && IMPLICIT != null; }

    /** Installs {@code budget}'s checks into {@code pp} (nothing when budget is null). */
    @SuppressWarnings("unchecked")
    static void install(CPreprocessor pp, Budget budget) {
        if (budget == null || !supported()) return;
        try {
            CharArrayMap<?> dict = (CharArrayMap<?>) DICTIONARY.get(pp);
            Map<Object, Object> inner = (Map<Object, Object>) MAP.get(dict);
            Reads reads = inner instanceof CheckedMap c ? c.reads : new Reads();
            if (!(inner instanceof CheckedMap)) MAP.set(dict, new CheckedMap(inner, budget, reads));
            MacroExpander ex = (MacroExpander) EXPANDER.get(pp);
            IMPLICIT.set(ex, new CountedExpansions(budget, reads));
        } catch (IllegalAccessException | RuntimeException e) {
            // leave the preprocessor as it is
        }
    }

    /**
     * Identifiers looked up since the last top-level macro invocation ended: the reads of the one
     * being expanded (and of the plain source text before it, a few at most between two invocations).
     */
    private static final class Reads {
        int n;

        void read(Budget budget) {
            budget.check();
            if (++n <= Budgets.MAX_EXPANSION_IDENTIFIERS) return;
            n = 0;
            budget.fail(new BudgetExceededException("macro expansion budget exceeded: one macro invocation reads more than "
                    + String.format("%,d", Budgets.MAX_EXPANSION_IDENTIFIERS) + " identifiers while it expands", null, 0));
            budget.throwIfExceeded();
        }
    }

    /** The macro dictionary's map, checking the budget on every lookup. */
    private static final class CheckedMap extends ForwardingMap {
        private final Budget budget;
        final Reads reads;

        CheckedMap(Map<Object, Object> m, Budget budget, Reads reads) {
            super(m);
            this.budget = budget;
            this.reads = reads;
        }

        @Override public Object get(Object k) {
            reads.read(budget);
            return m.get(k);
        }

        @Override public boolean containsKey(Object k) {
            reads.read(budget);
            return m.containsKey(k);
        }
    }

    /**
     * The macro expander's list of the nested expansions of the invocation being expanded (cleared
     * when an invocation has been expanded, which also starts the count of identifiers read anew):
     * past the cap, the file's budget is exhausted.
     */
    private static final class CountedExpansions extends ArrayList<IASTName> {
        private static final long serialVersionUID = 1L;
        private final transient Budget budget;
        private final transient Reads reads;

        CountedExpansions(Budget budget, Reads reads) {
            this.budget = budget;
            this.reads = reads;
        }

        @Override public void clear() {
            if (DEBUG && reads.n > maxReads) {
                maxReads = reads.n;
                System.err.println("mmlint: most identifiers read by one macro invocation so far: " + maxReads);
            }
            reads.n = 0;
            super.clear();
        }

        @Override public boolean add(IASTName n) {
            if (size() >= Budgets.MAX_NESTED_EXPANSIONS) {
                budget.fail(new BudgetExceededException("macro expansion budget exceeded: one macro invocation expands to more than "
                        + String.format("%,d", Budgets.MAX_NESTED_EXPANSIONS) + " nested macro expansions", null, 0));
                budget.throwIfExceeded();
            }
            return super.add(n);
        }
    }
}
