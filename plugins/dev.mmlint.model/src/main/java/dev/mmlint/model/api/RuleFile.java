package dev.mmlint.model.api;

import dev.mmlint.model.MmModel;
import java.util.List;
import org.eclipse.emf.ecore.EObject;

/** One rules/*.mmr file: a kernel API family with its header (description, confidence, references). */
public final class RuleFile extends ModelElement {

    public RuleFile(EObject eObject) {
        super(eObject, "RuleFile");
    }

    public static RuleFile create(String path, String family) {
        RuleFile f = new RuleFile(MmModel.create("RuleFile"));
        f.setPath(path);
        f.setFamily(family);
        return f;
    }

    public String path() { return str("path"); }
    public void setPath(String v) { set("path", v); }
    public String family() { return str("family"); }
    public void setFamily(String v) { set("family", v); }
    public String description() { return str("description"); }
    public void setDescription(String v) { set("description", v); }
    /** The header confidence, or null when the header did not declare one. */
    public Confidence confidence() { return enumValue("confidence", Confidence.class); }
    public void setConfidence(Confidence v) { setEnum("confidence", v); }

    public List<Reference> references() { return wrapAll("references", Reference::new); }

    public Reference addReference(Reference r) {
        refs("references").add(r.eObject());
        return r;
    }

    public List<Clause> clauses() { return wrapAll("clauses", Clause::new); }

    public Clause addClause(Clause c) {
        refs("clauses").add(c.eObject());
        return c;
    }
}
