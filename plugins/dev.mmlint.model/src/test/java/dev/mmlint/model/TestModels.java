package dev.mmlint.model;

import dev.mmlint.model.api.Clause;
import dev.mmlint.model.api.Confidence;
import dev.mmlint.model.api.Effect;
import dev.mmlint.model.api.EffectKind;
import dev.mmlint.model.api.EffectSite;
import dev.mmlint.model.api.FieldAccess;
import dev.mmlint.model.api.FieldFact;
import dev.mmlint.model.api.FunctionFact;
import dev.mmlint.model.api.FunctionKind;
import dev.mmlint.model.api.RangeBound;
import dev.mmlint.model.api.RangeFact;
import dev.mmlint.model.api.Reference;
import dev.mmlint.model.api.RuleFile;
import dev.mmlint.model.api.RuleSet;
import dev.mmlint.model.api.ValidationKind;
import dev.mmlint.model.api.ValidatorFact;

/**
 * A small, valid model built through the facade (the model module cannot parse the DSL): enough
 * clauses for the validator, query and simulator tests. The shipped rules are tested in the DSL module.
 */
public final class TestModels {

    private TestModels() {
    }

    public static Clause clause(RuleFile f, String id, String rule) {
        Clause c = f.addClause(Clause.create(id, rule));
        c.setRationale("test rationale for " + id);
        c.addReference(Reference.source("mm/gup.c", id, "6.1"));
        return c;
    }

    public static RuleFile file(RuleSet rs, String family) {
        RuleFile f = rs.addFile(RuleFile.create("rules/" + family + ".mmr", family));
        f.setDescription(family + " test family");
        f.setConfidence(Confidence.HIGH);
        return f;
    }

    public static FunctionFact fn(Clause c, String name, String... params) {
        return c.addFact(FunctionFact.create(FunctionKind.FN, name, params));
    }

    public static Effect effect(FunctionFact f, EffectSite site, String param, EffectKind kind) {
        return f.addEffect(Effect.create(site, param, kind));
    }

    public static RuleSet small() {
        RuleSet rs = RuleSet.create();
        RuleFile compound = file(rs, "compound");
        Clause heads = clause(compound, "compound.head-producers", "MM004");
        heads.setSince("4.5");
        fn(heads, "compound_head", "page").with(EffectSite.RETURN, null, EffectKind.HEAD).with(EffectSite.PARAM, "page", EffectKind.ACCEPTS_TAIL);
        fn(heads, "pte_page", "pte").with(EffectSite.RETURN, null, EffectKind.POSSIBLY_TAIL);
        c(heads, "page_add").with(EffectSite.RETURN, null, EffectKind.POSSIBLY_TAIL);

        Clause headOnly = clause(compound, "compound.head-only-functions", "MM004");
        fn(headOnly, "page_move_anon_rmap", "page", "vma").with(EffectSite.PARAM, "page", EffectKind.REQUIRES_HEAD).setBefore("4.7");
        fn(headOnly, "isolate_lru_page", "page").with(EffectSite.PARAM, "page", EffectKind.REQUIRES_HEAD);

        Clause tailOk = clause(compound, "compound.tail-ok", "MM004");
        tailOk.setSince("4.7");
        fn(tailOk, "page_move_anon_rmap", "page", "vma").with(EffectSite.PARAM, "page", EffectKind.ACCEPTS_TAIL);

        Clause fields = clause(compound, "compound.tail-head-only-field", "MM002");
        fields.addFact(FieldFact.create("page", "mapping", FieldAccess.HEAD_ONLY));
        fields.addFact(FieldFact.create("page", "flags", FieldAccess.PER_PAGE));
        fields.addFact(FieldFact.create("folio", "*", FieldAccess.ALWAYS_HEAD));

        RuleFile refs = file(rs, "refcount");
        Clause getput = clause(refs, "refcount.get-put", "MM007");
        fn(getput, "get_page", "page").with(EffectSite.PARAM, "page", EffectKind.GETS_REF);
        fn(getput, "put_page", "page").with(EffectSite.PARAM, "page", EffectKind.PUTS_REF);
        fn(getput, "alloc_pages", "gfp", "order").with(EffectSite.RETURN, null, EffectKind.GETS_REF);

        Clause spec = clause(refs, "refcount.speculative-on-head", "MM003");
        FunctionFact gpuz = fn(spec, "get_page_unless_zero", "page");
        gpuz.with(EffectSite.PARAM, "page", EffectKind.REQUIRES_HEAD);
        Effect se = effect(gpuz, EffectSite.PARAM, "page", EffectKind.SPECULATIVE_REF);
        se.addValidatedBy(ValidationKind.HEAD_RECHECK);
        se.addValidatedBy(ValidationKind.PTE_RECHECK);
        gpuz.with(EffectSite.RETURN, null, EffectKind.TRUE_IF_TAKEN);
        spec.addFact(ValidatorFact.create(ValidationKind.HEAD_RECHECK, "compound_head($page) != $head"));

        RuleFile gup = file(rs, "pin");
        Clause pin = clause(gup, "pin.pin-needs-unpin", "MM007");
        pin.setSince("5.6");
        FunctionFact pup = fn(pin, "pin_user_pages", "start", "nr_pages", "gup_flags", "pages");
        pup.setSince("6.5");
        Effect pins = effect(pup, EffectSite.ARRAY, "pages", EffectKind.PINS);
        pins.setCount("nr_pages");
        effect(pup, EffectSite.ARRAY, "pages", EffectKind.POSSIBLY_TAIL);
        effect(pup, EffectSite.RETURN, null, EffectKind.COUNT_TAKEN);
        FunctionFact pupOld = fn(pin, "pin_user_pages", "start", "nr_pages", "gup_flags", "pages", "vmas");
        pupOld.setBefore("6.5");
        effect(pupOld, EffectSite.ARRAY, "pages", EffectKind.PINS).setCount("nr_pages");
        effect(pupOld, EffectSite.RETURN, null, EffectKind.COUNT_TAKEN);
        fn(pin, "unpin_user_page", "page").with(EffectSite.PARAM, "page", EffectKind.UNPINS);
        effect(fn(pin, "unpin_user_pages", "pages", "npages"), EffectSite.ARRAY, "pages", EffectKind.UNPINS).setCount("npages");

        RuleFile ranges = file(rs, "ranges");
        Clause sect = clause(ranges, "contiguity.page-arith-section", "MM001");
        sect.setBefore("6.18");
        sect.setKconfig("SPARSEMEM && !SPARSEMEM_VMEMMAP");
        c(sect, "page_add").with(EffectSite.RETURN, null, EffectKind.CONTIGUITY_UNSAFE);
        sect.addFact(RangeFact.create("1UL << $order", RangeBound.WITHIN_MAX_ORDER));
        sect.addFact(RangeFact.create("pages_per_huge_page($h)", RangeBound.MAY_EXCEED_MAX_ORDER));

        RuleFile prep = file(rs, "prep");
        Clause pc = clause(prep, "prep.freeze-before-prep", "MM006");
        fn(pc, "prep_compound_page", "page", "order").with(EffectSite.PARAM, "page", EffectKind.PREPARES);
        fn(pc, "set_page_count", "page", "v").with(EffectSite.PARAM, "page", EffectKind.SETS_REFCOUNT);
        fn(pc, "set_page_refcounted", "page").with(EffectSite.PARAM, "page", EffectKind.SETS_REFCOUNT)
                .with(EffectSite.PARAM, "page", EffectKind.REQUIRES_HEAD);
        fn(pc, "page_ref_freeze", "page", "count").with(EffectSite.PARAM, "page", EffectKind.FREEZES);
        fn(pc, "page_ref_unfreeze", "page", "count").with(EffectSite.PARAM, "page", EffectKind.UNFREEZES);
        fn(pc, "folio_add_lru", "folio").with(EffectSite.PARAM, "folio", EffectKind.PUBLISHES);
        return rs;
    }

    private static FunctionFact c(Clause cl, String name) {
        return cl.addFact(FunctionFact.create(FunctionKind.BUILTIN, name, "page", "n"));
    }
}
