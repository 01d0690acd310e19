package dev.mmlint.model.api;

import org.eclipse.emf.ecore.EObject;

/** A statement inside a clause; may narrow the clause's version window with its own since/before. */
public abstract sealed class Fact extends ModelElement permits FunctionFact, FieldFact, RangeFact, ValidatorFact {

    protected Fact(EObject eObject, String eClassName) {
        super(eObject, eClassName);
    }

    /** Wraps any Fact EObject in its concrete view. */
    public static Fact wrap(EObject e) {
        return switch (e.eClass().getName()) {
            case "FunctionFact" -> new FunctionFact(e);
            case "FieldFact" -> new FieldFact(e);
            case "RangeFact" -> new RangeFact(e);
            case "ValidatorFact" -> new ValidatorFact(e);
            default -> throw new IllegalArgumentException("not a fact: " + e.eClass().getName());
        };
    }

    public String since() { return str("since"); }
    public void setSince(String v) { set("since", v); }
    public String before() { return str("before"); }
    public void setBefore(String v) { set("before", v); }
    public String note() { return str("note"); }
    public void setNote(String v) { set("note", v); }

    /** The containing clause, or null. */
    public Clause clause() {
        EObject c = eObject.eContainer();
        return c == null ? null : new Clause(c);
    }

    /** The fact's own window (open bounds where not given); throws IllegalArgumentException when malformed. */
    public VersionWindow ownWindow() {
        return VersionWindow.parse(since(), before());
    }

    /** Clause window intersected with the fact's own; empty when they do not meet. */
    public java.util.Optional<VersionWindow> effectiveWindow() {
        Clause c = clause();
        VersionWindow cw = c == null ? VersionWindow.ALL : c.window();
        return cw.intersect(ownWindow());
    }
}
