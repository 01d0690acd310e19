package dev.mmlint.model.api;

import dev.mmlint.model.MmModel;
import org.eclipse.emf.ecore.EObject;

/**
 * Whether a size/offset expression keeps a pfn range inside one MAX_ORDER block:
 * {@code range "1UL << $order": within_max_order;}. {@code $name} in the pattern matches any operand.
 */
public final class RangeFact extends Fact {

    public RangeFact(EObject eObject) {
        super(eObject, "RangeFact");
    }

    public static RangeFact create(String pattern, RangeBound bound) {
        RangeFact f = new RangeFact(MmModel.create("RangeFact"));
        f.setPattern(pattern);
        f.setBound(bound);
        return f;
    }

    public String pattern() { return str("pattern"); }
    public void setPattern(String v) { set("pattern", v); }
    public RangeBound bound() { return enumValue("bound", RangeBound.class); }
    public void setBound(RangeBound v) { setEnum("bound", v); }

    public ExprPattern compiled() {
        return ExprPattern.compile(pattern());
    }
}
