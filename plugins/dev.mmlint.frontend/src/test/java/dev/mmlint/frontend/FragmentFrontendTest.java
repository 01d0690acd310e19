package dev.mmlint.frontend;

import dev.mmlint.model.api.KernelVersion;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.cdt.core.dom.ast.ASTTypeUtil;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.ICompositeType;
import org.eclipse.cdt.core.dom.ast.IField;
import org.eclipse.cdt.core.dom.ast.IPointerType;
import org.eclipse.cdt.core.dom.ast.IProblemType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.IVariable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FragmentFrontendTest {
    private final FragmentFrontend fe = new FragmentFrontend();

    /** Every declared variable (params and locals) of the unit, name to type. */
    private static Map<String, IType> variables(ParsedUnit u) {
        Map<String, IType> vars = new HashMap<>();
        u.ast().accept(new ASTVisitor(false) {
            { shouldVisitDeclarators = true; }
            @Override public int visit(IASTDeclarator d) {
                if (dev.mmlint.frontend.internal.Coverage.inMainFile(d, u.ast().getFilePath())) {
                    IBinding b = d.getName().resolveBinding();
                    if (b instanceof IVariable v) vars.put(d.getName().toString(), v.getType());
                }
                return PROCESS_CONTINUE;
            }
        });
        return vars;
    }

    @Test void gupFunctionGetsRealTypes() throws Exception {
        ParsedUnit u = fe.parse(TestSupport.fixture("gup-fast-pte-range.c"));
        assertEquals(ParsedUnit.Mode.FRAGMENT, u.mode());
        assertTrue(TestSupport.mainFileProblems(u.ast()).isEmpty(), () -> "problems: " + TestSupport.mainFileProblems(u.ast()));
        Map<String, IType> vars = variables(u);
        assertEquals("page *", ASTTypeUtil.getType(vars.get("page"), false));
        assertEquals("folio *", ASTTypeUtil.getType(vars.get("folio"), false));
        assertEquals("page * *", ASTTypeUtil.getType(vars.get("pages"), false));
        assertEquals("pte_t *", ASTTypeUtil.getType(vars.get("ptep"), false));
        assertEquals("pte_t", ASTTypeUtil.getType(vars.get("pte"), false));
        assertEquals("pmd_t", ASTTypeUtil.getType(vars.get("pmd"), false));
        for (var e : vars.entrySet())
            assertFalse(e.getValue() instanceof IProblemType, e.getKey() + " has a problem type");
        // struct page is complete: the fragment's page pointer reaches real fields
        IType page = TestSupport.unwrap(((IPointerType) vars.get("page")).getType());
        ICompositeType ct = assertInstanceOf(ICompositeType.class, page);
        assertNotNull(ct.findField("mapping"));
        assertEquals(1, u.coverage().size());
        assertEquals("gup_fast_pte_range", u.coverage().get(0).name());
        assertEquals(FunctionCoverage.Status.CLEAN, u.coverage().get(0).status(), () -> u.coverage().get(0).reasons().toString());
    }

    @Test void callsResolveToPreludeFunctionsWithTypes() throws Exception {
        ParsedUnit u = fe.parse(TestSupport.fixture("follow-page-pte.c"));
        List<String> bad = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        u.ast().accept(new ASTVisitor(false) {
            { shouldVisitExpressions = true; }
            @Override public int visit(IASTExpression e) {
                if (!dev.mmlint.frontend.internal.Coverage.inMainFile(e, u.ast().getFilePath())) return PROCESS_CONTINUE;
                if (e instanceof IASTFunctionCallExpression c && c.getExpressionType() instanceof IProblemType)
                    bad.add(e.getRawSignature() + " @" + TestSupport.where(e));
                if (e instanceof IASTFieldReference f && f.getFieldName().resolveBinding() instanceof IField)
                    fields.add(f.getFieldName().toString());
                return PROCESS_CONTINUE;
            }
        });
        assertTrue(TestSupport.mainFileProblems(u.ast()).isEmpty(), () -> "problems: " + TestSupport.mainFileProblems(u.ast()));
        assertTrue(bad.isEmpty(), () -> "calls without a type: " + bad);
        assertTrue(fields.contains("vm_mm"), () -> "fields: " + fields);
        assertEquals(FunctionCoverage.Status.CLEAN, u.coverage().get(u.coverage().size() - 1).status(),
                () -> u.coverage().toString());
    }

    @Test void includesResolveInAncestorIncludeDirAndMissingOnesAreSkipped(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("include/linux"));
        Files.writeString(dir.resolve("include/linux/stub.h"), "struct stub_thing { int refs; };\n");
        Path sub = Files.createDirectories(dir.resolve("rules/MM999-x"));
        Path c = sub.resolve("bad-x.c");
        Files.writeString(c, "#include <linux/stub.h>\n#include <linux/not-there.h>\n"
                + "int f(struct stub_thing *t, struct page *p)\n{\n\treturn t->refs + page_count(p);\n}\n");
        ParsedUnit u = fe.parse(c);
        assertEquals(FunctionCoverage.Status.CLEAN, u.coverage().get(0).status(), () -> u.coverage().toString());
        assertTrue(u.problems().isEmpty(), () -> u.problems().toString());
    }

    @Test void autoTypeTakesTheInitializersTypeAndASelfReferenceIsLeftAProblem() throws Exception {
        String text = "int f(struct page *page)\n{\n\t__auto_type p = page;\n\t__auto_type y = !y;\n"
                + "\t__auto_type z = sizeof(z) + 1;\n\treturn p != 0;\n}\n";
        ParsedUnit u = fe.parseText(Path.of("auto.c"), "auto.c", text);
        Map<String, IType> vars = variables(u);
        assertEquals("page *", ASTTypeUtil.getType(vars.get("p"), false));
        // GCC rejects a variable used in its own __auto_type initializer; the front end neither
        // deduces a type for it nor recurses through it (a StackOverflowError before)
        assertInstanceOf(IProblemType.class, vars.get("y"));
        assertInstanceOf(IProblemType.class, vars.get("z"));
        assertEquals(1, u.functions().size());
    }

    @Test void parseTextKeepsPositions() throws Exception {
        String text = "static void g(struct folio *folio)\n{\n\tfolio_put(folio);\n}\n";
        ParsedUnit u = fe.parseText(Path.of("hunk.c"), "a/mm/hunk.c", text);
        assertNull(u.path());
        assertEquals("a/mm/hunk.c", u.displayPath());
        assertEquals(1, u.coverage().get(0).line());
        assertEquals(FunctionCoverage.Status.CLEAN, u.coverage().get(0).status());
    }

    @Test void aFragmentMayStateItsKernelInItsLeadingComment(@TempDir Path dir) throws Exception {
        String text = "/*\n * a hunk from mm/hugetlb.c\n * mmlint-kernel: 6.18\n */\n#include <linux/mm.h>\nvoid f(void) {}\n";
        ParsedUnit stated = fe.parseText(dir.resolve("a.c"), "a.c", text);
        assertEquals(KernelVersion.parse("6.18"), stated.context().version());
        assertTrue(stated.context().versionSource().contains("mmlint-kernel: 6.18"), stated.context().versionSource());

        ParsedUnit silent = fe.parseText(dir.resolve("b.c"), "b.c", "void f(void) {}\n/* mmlint-kernel: 6.18 */\n");
        assertNull(silent.context().version(), "only the leading comment states the kernel");

        try (FragmentFrontend given = new FragmentFrontend(new KernelContext(KernelVersion.parse("6.1"), "--kernel-version 6.1",
                KernelConfig.empty("none")))) {
            assertEquals(KernelVersion.parse("6.1"), given.parseText(dir.resolve("a.c"), "a.c", text).context().version(),
                    "a version given on the command line wins");
        }
    }

    @Test void aFragmentMayStateItsConfigInItsLeadingComment(@TempDir Path dir) throws Exception {
        String text = "/*\n * mmlint-kernel: 5.17\n * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n\n */\nvoid f(void) {}\n";
        KernelContext ctx = fe.parseText(dir.resolve("a.c"), "a.c", text).context();
        assertEquals(KernelVersion.parse("5.17"), ctx.version());
        assertTrue(ctx.config().stated(), ctx.config().source());
        assertTrue(ctx.config().enabled("CONFIG_SPARSEMEM"));
        assertFalse(ctx.config().enabled("SPARSEMEM_VMEMMAP"));
        assertEquals("n", ctx.config().value("SPARSEMEM_VMEMMAP"));

        assertFalse(fe.parseText(dir.resolve("b.c"), "b.c", "void f(void) {}\n").context().config().stated(), "nothing stated");

        InputException bad = assertThrows(InputException.class, () -> fe.parseText(dir.resolve("c.c"), "c.c",
                "// SPDX-License-Identifier: GPL-2.0\n/*\n * mmlint-config: CONFIG_SPARSEMEM\n */\nvoid f(void) {}\n"));
        assertEquals("c.c", bad.diagnostic().file());
        assertEquals(3, bad.diagnostic().line());
        assertTrue(bad.getMessage().contains("CONFIG_SPARSEMEM"), bad.getMessage());
    }

    private static List<String> names(List<FunctionCoverage> cov) {
        return cov.stream().map(FunctionCoverage::name).sorted().toList();
    }

    @Test void configConditionalsAreParsedBothWays(@TempDir Path dir) throws Exception {
        String text = "#ifdef CONFIG_A_TEST\nstatic int a(void) { return 1; }\n#endif\n"
                + "#if IS_ENABLED(CONFIG_B_TEST) && \\\n    defined(CONFIG_C_TEST)\nstatic int bc(void) { return 2; }\n#else\nstatic int notbc(void) { return 3; }\n#endif\n"
                + "static int d(void)\n{\n\tif (IS_ENABLED(CONFIG_D_TEST))\n\t\treturn 4;\n\treturn 0;\n}\n";
        ParsedUnit u = fe.parseText(dir.resolve("v.c"), "v.c", text);
        assertEquals(List.of("d", "notbc"), names(u.coverage()), "the unit: tested symbols not set");
        assertEquals(1, u.variants().size());
        ParsedUnit.Variant v = u.variants().get(0);
        assertEquals(List.of("CONFIG_A_TEST", "CONFIG_B_TEST", "CONFIG_C_TEST", "CONFIG_D_TEST"), v.enabled());
        assertEquals(List.of("a", "bc", "d"), names(v.unit().coverage()), "the variant: all defined");
        assertEquals(List.of("a", "bc", "d", "notbc"), names(u.coverageAcrossVariants()));
        for (FunctionCoverage c : u.coverageAcrossVariants())
            assertEquals(FunctionCoverage.Status.CLEAN, c.status(), () -> c.name() + ": " + c.reasons());
    }

    @Test void noConfigConditionalNoSecondParse(@TempDir Path dir) throws Exception {
        ParsedUnit u = fe.parseText(dir.resolve("n.c"), "n.c",
                "/* CONFIG_X is mentioned in a comment only */\n#ifdef __KERNEL__\nstatic int a(void) { return 1; }\n#endif\n");
        assertTrue(u.variants().isEmpty());
        assertEquals(List.of("a"), names(u.coverage()));
    }

    @Test void statedSymbolsReachThePreprocessorAndAreNotVaried(@TempDir Path dir) throws Exception {
        String text = "/*\n * mmlint-config: CONFIG_ON_TEST=y CONFIG_OFF_TEST=n CONFIG_MOD_TEST=m\n */\n"
                + "#ifdef CONFIG_ON_TEST\nstatic int on(void) { return 1; }\n#endif\n"
                + "#ifdef CONFIG_OFF_TEST\nstatic int off(void) { return 1; }\n#endif\n"
                + "#if IS_ENABLED(CONFIG_MOD_TEST)\nstatic int mod(void) { return 1; }\n#endif\n";
        ParsedUnit u = fe.parseText(dir.resolve("s.c"), "s.c", text);
        assertTrue(u.variants().isEmpty(), "every tested symbol is stated");
        assertEquals(List.of("mod", "on"), names(u.coverage()));
        KernelConfig c = u.context().config();
        assertTrue(c.stated());
        assertTrue(c.partial(), "a fragment states some options: the others are unknown");
        // with an unstated one as well: only that one is varied
        ParsedUnit w = fe.parseText(dir.resolve("w.c"), "w.c", text + "#ifdef CONFIG_OTHER_TEST\nstatic int other(void) { return 1; }\n#endif\n");
        assertEquals(List.of("CONFIG_OTHER_TEST"), w.variants().get(0).enabled());
        assertEquals(List.of("mod", "on", "other"), names(w.variants().get(0).unit().coverage()));
    }

    /**
     * A lone fragment names what the rest of the kernel declares: an undeclared constant and function, a
     * parameter and a local of types it does not define, fields of a struct it does not define. Those are
     * inferred (opaque values), noted, and the function is clean; a field struct page does not have, and a
     * syntax problem, still make it partial.
     */
    @Test void namesOnlyTheKernelDeclaresAreInferredNotPartial(@TempDir Path dir) throws Exception {
        Path c = dir.resolve("frag.c");
        Files.writeString(c, """
                int opaque(struct thing_ctl *ctl, request_thing_t *q, unsigned long pfn)
                {
                	struct page *page = pfn_to_page(pfn);
                	struct page_owner_like *po = lookup_owner(page);
                	thing_handle_t h = ctl->handle;
                	po->order = THING_ORDER;
                	q->count++;
                	return undeclared_helper(page, h);
                }
                int real_field(struct page *page)
                {
                	return page->no_such_page_field;
                }
                struct own_ctl { int a; };
                int own_struct(struct own_ctl *o, struct task_struct *tsk)
                {
                	tsk->not_in_the_prelude_flt++;
                	return o->b;
                }
                int syntax(struct page *page)
                {
                	return page + ) ;
                }
                """);
        ParsedUnit u = fe.parse(c);
        Map<String, FunctionCoverage> cov = new HashMap<>();
        for (FunctionCoverage f : u.coverage()) cov.put(f.name(), f);
        FunctionCoverage o = cov.get("opaque");
        assertEquals(FunctionCoverage.Status.CLEAN, o.status(), o::toString);
        assertEquals(1, o.reasons().size(), o::toString);
        String note = o.reasons().get(0);
        assertTrue(note.startsWith("names inferred"), note);
        for (String n : List.of("'ctl' has an unknown type", "'q' has an unknown type", "'h' has an unknown type",
                "field 'handle'", "field 'order'", "field 'count'", "'THING_ORDER' undeclared"))
            assertTrue(note.contains(n), n + " in " + note);
        FunctionCoverage r = cov.get("real_field");
        assertEquals(FunctionCoverage.Status.PARTIAL, r.status(), r::toString);
        assertTrue(r.reasons().get(0).contains("field 'no_such_page_field' does not resolve"), r::toString);
        assertEquals(FunctionCoverage.Status.PARTIAL, cov.get("syntax").status(), () -> cov.get("syntax").toString());
        // a struct the fragment defines itself lacks the field: a problem; task_struct, which the prelude
        // declares only in part, does not know it: inferred
        FunctionCoverage own = cov.get("own_struct");
        assertEquals(FunctionCoverage.Status.PARTIAL, own.status(), own::toString);
        assertTrue(own.reasons().get(0).contains("field 'b' does not resolve"), own::toString);
        assertTrue(own.reasons().stream().anyMatch(x -> x.contains("not_in_the_prelude_flt")), own::toString);
    }
}
