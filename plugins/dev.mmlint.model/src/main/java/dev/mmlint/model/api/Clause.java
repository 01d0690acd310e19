package dev.mmlint.model.api;

import dev.mmlint.model.MmModel;
import dev.mmlint.model.kconfig.KconfigExpr;
import java.util.List;
import java.util.Optional;
import org.eclipse.emf.ecore.EObject;

/**
 * A clause: one named piece of kernel knowledge backing one rule, with its applicability (version
 * window and Kconfig predicate), confidence, rationale and upstream references, and the facts it states.
 */
public final class Clause extends ModelElement {

    public Clause(EObject eObject) {
        super(eObject, "Clause");
    }

    public static Clause create(String id, String rule) {
        Clause c = new Clause(MmModel.create("Clause"));
        c.setId(id);
        c.setRule(rule);
        return c;
    }

    public String id() { return str("id"); }
    public void setId(String v) { set("id", v); }
    public String rule() { return str("rule"); }
    public void setRule(String v) { set("rule", v); }
    /** The clause's own confidence, or null to inherit the file header's. */
    public Confidence confidence() { return enumValue("confidence", Confidence.class); }
    public void setConfidence(Confidence v) { setEnum("confidence", v); }
    public String since() { return str("since"); }
    public void setSince(String v) { set("since", v); }
    public String before() { return str("before"); }
    public void setBefore(String v) { set("before", v); }
    /** Canonical Kconfig predicate text, or null when the clause holds for every configuration. */
    public String kconfig() { return str("kconfig"); }
    public void setKconfig(String v) { set("kconfig", v); }
    public String rationale() { return str("rationale"); }
    public void setRationale(String v) { set("rationale", v); }

    public List<Reference> references() { return wrapAll("references", Reference::new); }

    public Reference addReference(Reference r) {
        refs("references").add(r.eObject());
        return r;
    }

    public List<Fact> facts() { return wrapAll("facts", Fact::wrap); }

    public <F extends Fact> F addFact(F f) {
        refs("facts").add(f.eObject());
        return f;
    }

    /** The containing file, or null for a detached clause. */
    public RuleFile file() {
        EObject c = eObject.eContainer();
        return c == null ? null : new RuleFile(c);
    }

    /** Own confidence, else the file's, else medium. */
    public Confidence effectiveConfidence() {
        Confidence c = confidence();
        if (c != null) return c;
        RuleFile f = file();
        if (f != null && f.confidence() != null) return f.confidence();
        return Confidence.MEDIUM;
    }

    /** The version window; throws IllegalArgumentException when a bound is malformed (the validator reports it). */
    public VersionWindow window() {
        return VersionWindow.parse(since(), before());
    }

    /** The parsed Kconfig predicate, empty when none; throws KconfigSyntaxException when malformed. */
    public Optional<KconfigExpr> kconfigExpr() {
        String k = kconfig();
        return k == null || k.isBlank() ? Optional.empty() : Optional.of(KconfigExpr.parse(k));
    }
}
