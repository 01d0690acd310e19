package dev.mmlint.model.api;

import dev.mmlint.model.MmModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/** The root: every loaded rule file. */
public final class RuleSet extends ModelElement {

    public RuleSet(EObject eObject) {
        super(eObject, "RuleSet");
    }

    public static RuleSet create() {
        return new RuleSet(MmModel.create("RuleSet"));
    }

    public List<RuleFile> files() {
        return wrapAll("files", RuleFile::new);
    }

    public RuleFile addFile(RuleFile f) {
        refs("files").add(f.eObject());
        return f;
    }

    public List<Clause> clauses() {
        List<Clause> out = new ArrayList<>();
        for (RuleFile f : files()) out.addAll(f.clauses());
        return out;
    }

    public Optional<Clause> clause(String id) {
        return clauses().stream().filter(c -> id.equals(c.id())).findFirst();
    }

    /** Structural equality of two models (EMF EqualityHelper over the containment trees). */
    public boolean sameAs(RuleSet other) {
        return EcoreUtil.equals(eObject, other.eObject);
    }

    /** A deep copy. */
    public RuleSet copy() {
        return new RuleSet(EcoreUtil.copy(eObject));
    }
}
