import dev.mmlint.model.api.Confidence;
import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.engine.check.Check;
import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.check.Reporter;

/**
 * A custom rule next to the rule files: reads of page->index through a page a lookup may have
 * returned as a tail, reported as their own rule id (MM102), citing MM002's model clause.
 */
public final class TailIndexRead implements Check {
    static final RuleInfo INFO = new RuleInfo("MM102", "tail-page-index-read", Severity.NOTE, Confidence.MEDIUM,
            "page->index read through a page that may be a tail", "use folio->index or page_pgoff()", false);

    @Override public RuleInfo info() { return INFO; }

    @Override public String refines() { return "MM002"; }

    @Override public void on(Event e, Reporter r) {
        if (e instanceof Event.FieldAccess f && !f.write() && f.field().equals("index") && f.headOnly() != null
                && f.value().shape().mayBeTail() && f.value().originClause() != null)
            r.finding(this, f).message("'" + f.base() + "->index' of a page that may be a tail is not the file offset")
                    .clause(f.headOnly()).witness(f.value().witness()).report();
    }
}
