package dev.mmlint.engine.flow;

import java.util.Objects;

/**
 * The abstract state at one program point: the shared page/value core ({@link PageFacts}) and the
 * state of each concern's model: ranges ({@link RangeFacts}), GUP holdings ({@link GupFacts}),
 * speculative references ({@link SpeculativeFacts}), compound preparation ({@link CompoundFacts})
 * and exclusivity tests ({@link ExclusivityFacts}). Each part keeps its maps private and changes only
 * through its methods. Copy-on-write: a transfer function works on {@link #copy()} of its input and
 * never changes a state it was given; {@link #join} makes a new state.
 */
public final class FlowState {
    final PageFacts core;
    final RangeFacts ranges;
    final GupFacts gup;
    final SpeculativeFacts spec;
    final CompoundFacts compound;
    final ExclusivityFacts exclusive;

    public FlowState() {
        this(new PageFacts(), new RangeFacts(), new GupFacts(), new SpeculativeFacts(), new CompoundFacts(), new ExclusivityFacts());
    }

    private FlowState(PageFacts c, RangeFacts r, GupFacts g, SpeculativeFacts s, CompoundFacts p, ExclusivityFacts x) {
        core = c; ranges = r; gup = g; spec = s; compound = p; exclusive = x;
    }

    public FlowState copy() {
        return new FlowState(core.copy(), ranges.copy(), gup.copy(), spec.copy(), compound.copy(), exclusive.copy());
    }

    /** Forget everything known about a variable that is being assigned (what an array holds stays). */
    void kill(String var) {
        core.kill(var);
        ranges.kill(var);
        gup.kill(var);
        spec.kill(var);
        compound.kill(var);
    }

    public FlowState join(FlowState o) {
        if (o == null) return this;
        return new FlowState(core.join(o.core), ranges.join(o.ranges), gup.join(o.gup), spec.join(o.spec), compound.join(o.compound),
                exclusive.join(o.exclusive));
    }

    @Override public boolean equals(Object o) {
        return o instanceof FlowState s && core.equals(s.core) && ranges.equals(s.ranges) && gup.equals(s.gup) && spec.equals(s.spec)
                && compound.equals(s.compound) && exclusive.equals(s.exclusive);
    }

    @Override public int hashCode() { return Objects.hash(core, ranges, gup); }
}
