package dev.mmlint.frontend;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.frontend.internal.Fingerprint;
import dev.mmlint.frontend.internal.Coverage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.ASTTypeUtil;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Header pruning changes nothing the analysis sees, on real mm files (vmscan.c includes its
 * trace-event header twice, percpu.c includes .c files, big and small files): the same function coverage, the same
 * problems and IASTProblem count, the same binding and type for every name and expression of the
 * functions - among them every local of type {@code struct page *} - as a parse of every header
 * declaration. The pruned parses must really be pruned and trusted (no fall-back to a full parse),
 * or the comparison would prove nothing. The whole of mm/ is compared by the heavy test.
 */
class PruningEquivalenceTest {
    @ParameterizedTest
    @CsvSource({"6.12, mm/gup.c, true", "6.12, mm/huge_memory.c, true", "6.12, mm/vmscan.c, false", "6.12, mm/percpu.c, true",
            "6.12, mm/slub.c, true", "6.12, mm/swap.c, false", "6.1, mm/memory.c, true", "6.1, mm/slab_common.c, true"})
    void prunedParseIsEquivalent(String version, String file, boolean hasPageLocals) throws Exception {
        Path tree = TestSupport.kernel(version);
        KernelTreeFrontend fe = new KernelTreeFrontend(KernelTree.at(tree).orElseThrow(),
                FrontendOptions.defaults().withConfig(TestSupport.kernelConfig(version)));
        fe.setHeaderPruning(false);
        ParsedUnit full = fe.parse(tree.resolve(file));
        List<String> a = Fingerprint.of(full, Fingerprint.Depth.DEEP);
        List<String> pagesFull = pageLocals(full);
        int problemsFull = Coverage.countProblemNodes(full.ast());
        full = null;

        fe.setHeaderPruning(true);
        ParsedUnit pruned;
        double keptShare;
        try (Counter.Scope c = Counter.scope()) {
            pruned = fe.parse(tree.resolve(file));
            assertEquals(0, c.count(CdtFrontend.PRUNE_FALLBACKS), file + " was parsed again in full: the comparison would be void");
            keptShare = (double) c.count(CdtFrontend.HEADER_TOKENS_KEPT) / c.count(CdtFrontend.HEADER_TOKENS);
        }
        assertTrue(keptShare < 0.3, file + ": header tokens kept " + keptShare);

        assertEquals(problemsFull, Coverage.countProblemNodes(pruned.ast()));
        List<String> pagesPruned = pageLocals(pruned);
        assertEquals(pagesFull, pagesPruned);
        assertEquals(hasPageLocals, !pagesFull.isEmpty(), file + " declares struct page * locals: " + pagesFull.size());
        assertTrue(pagesFull.stream().allMatch(s -> s.endsWith(": page *")), pagesFull::toString);
        List<String> b = Fingerprint.of(pruned, Fingerprint.Depth.DEEP);
        assertNull(Fingerprint.firstDifference(a, b), file);
        assertTrue(a.size() > 500, "fingerprint too small to mean anything: " + a.size());
    }

    /**
     * A real file with doubts no pruned declaration can have caused (a function called with no
     * declaration, a field struct page never had, a variable of an undeclared typedef): the pruned
     * parse is kept, not redone in full, and is equivalent to the full parse, doubts included.
     */
    @ParameterizedTest
    @CsvSource({"6.12, mm/gup.c"})
    void prunedParseKeptWithItsOwnDoubtsIsEquivalent(String version, String file) throws Exception {
        Path tree = TestSupport.kernel(version);
        KernelTreeFrontend fe = new KernelTreeFrontend(KernelTree.at(tree).orElseThrow(),
                FrontendOptions.defaults().withConfig(TestSupport.kernelConfig(version)));
        String text = java.nio.file.Files.readString(tree.resolve(file))
                + "\nstatic int mmlint_doubt(struct page *page)\n{\n\tmmlint_undeclared_t x = 0;\n"
                + "\treturn mmlint_undeclared(page_folio(page)) + page->mmlint_nosuchfield + (int)x;\n}\n";
        fe.setHeaderPruning(false);
        ParsedUnit full = fe.parseText(tree.resolve(file), file, text);
        List<String> a = Fingerprint.of(full, Fingerprint.Depth.DEEP);
        var coverageFull = full.coverage();
        full = null;
        fe.setHeaderPruning(true);
        ParsedUnit pruned;
        try (Counter.Scope c = Counter.scope()) {
            pruned = fe.parseText(tree.resolve(file), file, text);
            assertEquals(0, c.count(CdtFrontend.PRUNE_FALLBACKS), file + " was parsed again in full");
            assertEquals(1, c.count(CdtFrontend.PRUNE_DOUBTS_KEPT), file + ": the pruned parse must have had doubts");
        }
        assertEquals(coverageFull, pruned.coverage());
        assertEquals(FunctionCoverage.Status.PARTIAL, pruned.coverage().get(pruned.coverage().size() - 1).status());
        assertNull(Fingerprint.firstDifference(a, Fingerprint.of(pruned, Fingerprint.Depth.DEEP)), file);
    }

    /** "function:local: type" for each local or parameter whose type mentions struct page. */
    static List<String> pageLocals(ParsedUnit u) {
        List<String> out = new ArrayList<>();
        for (IASTFunctionDefinition fd : u.functions()) {
            String fn = Coverage.functionName(fd);
            fd.accept(new ASTVisitor(false) {
                { shouldVisitDeclarators = true; }
                @Override public int visit(IASTDeclarator d) {
                    if (d.getName().resolveBinding() instanceof IVariable v) {
                        String t = ASTTypeUtil.getType(v.getType());
                        if (t.equals("page *")) out.add(fn + ":" + d.getName() + ": " + t);
                    }
                    return PROCESS_CONTINUE;
                }
            });
        }
        return out;
    }
}
