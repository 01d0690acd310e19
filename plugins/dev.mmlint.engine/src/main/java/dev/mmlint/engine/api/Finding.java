package dev.mmlint.engine.api;

import dev.mmlint.model.api.Confidence;

import java.util.Comparator;
import java.util.List;

/**
 * One violation. Positions are 1-based against the real file text.
 *
 * @param file          display path (relative to the tree root when there is one)
 * @param function      the function holding it
 * @param message       the fact, in kernel voice (lower-case, no trailing period)
 * @param evidence      where the value came from and the path to the use
 * @param clause        the reference-model clause it violates
 * @param applicability why that clause applies to this tree (version window, Kconfig)
 * @param witness       the API operations along the path, as replayed on the reference model
 * @param confirmed     whether the replay confirmed the violation
 * @param fingerprint   stable across unrelated line drift (see {@link Fingerprints})
 */
public record Finding(String ruleId, Severity severity, Confidence confidence, String file, String function,
                      int line, int column, int endLine, int endColumn, String message,
                      List<Evidence> evidence, String fixHint, List<Fix> fixes, String clause,
                      String applicability, List<String> witness, boolean confirmed, String confirmation,
                      String fingerprint) {
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line).thenComparingInt(Finding::column)
            .thenComparing(Finding::ruleId).thenComparing(Finding::message);
}
