package dev.mmlint.model.validation;

import java.util.List;
import org.eclipse.emf.ecore.EObject;

/**
 * One validation finding on a model: the problem, a kernel-voice message, the object it is about,
 * the feature (attribute name) when the problem is about one attribute, and related objects (e.g. the
 * other definition of an overlapping pair). The DSL layer maps objects back to file:line:col.
 */
public record ModelIssue(boolean error, ModelProblem problem, String message, EObject subject, String feature,
        List<EObject> related) {
}
