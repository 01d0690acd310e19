package dev.mmlint.model.validation;

import dev.mmlint.model.MmModel;
import dev.mmlint.model.api.RuleSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.impl.EValidatorRegistryImpl;
import org.eclipse.emf.ecore.util.Diagnostician;

/** Runs the EMF {@link Diagnostician} with the {@link MmlintValidator} over a model and flattens the result. */
public final class ModelValidation {

    private ModelValidation() {
    }

    /** Validates with rule ids checked for their form only (MMnnn). */
    public static Diagnostic diagnose(RuleSet rules) {
        return diagnose(rules, null);
    }

    /** @param knownRules the rule ids a clause may back (the loader's built-in and custom rules); null: any MMnnn */
    public static Diagnostic diagnose(RuleSet rules, Collection<String> knownRules) {
        EValidator.Registry reg = new EValidatorRegistryImpl();
        reg.put(MmModel.ePackage(), new MmlintValidator());
        Map<Object, Object> context = new HashMap<>();
        if (knownRules != null) context.put(MmlintValidator.KNOWN_RULES, Set.copyOf(knownRules));
        Diagnostician d = new Diagnostician(reg);
        return d.validate(rules.eObject(), context);
    }

    public static List<ModelIssue> validate(RuleSet rules) {
        return validate(rules, null);
    }

    public static List<ModelIssue> validate(RuleSet rules, Collection<String> knownRules) {
        List<ModelIssue> out = new ArrayList<>();
        flatten(diagnose(rules, knownRules), out);
        return out;
    }

    private static void flatten(Diagnostic d, List<ModelIssue> out) {
        if (d.getSeverity() != Diagnostic.OK && ModelProblem.SOURCE.equals(d.getSource()) || isEmf(d)) {
            EObject subject = null;
            String feature = null;
            List<EObject> related = new ArrayList<>();
            for (Object o : d.getData()) {
                if (o instanceof EStructuralFeature f) feature = f.getName();
                else if (o instanceof EObject e) {
                    if (subject == null) subject = e;
                    else related.add(e);
                }
            }
            ModelProblem p = ModelProblem.SOURCE.equals(d.getSource()) ? ModelProblem.ofCode(d.getCode()) : ModelProblem.EMF_CONSTRAINT;
            out.add(new ModelIssue(d.getSeverity() >= Diagnostic.ERROR, p, d.getMessage(), subject, feature, List.copyOf(related)));
        }
        for (Diagnostic c : d.getChildren()) flatten(c, out);
    }

    private static boolean isEmf(Diagnostic d) {
        return d.getSeverity() != Diagnostic.OK && d.getChildren().isEmpty() && !ModelProblem.SOURCE.equals(d.getSource())
                && d.getData().stream().anyMatch(o -> o instanceof EObject);
    }
}
