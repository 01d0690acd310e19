package dev.mmlint.dsl;

import dev.mmlint.model.api.Clause;
import dev.mmlint.model.api.Effect;
import dev.mmlint.model.api.EffectSite;
import dev.mmlint.model.api.Fact;
import dev.mmlint.model.api.FieldFact;
import dev.mmlint.model.api.FunctionFact;
import dev.mmlint.model.api.RangeFact;
import dev.mmlint.model.api.Reference;
import dev.mmlint.model.api.RuleFile;
import dev.mmlint.model.api.ValidationKind;
import dev.mmlint.model.api.ValidatorFact;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a model as DSL text in canonical layout. Parsing the output gives an equal model
 * (comments and layout of the original are not kept). Each effect is printed on its own line.
 */
public final class RulePrinter {

    private static final int WRAP = 88;

    private RulePrinter() {
    }

    public static String print(RuleFile f) {
        StringBuilder sb = new StringBuilder();
        sb.append("family ").append(f.family()).append(' ').append(str(f.description())).append(";\n");
        if (f.confidence() != null) sb.append("confidence ").append(f.confidence().literal()).append(";\n");
        for (Reference r : f.references()) sb.append(ref(r)).append('\n');
        for (Clause c : f.clauses()) {
            sb.append('\n');
            clause(sb, c);
        }
        return sb.toString();
    }

    private static void clause(StringBuilder sb, Clause c) {
        sb.append("clause ").append(c.id()).append(" for ").append(c.rule()).append(" {\n");
        if (c.since() != null) sb.append("    since ").append(c.since()).append(";\n");
        if (c.before() != null) sb.append("    before ").append(c.before()).append(";\n");
        if (c.kconfig() != null) sb.append("    kconfig ").append(c.kconfig()).append(";\n");
        if (c.confidence() != null) sb.append("    confidence ").append(c.confidence().literal()).append(";\n");
        if (c.rationale() != null) sb.append("    why ").append(strings(c.rationale(), "        ")).append(";\n");
        for (Reference r : c.references()) sb.append("    ").append(ref(r)).append('\n');
        if (!c.facts().isEmpty()) sb.append('\n');
        for (Fact fact : c.facts()) fact(sb, fact);
        sb.append("}\n");
    }

    private static void fact(StringBuilder sb, Fact fact) {
        if (fact instanceof FunctionFact f) {
            sb.append("    ").append(f.kind().literal()).append(' ').append(f.name()).append('(')
                    .append(String.join(", ", f.params())).append(')').append(tail(f)).append(" {\n");
            for (Effect e : f.effects()) sb.append("        ").append(effect(e)).append(";\n");
            sb.append("    }\n");
        } else if (fact instanceof FieldFact f) {
            sb.append("    field ").append(f.struct()).append('.').append(f.field()).append(": ").append(f.access().literal())
                    .append(tail(f)).append(";\n");
        } else if (fact instanceof RangeFact f) {
            sb.append("    range ").append(str(f.pattern())).append(": ").append(f.bound().literal()).append(tail(f)).append(";\n");
        } else if (fact instanceof ValidatorFact f) {
            sb.append("    validator ").append(f.kind().literal()).append(' ').append(str(f.pattern())).append(tail(f)).append(";\n");
        }
    }

    private static String tail(Fact f) {
        StringBuilder sb = new StringBuilder();
        if (f.since() != null) sb.append(" since ").append(f.since());
        if (f.before() != null) sb.append(" before ").append(f.before());
        if (f.note() != null) sb.append(" note ").append(strings(f.note(), "        "));
        return sb.toString();
    }

    static String effect(Effect e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.site() == EffectSite.RETURN ? "return" : e.site() == EffectSite.ARRAY ? e.param() + "[]" : e.param());
        sb.append(": ").append(e.kind().literal());
        if (e.of() != null) sb.append(" of ").append(e.of());
        if (e.count() != null) sb.append(" count ").append(e.count());
        if (!e.validatedBy().isEmpty()) {
            sb.append(" validated_by(").append(e.validatedBy().stream().map(ValidationKind::literal).collect(Collectors.joining(", "))).append(')');
        }
        if (e.condition() != null) {
            sb.append(" when ").append(e.condition());
            if (e.conditionFlag() != null) sb.append(e.conditionFlagClear() ? " lacks " : " has ").append(e.conditionFlag());
        }
        return sb.toString();
    }

    private static String ref(Reference r) {
        return switch (r.kind()) {
            case COMMIT -> "ref commit " + r.target() + " " + str(r.subject()) + ";";
            case LKML, URL -> "ref " + r.kind().literal() + " " + str(r.target()) + (r.subject() == null ? "" : " " + str(r.subject())) + ";";
            case SOURCE, DOC -> "ref " + r.kind().literal() + " " + str(r.target()) + (r.subject() == null ? "" : " " + str(r.subject()))
                    + " at " + r.release() + ";";
        };
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** Long text as adjacent string literals split after spaces; concatenated they give the text back. */
    private static String strings(String s, String indent) {
        if (s.length() <= WRAP) return str(s);
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (s.length() - start > WRAP) {
            int cut = s.lastIndexOf(' ', start + WRAP);
            if (cut <= start) cut = start + WRAP - 1;
            parts.add(s.substring(start, cut + 1));
            start = cut + 1;
        }
        parts.add(s.substring(start));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) sb.append('\n').append(indent);
            sb.append(str(parts.get(i)));
        }
        return sb.toString();
    }
}
