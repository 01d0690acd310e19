package dev.mmlint.model.api;

import dev.mmlint.model.MmModel;
import org.eclipse.emf.ecore.EObject;

/**
 * A C condition that validates a speculative reference when it is tested and the code bails out
 * (drops the reference) on failure: {@code validator head_recheck "compound_head($page) != $head";}.
 */
public final class ValidatorFact extends Fact {

    public ValidatorFact(EObject eObject) {
        super(eObject, "ValidatorFact");
    }

    public static ValidatorFact create(ValidationKind kind, String pattern) {
        ValidatorFact f = new ValidatorFact(MmModel.create("ValidatorFact"));
        f.setKind(kind);
        f.setPattern(pattern);
        return f;
    }

    public ValidationKind kind() { return enumValue("kind", ValidationKind.class); }
    public void setKind(ValidationKind v) { setEnum("kind", v); }
    public String pattern() { return str("pattern"); }
    public void setPattern(String v) { set("pattern", v); }

    public ExprPattern compiled() {
        return ExprPattern.compile(pattern());
    }
}
