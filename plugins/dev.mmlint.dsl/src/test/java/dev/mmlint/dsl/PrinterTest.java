package dev.mmlint.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.model.api.Clause;
import dev.mmlint.model.api.Confidence;
import dev.mmlint.model.api.Effect;
import dev.mmlint.model.api.EffectKind;
import dev.mmlint.model.api.EffectSite;
import dev.mmlint.model.api.FieldAccess;
import dev.mmlint.model.api.FieldFact;
import dev.mmlint.model.api.FunctionFact;
import dev.mmlint.model.api.FunctionKind;
import dev.mmlint.model.api.Reference;
import dev.mmlint.model.api.RuleFile;
import dev.mmlint.model.api.ValidationKind;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;

class PrinterTest {

    @Test
    void printsCanonicalTextForABuiltModel() {
        RuleFile f = RuleFile.create("printed.mmr", "printed");
        f.setDescription("built with the facade");
        f.setConfidence(Confidence.MEDIUM);
        Clause c = f.addClause(Clause.create("printed.spec", "MM003"));
        c.setSince("4.5");
        c.setKconfig("TRANSPARENT_HUGEPAGE");
        c.setRationale("say \"why\" with a backslash \\ too");
        c.addReference(Reference.commit("1d798ca3f164", "mm: make compound_head() robust"));
        FunctionFact fn = c.addFact(FunctionFact.create(FunctionKind.FN, "get_page_unless_zero", "page"));
        Effect e = fn.addEffect(Effect.create(EffectSite.PARAM, "page", EffectKind.SPECULATIVE_REF));
        e.addValidatedBy(ValidationKind.HEAD_RECHECK);
        e.addValidatedBy(ValidationKind.PTE_RECHECK);
        fn.setBefore("6.18");
        FieldFact ff = c.addFact(FieldFact.create("page", "index", FieldAccess.HEAD_ONLY));
        ff.setNote("head->index + (page - head)");
        String text = RulePrinter.print(f);
        assertEquals("""
                family printed "built with the facade";
                confidence medium;

                clause printed.spec for MM003 {
                    since 4.5;
                    kconfig TRANSPARENT_HUGEPAGE;
                    why "say \\"why\\" with a backslash \\\\ too";
                    ref commit 1d798ca3f164 "mm: make compound_head() robust";

                    fn get_page_unless_zero(page) before 6.18 {
                        page: speculative_ref validated_by(head_recheck, pte_recheck);
                    }
                    field page.index: head_only note "head->index + (page - head)";
                }
                """, text);
        RuleParser.Parsed back = RuleParser.parse(new RuleSource("printed.mmr", text));
        assertEquals(java.util.List.of(), back.diagnostics());
        assertTrue(EcoreUtil.equals(f.eObject(), back.file().eObject()));
    }

    @Test
    void longRationalesAreSplitAndJoinBackExactly() {
        String longText = "word ".repeat(60).trim() + " end";
        RuleFile f = RuleFile.create("wrap.mmr", "wrap");
        f.setDescription("d");
        f.setConfidence(Confidence.LOW);
        Clause c = f.addClause(Clause.create("wrap.long", "MM004"));
        c.setRationale(longText);
        String text = RulePrinter.print(f);
        assertTrue(text.lines().allMatch(l -> l.length() <= 100), text);
        assertEquals(longText, RuleParser.parse(new RuleSource("wrap.mmr", text)).file().clauses().get(0).rationale());
    }
}
