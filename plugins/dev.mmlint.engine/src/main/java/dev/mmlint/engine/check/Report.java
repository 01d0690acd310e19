package dev.mmlint.engine.check;

import dev.mmlint.engine.api.Evidence;
import dev.mmlint.engine.api.Fix;
import dev.mmlint.engine.flow.WitnessStep;
import dev.mmlint.engine.knowledge.AppliedClause;
import dev.mmlint.model.api.Confidence;
import java.util.List;
import java.util.Objects;

/**
 * What a check reports for the event it judges, built with {@link Reporter#finding}:
 * <pre>r.finding(this, event).message("...").clause(c).evidence(ev).witness(w).report();</pre>
 *
 * @param clause     the model clause violated (must apply to this tree, else nothing is reported)
 * @param confidence the rule's declared confidence unless the check states another
 * @param fixHint    the rule's generic hint unless the check refines it
 * @param witness    the API operations along the path, replayed on the reference model
 */
public record Report(Check check, Event at, String message, AppliedClause clause, Confidence confidence, List<Evidence> evidence,
                     String fixHint, List<Fix> fixes, List<WitnessStep> witness) {

    /** A report under construction; {@link #report()} hands it to the reporter it came from. */
    public static final class Builder {
        private final Reporter sink;
        private final Check check;
        private final Event at;
        private String message;
        private AppliedClause clause;
        private Confidence confidence;
        private List<Evidence> evidence = List.of();
        private String fixHint;
        private List<Fix> fixes = List.of();
        private List<WitnessStep> witness = List.of();

        Builder(Reporter sink, Check check, Event at) {
            this.sink = sink;
            this.check = Objects.requireNonNull(check);
            this.at = Objects.requireNonNull(at);
            this.confidence = check.info().confidence();
            this.fixHint = check.info().fixHint();
        }

        public Builder message(String m) { this.message = m; return this; }
        public Builder clause(AppliedClause c) { this.clause = c; return this; }
        public Builder confidence(Confidence c) { this.confidence = Objects.requireNonNull(c); return this; }
        public Builder evidence(List<Evidence> e) { this.evidence = List.copyOf(e); return this; }
        public Builder fixHint(String h) { this.fixHint = h; return this; }
        public Builder fixes(List<Fix> f) { this.fixes = List.copyOf(f); return this; }
        public Builder witness(List<WitnessStep> w) { this.witness = List.copyOf(w); return this; }

        public Report build() {
            if (message == null) throw new IllegalStateException(check.info().id() + ": a finding needs a message");
            return new Report(check, at, message, clause, confidence, evidence, fixHint, fixes, witness);
        }

        public void report() { sink.report(build()); }
    }
}
