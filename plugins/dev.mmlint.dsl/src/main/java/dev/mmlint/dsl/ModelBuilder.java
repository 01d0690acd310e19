package dev.mmlint.dsl;

import dev.mmlint.dsl.MmrParser.*;
import dev.mmlint.model.MmModel;
import dev.mmlint.model.api.Clause;
import dev.mmlint.model.api.Confidence;
import dev.mmlint.model.api.Effect;
import dev.mmlint.model.api.EffectKind;
import dev.mmlint.model.api.EffectSite;
import dev.mmlint.model.api.Fact;
import dev.mmlint.model.api.FieldAccess;
import dev.mmlint.model.api.FieldFact;
import dev.mmlint.model.api.FunctionFact;
import dev.mmlint.model.api.FunctionKind;
import dev.mmlint.model.api.RangeBound;
import dev.mmlint.model.api.RangeFact;
import dev.mmlint.model.api.Reference;
import dev.mmlint.model.api.ReferenceKind;
import dev.mmlint.model.api.RuleFile;
import dev.mmlint.model.api.TreeContext;
import dev.mmlint.model.api.ValidationKind;
import dev.mmlint.model.api.ValidatorFact;
import dev.mmlint.model.kconfig.KconfigExpr;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.eclipse.emf.ecore.EObject;

/**
 * Visitor that turns a syntactically valid parse tree into a {@link RuleFile}, recording where every
 * object and attribute came from. Keywords with a closed vocabulary (effect kinds, confidence levels,
 * field access, range bounds, validation kinds) are checked here against the ecore enums, so the
 * vocabulary is defined once, in mmlint.ecore. Everything else is left to the model validator.
 */
final class ModelBuilder extends MmrParserBaseVisitor<Void> {

    private final String file;
    private final String expectedFamily;
    private final Consumer<DslDiagnostic> sink;
    private final SourceMap map;
    private RuleFile ruleFile;
    private Clause clause;
    private Set<String> clauseSingletons;

    ModelBuilder(String file, String expectedFamily, Consumer<DslDiagnostic> sink, SourceMap map) {
        this.file = file;
        this.expectedFamily = expectedFamily;
        this.sink = sink;
        this.map = map;
    }

    RuleFile build(FileContext ctx) {
        visit(ctx);
        return ruleFile;
    }

    // ------------------------------------------------------------------ helpers

    private SourceLocation loc(Token t) {
        return new SourceLocation(file, t.getLine(), t.getCharPositionInLine() + 1);
    }

    private SourceLocation loc(ParserRuleContext c) {
        return loc(c.getStart());
    }

    private void error(Token t, String msg) {
        sink.accept(DslDiagnostic.error(file, t.getLine(), t.getCharPositionInLine() + 1, msg));
    }

    private void error(ParserRuleContext c, String msg) {
        error(c.getStart(), msg);
    }

    private void at(EObject o, ParserRuleContext c) {
        map.put(o, loc(c));
    }

    private void at(EObject o, String feature, ParserRuleContext c) {
        if (c != null) map.put(o, feature, loc(c));
    }

    private void at(EObject o, String feature, Token t) {
        if (t != null) map.put(o, feature, loc(t));
    }

    static String unquote(String s) {
        String body = s.length() >= 2 ? s.substring(1, s.length() - 1) : "";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String strings(List<TerminalNode> parts) {
        StringBuilder sb = new StringBuilder();
        for (TerminalNode t : parts) sb.append(unquote(t.getText()));
        return sb.toString();
    }

    private <E extends Enum<E>> E keyword(Class<E> type, IdentContext id, String what) {
        String word = id.getText();
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(word)) return e;
        }
        List<String> all = MmModel.literals(type.getSimpleName());
        error(id, "unknown " + what + " '" + word + "'; expected one of: " + String.join(", ", all));
        return null;
    }

    private boolean once(String item, ParserRuleContext c) {
        if (!clauseSingletons.add(item)) {
            error(c, "duplicate '" + item + "' in clause '" + clause.id() + "'");
            return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ header

    @Override
    public Void visitFile(FileContext ctx) {
        HeaderContext h = ctx.header();
        ruleFile = RuleFile.create(file, h.ident().getText());
        ruleFile.setDescription(unquote(h.STRING().getText()));
        at(ruleFile.eObject(), h);
        at(ruleFile.eObject(), "family", h.ident());
        at(ruleFile.eObject(), "description", h.STRING().getSymbol());
        at(ruleFile.eObject(), "confidence", h);
        if (expectedFamily != null && !expectedFamily.equals(ruleFile.family())) {
            error(h.ident(), "family '" + ruleFile.family() + "' does not match the file name (" + expectedFamily + ".mmr): one family per file");
        }
        boolean confidenceSeen = false;
        for (HeaderItemContext item : h.headerItem()) {
            if (item instanceof HeaderConfidenceContext hc) {
                if (confidenceSeen) error(hc, "duplicate 'confidence' in file header");
                confidenceSeen = true;
                Confidence c = keyword(Confidence.class, hc.ident(), "confidence");
                if (c != null) ruleFile.setConfidence(c);
                at(ruleFile.eObject(), "confidence", hc.ident());
            } else if (item instanceof HeaderReferenceContext hr) {
                Reference r = reference(hr.reference());
                if (r != null) ruleFile.addReference(r);
            }
        }
        for (ClauseContext c : ctx.clause()) visit(c);
        return null;
    }

    // ------------------------------------------------------------------ clauses

    @Override
    public Void visitClause(ClauseContext ctx) {
        String id = ctx.clauseId().getText();
        clause = Clause.create(id, ctx.RULE_ID().getText());
        clauseSingletons = new HashSet<>();
        EObject o = clause.eObject();
        at(o, ctx.clauseId());
        at(o, "id", ctx.clauseId());
        at(o, "rule", ctx.RULE_ID().getSymbol());
        at(o, "rationale", ctx.clauseId());
        at(o, "references", ctx.clauseId());
        at(o, "facts", ctx.clauseId());
        ruleFile.addClause(clause);
        for (ClauseItemContext item : ctx.clauseItem()) visit(item);
        return null;
    }

    @Override
    public Void visitSinceItem(SinceItemContext ctx) {
        if (once("since", ctx)) {
            clause.setSince(ctx.version().getText());
            at(clause.eObject(), "since", ctx.version());
        }
        return null;
    }

    @Override
    public Void visitBeforeItem(BeforeItemContext ctx) {
        if (once("before", ctx)) {
            clause.setBefore(ctx.version().getText());
            at(clause.eObject(), "before", ctx.version());
        }
        return null;
    }

    @Override
    public Void visitKconfigItem(KconfigItemContext ctx) {
        if (!once("kconfig", ctx)) return null;
        KconfigExpr e = kexpr(ctx.kexpr());
        if (e != null) clause.setKconfig(e.text());
        at(clause.eObject(), "kconfig", ctx.kexpr());
        return null;
    }

    @Override
    public Void visitConfidenceItem(ConfidenceItemContext ctx) {
        if (!once("confidence", ctx)) return null;
        Confidence c = keyword(Confidence.class, ctx.ident(), "confidence");
        if (c != null) clause.setConfidence(c);
        at(clause.eObject(), "confidence", ctx.ident());
        return null;
    }

    @Override
    public Void visitWhyItem(WhyItemContext ctx) {
        if (!once("why", ctx)) return null;
        clause.setRationale(strings(ctx.STRING()));
        at(clause.eObject(), "rationale", ctx);
        return null;
    }

    @Override
    public Void visitReferenceItem(ReferenceItemContext ctx) {
        Reference r = reference(ctx.reference());
        if (r != null) clause.addReference(r);
        return null;
    }

    private Reference reference(ReferenceContext ctx) {
        Reference r;
        if (ctx instanceof CommitRefContext c) {
            r = Reference.create(ReferenceKind.COMMIT, c.commitId().getText(), unquote(c.STRING().getText()));
            at(r.eObject(), "target", c.commitId());
            at(r.eObject(), "subject", c.STRING().getSymbol());
        } else if (ctx instanceof LkmlRefContext l) {
            r = Reference.create(ReferenceKind.LKML, unquote(l.STRING(0).getText()), l.STRING().size() > 1 ? unquote(l.STRING(1).getText()) : null);
            at(r.eObject(), "target", l.STRING(0).getSymbol());
        } else if (ctx instanceof UrlRefContext u) {
            r = Reference.create(ReferenceKind.URL, unquote(u.STRING(0).getText()), u.STRING().size() > 1 ? unquote(u.STRING(1).getText()) : null);
            at(r.eObject(), "target", u.STRING(0).getSymbol());
        } else if (ctx instanceof SourceRefContext s) {
            r = Reference.create(ReferenceKind.SOURCE, unquote(s.STRING(0).getText()), s.STRING().size() > 1 ? unquote(s.STRING(1).getText()) : null);
            r.setRelease(s.version().getText());
            at(r.eObject(), "target", s.STRING(0).getSymbol());
            at(r.eObject(), "release", s.version());
        } else if (ctx instanceof DocRefContext d) {
            r = Reference.create(ReferenceKind.DOC, unquote(d.STRING(0).getText()), d.STRING().size() > 1 ? unquote(d.STRING(1).getText()) : null);
            r.setRelease(d.version().getText());
            at(r.eObject(), "target", d.STRING(0).getSymbol());
            at(r.eObject(), "release", d.version());
        } else {
            return null;
        }
        at(r.eObject(), ctx);
        return r;
    }

    // ------------------------------------------------------------------ facts

    private void window(Fact f, WindowContext w) {
        if (w instanceof SinceWindowContext s) {
            f.setSince(s.version(0).getText());
            at(f.eObject(), "since", s.version(0));
            if (s.version().size() > 1) {
                f.setBefore(s.version(1).getText());
                at(f.eObject(), "before", s.version(1));
            }
        } else if (w instanceof BeforeWindowContext b) {
            f.setBefore(b.version().getText());
            at(f.eObject(), "before", b.version());
        }
    }

    private void note(Fact f, NoteContext n) {
        if (n != null) f.setNote(strings(n.STRING()));
    }

    @Override
    public Void visitFunctionItem(FunctionItemContext ctx) {
        FunctionFactContext fc = ctx.functionFact();
        FunctionKind kind = fc.fnKind() instanceof FnKindMacroContext ? FunctionKind.MACRO
                : fc.fnKind() instanceof FnKindBuiltinContext ? FunctionKind.BUILTIN : FunctionKind.FN;
        FunctionFact f = FunctionFact.create(kind, fc.ident().getText());
        at(f.eObject(), fc);
        at(f.eObject(), "name", fc.ident());
        at(f.eObject(), "effects", fc.ident());
        if (fc.paramList() != null) {
            for (IdentContext p : fc.paramList().ident()) f.addParam(p.getText());
            at(f.eObject(), "params", fc.paramList());
        } else {
            at(f.eObject(), "params", fc.ident());
        }
        window(f, fc.window());
        note(f, fc.note());
        for (EffectContext ec : fc.effect()) effect(f, ec);
        clause.addFact(f);
        return null;
    }

    private void effect(FunctionFact f, EffectContext ec) {
        EffectSite site;
        String param = null;
        SiteContext sc = ec.site();
        if (sc instanceof ReturnSiteContext) {
            site = EffectSite.RETURN;
        } else if (sc instanceof ArraySiteContext a) {
            site = EffectSite.ARRAY;
            param = a.ident().getText();
        } else {
            site = EffectSite.PARAM;
            param = ((ParamSiteContext) sc).ident().getText();
        }
        for (EffectItemContext item : ec.effectItem()) {
            EffectKind kind = keyword(EffectKind.class, item.ident(0), "effect");
            if (kind == null) continue;
            Effect e = Effect.create(site, param, kind);
            EObject o = e.eObject();
            at(o, item);
            at(o, "kind", item.ident(0));
            at(o, "param", sc);
            int next = 1;
            if (item.OF() != null) {
                e.setOf(item.ident(next).getText());
                at(o, "of", item.ident(next));
                next++;
            }
            if (item.COUNT() != null) {
                e.setCount(item.ident(next).getText());
                at(o, "count", item.ident(next));
            }
            if (item.validatedBy() != null) {
                at(o, "validatedBy", item.validatedBy());
                for (IdentContext v : item.validatedBy().ident()) {
                    ValidationKind vk = keyword(ValidationKind.class, v, "validation");
                    if (vk != null) e.addValidatedBy(vk);
                }
            }
            if (ec.condition() != null) {
                List<IdentContext> c = ec.condition().ident();
                e.setCondition(c.get(0).getText());
                at(o, "condition", c.get(0));
                if (c.size() > 1) {
                    e.setConditionFlag(c.get(1).getText());
                    at(o, "conditionFlag", c.get(1));
                    if (ec.condition().LACKS() != null) e.setConditionFlagClear(true);
                }
            }
            f.addEffect(e);
        }
    }

    @Override
    public Void visitFieldItem(FieldItemContext ctx) {
        String struct;
        String field;
        FieldRefContext fr = ctx.fieldRef();
        if (fr instanceof DottedFieldContext d) {
            String[] parts = d.DOTTED().getText().split("\\.");
            if (parts.length != 2) {
                error(d, "a field is written struct.field, e.g. page.mapping");
                return null;
            }
            struct = parts[0];
            field = parts[1];
        } else {
            SpacedFieldContext s = (SpacedFieldContext) fr;
            struct = s.ident(0).getText();
            field = s.STAR() != null ? "*" : s.ident(1).getText();
        }
        FieldAccess access = keyword(FieldAccess.class, ctx.ident(), "field access");
        if (access == null) return null;
        FieldFact f = FieldFact.create(struct, field, access);
        at(f.eObject(), ctx);
        at(f.eObject(), "struct", fr);
        at(f.eObject(), "field", fr);
        at(f.eObject(), "access", ctx.ident());
        window(f, ctx.window());
        note(f, ctx.note());
        clause.addFact(f);
        return null;
    }

    @Override
    public Void visitRangeItem(RangeItemContext ctx) {
        RangeBound bound = keyword(RangeBound.class, ctx.ident(), "range bound");
        if (bound == null) return null;
        RangeFact f = RangeFact.create(unquote(ctx.STRING().getText()), bound);
        at(f.eObject(), ctx);
        at(f.eObject(), "pattern", ctx.STRING().getSymbol());
        at(f.eObject(), "bound", ctx.ident());
        window(f, ctx.window());
        note(f, ctx.note());
        clause.addFact(f);
        return null;
    }

    @Override
    public Void visitValidatorItem(ValidatorItemContext ctx) {
        ValidationKind kind = keyword(ValidationKind.class, ctx.ident(), "validation");
        if (kind == null) return null;
        ValidatorFact f = ValidatorFact.create(kind, unquote(ctx.STRING().getText()));
        at(f.eObject(), ctx);
        at(f.eObject(), "kind", ctx.ident());
        at(f.eObject(), "pattern", ctx.STRING().getSymbol());
        window(f, ctx.window());
        note(f, ctx.note());
        clause.addFact(f);
        return null;
    }

    // ------------------------------------------------------------------ Kconfig

    private KconfigExpr kexpr(KexprContext k) {
        if (k instanceof KNotContext n) {
            KconfigExpr e = kexpr(n.kexpr());
            return e == null ? null : new KconfigExpr.Not(e);
        }
        if (k instanceof KAndContext a) {
            KconfigExpr l = kexpr(a.kexpr(0)), r = kexpr(a.kexpr(1));
            return l == null || r == null ? null : new KconfigExpr.And(l, r);
        }
        if (k instanceof KOrContext o) {
            KconfigExpr l = kexpr(o.kexpr(0)), r = kexpr(o.kexpr(1));
            return l == null || r == null ? null : new KconfigExpr.Or(l, r);
        }
        if (k instanceof KParenContext p) return kexpr(p.kexpr());
        if (k instanceof KCompareContext c) {
            String sym = ksym(c.ksym());
            if (sym == null) return null;
            KvalueContext v = c.kvalue();
            String value = v instanceof KStringValueContext s ? unquote(s.STRING().getText()) : v.getText();
            return new KconfigExpr.Cmp(sym, c.EQ() != null, value);
        }
        if (k instanceof KSymbolContext s) {
            String sym = ksym(s.ksym());
            return sym == null ? null : new KconfigExpr.Sym(sym);
        }
        return null;
    }

    private String ksym(KsymContext k) {
        Token first = k.getStart();
        Token last = k.getStop();
        if (first != last && first.getStopIndex() + 1 != last.getStartIndex()) {
            error(k, "a CONFIG symbol is one word: '" + k.getText() + "'");
            return null;
        }
        String text = k.getText();
        if (!text.matches("[A-Z0-9_]*[A-Z][A-Z0-9_]*")) {
            error(k, "CONFIG symbols are upper case: '" + text + "'");
            return null;
        }
        return TreeContext.normalizeSymbol(text);
    }
}
