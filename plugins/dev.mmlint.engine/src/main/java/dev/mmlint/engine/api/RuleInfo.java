package dev.mmlint.engine.api;

import dev.mmlint.model.api.Confidence;

/**
 * A rule's metadata, declared once (by its check class) and derived everywhere else: the CLI's
 * rule list, the SARIF rule table, the IDE preference page and problem types, the docs.
 *
 * @param id         MMnnn, fixed
 * @param slug       kebab-case name
 * @param severity   default severity
 * @param confidence declared confidence
 * @param summary    one line, at most 80 characters, lower-case, no trailing period
 * @param fixHint    the generic fix hint printed with findings (a finding may refine it)
 * @param offersFix  whether its findings carry machine-applicable fixes (then a *.fixed.c fixture is owed)
 */
public record RuleInfo(String id, String slug, Severity severity, Confidence confidence, String summary, String fixHint,
                       boolean offersFix) {
    public RuleInfo {
        if (!id.matches("MM\\d{3}")) throw new IllegalArgumentException("rule id must be MMnnn: " + id);
        if (summary.length() > 80) throw new IllegalArgumentException(id + ": summary over 80 characters");
    }

    /** Where the rationale lives, relative to the repository root. */
    public String rationalePath() { return "plugins/dev.mmlint.checks/rationale/" + id + ".md"; }
}
