package dev.mmlint.model.validation;

import static dev.mmlint.model.TestModels.clause;
import static dev.mmlint.model.TestModels.effect;
import static dev.mmlint.model.TestModels.file;
import static dev.mmlint.model.TestModels.fn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.model.MmModel;
import dev.mmlint.model.TestModels;
import dev.mmlint.model.api.Clause;
import dev.mmlint.model.api.EffectKind;
import dev.mmlint.model.api.EffectSite;
import dev.mmlint.model.api.FieldAccess;
import dev.mmlint.model.api.FieldFact;
import dev.mmlint.model.api.FunctionFact;
import dev.mmlint.model.api.Reference;
import dev.mmlint.model.api.RuleFile;
import dev.mmlint.model.api.RuleSet;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    private static List<ModelProblem> problems(RuleSet rs) {
        return ModelValidation.validate(rs).stream().map(ModelIssue::problem).collect(Collectors.toList());
    }

    private static void assertOnly(RuleSet rs, ModelProblem expected) {
        List<ModelIssue> issues = ModelValidation.validate(rs);
        assertEquals(List.of(expected), issues.stream().map(ModelIssue::problem).toList(), () -> issues.toString());
    }

    @Test
    void theTestModelIsValid() {
        assertEquals(List.of(), ModelValidation.validate(TestModels.small()));
    }

    @Test
    void validatorIsRegisteredForTheGlobalDiagnostician() {
        RuleSet rs = TestModels.small();
        rs.clauses().get(0).setRule("MM99");
        MmModel.init();
        Diagnostic d = Diagnostician.INSTANCE.validate(rs.eObject());
        assertEquals(Diagnostic.ERROR, d.getSeverity());
        assertTrue(d.getChildren().stream().anyMatch(c -> c.getCode() == ModelProblem.UNKNOWN_RULE.code()));
    }

    @Test
    void headAndPossiblyTailInOverlappingWindowsIsAContradiction() {
        RuleSet rs = TestModels.small();
        Clause c = clause(file(rs, "extra"), "extra.claims-head", "MM004");
        c.setSince("5.0");
        fn(c, "pte_page", "pte").with(EffectSite.RETURN, null, EffectKind.HEAD);
        List<ModelIssue> issues = ModelValidation.validate(rs);
        assertEquals(1, issues.size(), issues::toString);
        ModelIssue i = issues.get(0);
        assertEquals(ModelProblem.CONTRADICTION, i.problem());
        assertTrue(i.message().contains("pte_page(): the return value is head here but possibly_tail in clause 'compound.head-producers'"), i.message());
        assertEquals(1, i.related().size());
    }

    @Test
    void disjointWindowsOrKconfigDoNotConflict() {
        RuleSet rs = TestModels.small();
        Clause old = clause(file(rs, "extra"), "extra.old-kernels", "MM004");
        old.setBefore("4.5");
        fn(old, "pte_page", "pte").with(EffectSite.RETURN, null, EffectKind.HEAD);
        Clause vm = clause(rs.files().get(3), "contiguity.vmemmap", "MM001");
        vm.setKconfig("SPARSEMEM_VMEMMAP");
        vm.setBefore("6.18");
        FunctionFact add = vm.addFact(FunctionFact.create(dev.mmlint.model.api.FunctionKind.BUILTIN, "page_add", "page", "n"));
        add.with(EffectSite.RETURN, null, EffectKind.CONTIGUITY_SAFE);
        assertEquals(List.of(), ModelValidation.validate(rs));
    }

    @Test
    void sameEffectTwiceInOverlappingWindowsIsAnOverlap() {
        RuleSet rs = TestModels.small();
        Clause c = clause(file(rs, "extra"), "extra.dup", "MM007");
        c.setSince("6.0");
        c.setBefore("6.12");
        fn(c, "put_page", "page").with(EffectSite.PARAM, "page", EffectKind.PUTS_REF);
        assertOnly(rs, ModelProblem.OVERLAPPING_DEFINITION);
    }

    @Test
    void differentArityInOverlappingWindowsIsASignatureConflict() {
        RuleSet rs = TestModels.small();
        Clause c = clause(file(rs, "extra"), "extra.sig", "MM007");
        c.setSince("6.1");
        fn(c, "pin_user_pages", "start", "nr_pages", "pages").with(EffectSite.RETURN, null, EffectKind.POSSIBLY_TAIL);
        List<ModelProblem> p = problems(rs);
        assertTrue(p.contains(ModelProblem.SIGNATURE_CONFLICT), p::toString);
    }

    @Test
    void clauseNeedsRationaleAndReference() {
        RuleSet rs = TestModels.small();
        Clause c = rs.clauses().get(0);
        c.setRationale("  ");
        assertOnly(rs, ModelProblem.MISSING_RATIONALE);
        RuleSet rs2 = TestModels.small();
        Clause c2 = rs2.clauses().get(0);
        c2.eObject().eUnset(c2.eObject().eClass().getEStructuralFeature("references"));
        assertOnly(rs2, ModelProblem.MISSING_REFERENCE);
    }

    @Test
    void unknownRuleIdsAreRejected() {
        RuleSet rs = TestModels.small();
        java.util.Set<String> known = new java.util.TreeSet<>();
        rs.clauses().forEach(c -> known.add(c.rule()));
        assertEquals(List.of(), ModelValidation.validate(rs, known));
        rs.clauses().get(1).setRule("MM042");
        List<ModelIssue> issues = ModelValidation.validate(rs, known);
        assertEquals(List.of(ModelProblem.UNKNOWN_RULE), issues.stream().map(ModelIssue::problem).toList(), issues::toString);
        assertTrue(issues.get(0).message().contains("backs unknown rule 'MM042' (known: " + String.join(", ", known) + ")"), issues::toString);
        // without the loader's rules only the form is checked: a custom rule may own clauses
        assertEquals(List.of(), ModelValidation.validate(rs));
        rs.clauses().get(1).setRule("MM42");
        assertOnly(rs, ModelProblem.UNKNOWN_RULE);
    }

    @Test
    void malformedAndEmptyVersionWindows() {
        RuleSet rs = TestModels.small();
        rs.clauses().get(0).setSince("4.x");
        assertOnly(rs, ModelProblem.MALFORMED_VERSION);
        RuleSet rs2 = TestModels.small();
        Clause c = rs2.clause("refcount.get-put").orElseThrow();
        c.setSince("6.5");
        c.setBefore("6.1");
        assertOnly(rs2, ModelProblem.EMPTY_WINDOW);
    }

    @Test
    void factWindowMustLieInsideTheClauseWindow() {
        RuleSet rs = TestModels.small();
        Clause c = rs.clause("pin.pin-needs-unpin").orElseThrow();
        ((FunctionFact) c.facts().get(1)).setBefore(null);
        ((FunctionFact) c.facts().get(1)).setSince("5.0");
        List<ModelProblem> p = problems(rs);
        assertTrue(p.contains(ModelProblem.FACT_WINDOW_OUTSIDE_CLAUSE), p::toString);
    }

    @Test
    void duplicateClauseIdsAcrossFiles() {
        RuleSet rs = TestModels.small();
        Clause c = clause(file(rs, "extra"), "refcount.get-put", "MM007");
        fn(c, "folio_get", "folio").with(EffectSite.PARAM, "folio", EffectKind.GETS_REF);
        assertOnly(rs, ModelProblem.DUPLICATE_CLAUSE_ID);
    }

    @Test
    void effectsMustNameDeclaredParameters() {
        RuleSet rs = TestModels.small();
        Clause c = clause(file(rs, "extra"), "extra.params", "MM004");
        FunctionFact f = fn(c, "rmap_walk", "page", "rwc");
        f.with(EffectSite.PARAM, "folio", EffectKind.REQUIRES_HEAD);
        assertOnly(rs, ModelProblem.UNDEFINED_PARAM);
        RuleSet rs2 = TestModels.small();
        Clause c2 = clause(file(rs2, "extra"), "extra.count", "MM007");
        effect(fn(c2, "release_pages", "pages", "nr"), EffectSite.ARRAY, "pages", EffectKind.PUTS_REF).setCount("npages");
        assertOnly(rs2, ModelProblem.UNDEFINED_PARAM);
    }

    @Test
    void speculativeReferencesNeedAValidation() {
        RuleSet rs = TestModels.small();
        Clause c = clause(file(rs, "extra"), "extra.spec", "MM003");
        fn(c, "page_ref_add_unless", "page", "nr", "u").with(EffectSite.PARAM, "page", EffectKind.SPECULATIVE_REF);
        assertOnly(rs, ModelProblem.MISSING_VALIDATION);
    }

    @Test
    void effectKindMustFitItsSite() {
        RuleSet rs = TestModels.small();
        Clause c = clause(file(rs, "extra"), "extra.site", "MM004");
        fn(c, "virt_to_head_page", "x").with(EffectSite.PARAM, "x", EffectKind.HEAD);
        assertOnly(rs, ModelProblem.INVALID_EFFECT_SITE);
    }

    @Test
    void contradictoryFieldAccess() {
        RuleSet rs = TestModels.small();
        Clause c = clause(file(rs, "extra"), "extra.field", "MM002");
        c.addFact(FieldFact.create("page", "mapping", FieldAccess.PER_PAGE));
        assertOnly(rs, ModelProblem.CONTRADICTION);
    }

    @Test
    void badKconfigAndReferences() {
        RuleSet rs = TestModels.small();
        rs.clauses().get(0).setKconfig("SPARSEMEM &&");
        assertOnly(rs, ModelProblem.BAD_KCONFIG);
        RuleSet rs2 = TestModels.small();
        rs2.clauses().get(0).addReference(Reference.commit("not-a-sha", "subject"));
        assertOnly(rs2, ModelProblem.BAD_REFERENCE);
    }

    @Test
    void contradictionInsideOneFunction() {
        RuleSet rs = TestModels.small();
        Clause c = clause(file(rs, "extra"), "extra.self", "MM004");
        fn(c, "weird", "page").with(EffectSite.PARAM, "page", EffectKind.REQUIRES_HEAD).with(EffectSite.PARAM, "page", EffectKind.ACCEPTS_TAIL);
        assertOnly(rs, ModelProblem.CONTRADICTION);
    }

    @Test
    void fileHeaderIsRequired() {
        RuleSet rs = TestModels.small();
        RuleFile f = rs.files().get(0);
        f.setDescription(null);
        f.setConfidence(null);
        List<ModelProblem> p = problems(rs);
        assertEquals(List.of(ModelProblem.MISSING_DESCRIPTION, ModelProblem.MISSING_CONFIDENCE), p);
    }
}
