package dev.mmlint.engine.flow;

import dev.mmlint.engine.ast.WrittenView;
import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import dev.mmlint.engine.knowledge.RangeClass;
import dev.mmlint.frontend.SourceText;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;

/**
 * What the parts of one function's transfer share: the knowledge and text they run on, the function's
 * declarations, the concern models, the state being transformed (a copy owned by the node or edge
 * being processed), and where events go (the reporting pass, unless evaluating silently).
 */
final class TransferContext implements Events {
    final ApiKnowledge kb;
    final WrittenView view;
    final SourceText text;
    final Function<String, FunctionSummary> summaries;
    final Transfer.FunctionFacts facts;

    final ShapeModel shape;
    final ContiguityModel ranges;
    final SpeculativeModel spec;
    final GupModel gup;
    final CompoundModel compound;
    final ExclusivityModel exclusive;
    final TailIndifference indifference;

    final Expressions ex;
    final Calls calls;
    final Transfer transfer;

    Transfer.Sink sink;
    FlowState st;
    /** the function analysed (null when not told) */
    String function;
    /** the unit's functions all of whose callers are in it ({@link Transfer#closedFunctions}) */
    java.util.Set<String> closed = java.util.Set.of();
    /**
     * The parameters of the function analysed whose pages its model contract says are no tails
     * ({@code not_tail_range}), never re-assigned in its body, with that clause ({@link Transfer#defines}).
     */
    java.util.Map<String, dev.mmlint.engine.knowledge.AppliedClause> notTail = java.util.Map.of();
    /**
     * The model's contract for this function itself, when the model knows it as a GUP call: the output array
     * parameter it fills and returns the count of (count_taken), the kind of reference, the clause; or null.
     */
    OwnContract own;

    /** @param array the output parameter's name; @param api this function's name */
    record OwnContract(String array, String api, boolean pinned, dev.mmlint.engine.knowledge.AppliedClause clause) {}
    /** the parameters of the function analysed its body tests against FOLL_* bits ({@code gup_flags & FOLL_WRITE}): the flags of a GUP walk */
    java.util.SortedSet<String> gupFlagParams = new java.util.TreeSet<>();
    /** its {@code struct page **} parameters: where it hands pages back to its caller */
    java.util.Set<String> pageOutParams = java.util.Set.of();
    /** > 0 while an expression is evaluated only for its value: no events then */
    int silent;

    TransferContext(ApiKnowledge kb, WrittenView view, SourceText text, Function<String, FunctionSummary> summaries,
                    Transfer.FunctionFacts facts, Transfer transfer) {
        this.kb = kb;
        this.view = view;
        this.text = text;
        this.summaries = summaries;
        this.facts = facts;
        shape = new ShapeModel(this, kb.clause(ApiKnowledge.HEAD_ONLY_CONTRACT).orElse(null));
        ranges = new ContiguityModel(this);
        spec = new SpeculativeModel(this, text, kb::call, facts.params()::containsKey, kb.clause(ApiKnowledge.SPECULATIVE_HUGETLB_STATE).orElse(null));
        gup = new GupModel(this, text);
        compound = new CompoundModel(this, kb.clause(ApiKnowledge.REFCOUNT_AFTER_PREP_COMPOUND_LOCK).orElse(null));
        exclusive = new ExclusivityModel(this);
        indifference = new TailIndifference(kb, view);
        ex = new Expressions(this);
        calls = new Calls(this);
        this.transfer = transfer;
    }

    @Override public void emit(Event e) { if (reporting()) sink.event(e); }

    @Override public boolean reporting() { return sink != null && silent == 0; }

    @Override public void requiresHead(int param, FunctionSummary.Requirement r) { if (sink != null) sink.requiresHead(param, r); }

    @Override public boolean learning() { return sink != null; }

    /** the page-array parameters whose references the function drops ({@link DroppedArrays}), once known */
    private java.util.Set<String> dropped;

    /** Whether {@code array} is a page-array parameter whose references the function around {@code at} drops. */
    boolean dropsReferencesOf(String array, IASTNode at) {
        if (dropped == null) dropped = DroppedArrays.of(Ast.enclosingFunction(at), facts, kb);
        return dropped.contains(array);
    }

    /** the page variables the function stores a head-only field through ({@link OwnedPages}): pages it owns */
    java.util.Set<String> owned = java.util.Set.of();

    /** the page parameters every caller passes a page it owns as ({@link CallerContext#owned()}), never re-assigned */
    java.util.Set<String> ownedByCallers = java.util.Set.of();

    /**
     * Whether the analysed function owns the page of variable {@code var}: it stores a head-only field
     * through it, or every caller hands it a page the caller owns as that parameter.
     */
    boolean owns(String var) { return var != null && (owned.contains(var) || ownedByCallers.contains(var)); }

    /**
     * Per call site, the argument texts its callers pass for parameters the body never assigns, written with a size
     * the model knows by name (parameter name -> argument text; {@link CallerContext#texts()})
     */
    java.util.List<Map<String, String>> argumentTexts = java.util.List.of();

    /** the function's parameters that are untyped object pointers ({@code void *}) it never assigns */
    java.util.Set<String> objectParams = java.util.Set.of();
    /** the page-table pointers the function uses as pointers into the kernel's own page tables ({@link KernelTables}) */
    java.util.Set<String> kernelTables = java.util.Set.of();

    /** the local page arrays assigned only zero-filled memory ({@link ZeroedArrays}), once known */
    private java.util.Set<String> zeroed;

    /** Whether {@code array} is a local page array of the function around {@code at} that holds only zero-filled memory. */
    boolean zeroFilled(String array, IASTNode at) {
        if (zeroed == null) zeroed = ZeroedArrays.of(Ast.enclosingFunction(at), facts, kb);
        return zeroed.contains(array);
    }


    /** Evaluates {@code e} for its value only. */
    V silently(IASTExpression e) {
        silent++;
        try {
            return ex.eval(e);
        } finally {
            silent--;
        }
    }

    int line(int off) { return text.line(off); }

    PageValue.Origin origin(int off, String what) { return new PageValue.Origin(text.line(off), text.column(off), what); }

    Bound bound(RangeClass r, IASTNode at) { return new Bound(r.bounded(), r.what(), r.clause(), text.line(Ast.offset(at))); }

    /** This function's parameters whose truth the path fixed, by index, with {@code more} added. */
    Map<Integer, Boolean> pathCondition(Map<Integer, Boolean> more) {
        Map<Integer, Boolean> c = new TreeMap<>(more);
        st.core.paramTruths().forEach((var, truth) -> { Integer i = facts.params().get(var); if (i != null) c.putIfAbsent(i, truth); });
        return Map.copyOf(c);
    }
}
