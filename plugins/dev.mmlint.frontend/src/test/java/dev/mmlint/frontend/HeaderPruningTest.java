package dev.mmlint.frontend;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.frontend.internal.Fingerprint;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.ASTTypeUtil;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTCompositeTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTElaboratedTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTEnumerationSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IField;
import org.eclipse.cdt.core.dom.ast.ITypedef;
import org.eclipse.cdt.core.dom.ast.IVariable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Header pruning on a small tree whose header declares what a main file may reach in every way C
 * allows (typedefs, tags, enum constants, parenthesised and function-pointer declarators, nested
 * anonymous members, sizeof's implicit size_t) next to declarations nothing reaches: the pruned
 * parse must keep the former, drop the latter, and give the same fingerprint as a full parse.
 */
class HeaderPruningTest {
    static final String HEADER = """
            #ifndef _LINUX_FOO_H
            #define _LINUX_FOO_H
            typedef unsigned long size_t;
            typedef long ptrdiff_t;
            typedef unsigned int u32;
            struct unused_a { int x; };
            int unused_fn(struct unused_a *a);
            extern int unused_var;
            enum { UNUSED_E = 3 };
            typedef int (*unused_cb)(void);
            /* a prototype naming a struct defined further down */
            int dev_id(struct dev *d);
            /* a member of a nested anonymous struct naming a struct defined further down */
            struct page {
            	unsigned long flags;
            	union {
            		struct {
            			struct dev *pgmap;
            			unsigned long private;
            		};
            		unsigned long compound_head;
            	};
            };
            struct dev_ops { int (*run)(u32 x); };
            struct dev { const struct dev_ops *ops; int id; };
            enum pageflags { PG_locked, PG_referenced = 1 << 2, PG_dirty };
            typedef int (*cb_t)(u32);
            u32 (get_id)(void);
            extern struct page *mem_map;
            int page_count(struct page *p);
            static inline int page_ref(struct page *p) { return page_count(p) + PG_dirty; }
            #define PAGE_DIRTY(p) ((p)->flags & PG_dirty)
            #endif
            """;

    static final String MAIN = """
            #include <linux/foo.h>

            static int touch(struct page *p, cb_t cb)
            {
            	struct dev *d = p->pgmap;
            	size_t n = sizeof(*p);
            	long gap = mem_map - p;
            	if (PAGE_DIRTY(p) || p->flags & PG_referenced)
            		return d->ops->run(get_id()) + cb(1) + (int)n + (int)gap;
            	return page_ref(p);
            }

            int dev_id(struct dev *d)
            {
            	return d->id;
            }
            """;

    @Test void prunedParseKeepsWhatIsReachableAndMatchesAFullParse(@TempDir Path dir) throws Exception {
        Path root = MiniTree.create(dir, "CONFIG_MMU=y\n", Map.of("include/linux/foo.h", HEADER, "mm/a.c", MAIN,
                "mm/Makefile", "obj-y += a.o\n"));
        KernelTreeFrontend fe = MiniTree.frontend(root, dir.resolve("cache"));
        fe.setHeaderPruning(false);
        ParsedUnit full = fe.parse(root.resolve("mm/a.c"));
        fe.setHeaderPruning(true);
        ParsedUnit pruned;
        try (Counter.Scope c = Counter.scope()) {
            pruned = fe.parse(root.resolve("mm/a.c"));
            assertEquals(1, c.count(CdtFrontend.PRUNED_UNITS), "the second parse was pruned");
            assertEquals(0, c.count(CdtFrontend.PRUNE_FALLBACKS), "and trusted, not redone in full");
        }

        for (ParsedUnit u : new ParsedUnit[] {full, pruned}) {
            assertEquals(2, u.coverage().size());
            assertTrue(u.coverage().stream().allMatch(c -> c.status() == FunctionCoverage.Status.CLEAN), u.coverage()::toString);
            assertTrue(u.problems().isEmpty(), u.problems()::toString);
        }
        assertNull(Fingerprint.firstDifference(Fingerprint.of(full, Fingerprint.Depth.DEEP), Fingerprint.of(pruned, Fingerprint.Depth.DEEP)));

        Set<String> all = headerNames(full), kept = headerNames(pruned);
        // page_count is called only from the body of a header inline function, which is never parsed
        for (String unused : new String[] {"unused_a", "unused_fn", "unused_var", "UNUSED_E", "unused_cb", "page_count"}) {
            assertTrue(all.contains(unused), unused + " is in the full parse");
            assertFalse(kept.contains(unused), unused + " is reachable from nothing and must be pruned");
        }
        for (String used : new String[] {"size_t", "ptrdiff_t", "u32", "page", "dev", "dev_ops", "pageflags", "PG_dirty",
                "cb_t", "get_id", "mem_map", "page_ref", "dev_id"}) {
            assertTrue(kept.contains(used), used + " is reachable from mm/a.c and must be kept: " + kept);
        }
        assertTrue(pruned.ast().getDeclarations().length < full.ast().getDeclarations().length);
    }

    /** sizeof is typed size_t and a pointer difference ptrdiff_t by name, although the file never writes either. */
    @Test void implicitlyNamedTypedefsSurvivePruning(@TempDir Path dir) throws Exception {
        Path root = MiniTree.create(dir, "", Map.of("include/linux/foo.h", HEADER, "mm/a.c", MAIN, "mm/Makefile", "obj-y += a.o\n"));
        KernelTreeFrontend fe = MiniTree.frontend(root, dir.resolve("cache"));
        ParsedUnit u = fe.parse(root.resolve("mm/a.c"));
        Set<String> types = new LinkedHashSet<>();
        u.functions().get(0).accept(new ASTVisitor(false) {
            { shouldVisitExpressions = true; }
            @Override public int visit(IASTExpression e) {
                if (e instanceof IASTUnaryExpression ue && ue.getOperator() == IASTUnaryExpression.op_sizeof
                        || e.getRawSignature().equals("mem_map - p"))
                    types.add(e.getRawSignature() + ": " + (e.getExpressionType() instanceof ITypedef t ? t.getName() : "not a typedef"));
                return PROCESS_CONTINUE;
            }
        });
        assertEquals(Set.of("sizeof(*p): size_t", "mem_map - p: ptrdiff_t"), types);
    }

    /** Tags referenced before their definition (nested anonymous member, prototype parameter) bind to the definition. */
    @Test void tagsReferencedBeforeTheirDefinitionAreComplete(@TempDir Path dir) throws Exception {
        Path root = MiniTree.create(dir, "", Map.of("include/linux/foo.h", HEADER, "mm/a.c", MAIN, "mm/Makefile", "obj-y += a.o\n"));
        KernelTreeFrontend fe = MiniTree.frontend(root, dir.resolve("cache"));
        for (boolean prune : new boolean[] {false, true}) {
            fe.setHeaderPruning(prune);
            ParsedUnit u = fe.parse(root.resolve("mm/a.c"));
            int[] fields = {0};
            u.ast().accept(new ASTVisitor(false) {
                { shouldVisitExpressions = true; }
                @Override public int visit(IASTExpression e) {
                    if (e instanceof IASTFieldReference f && Set.of("ops", "run", "id").contains(f.getFieldName().toString())) {
                        assertInstanceOf(IField.class, f.getFieldName().resolveBinding(), f.getRawSignature());
                        fields[0]++;
                    }
                    return PROCESS_CONTINUE;
                }
            });
            assertEquals(3, fields[0]);
            IASTFunctionDefinition devId = u.functions().get(1);
            var param = ((org.eclipse.cdt.core.dom.ast.IASTStandardFunctionDeclarator) devId.getDeclarator()).getParameters()[0];
            IVariable d = (IVariable) param.getDeclarator().getName().resolveBinding();
            assertEquals("dev *", ASTTypeUtil.getType(d.getType()), "prune=" + prune);
        }
    }

    /**
     * A pruned parse whose doubts are names no dropped declaration spells (an undeclared function, a
     * field no struct has) is kept: a full parse has the same doubts, and gives the same coverage and
     * the same bindings and types in the functions.
     */
    @Test void doubtsPruningCannotCauseKeepThePrunedParse(@TempDir Path dir) throws Exception {
        String main = "#include <linux/foo.h>\nint f(struct page *p)\n{\n\treturn undeclared_helper(p) + p->nosuchfield + (int)p->flags;\n}\n";
        Path root = MiniTree.create(dir, "", Map.of("include/linux/foo.h", HEADER, "mm/a.c", main, "mm/Makefile", "obj-y += a.o\n"));
        KernelTreeFrontend fe = MiniTree.frontend(root, dir.resolve("cache"));
        fe.setHeaderPruning(false);
        ParsedUnit full = fe.parse(root.resolve("mm/a.c"));
        fe.setHeaderPruning(true);
        ParsedUnit pruned;
        try (Counter.Scope c = Counter.scope()) {
            pruned = fe.parse(root.resolve("mm/a.c"));
            assertEquals(0, c.count(CdtFrontend.PRUNE_FALLBACKS), "not parsed again in full");
            assertEquals(1, c.count(CdtFrontend.PRUNE_DOUBTS_KEPT));
        }
        assertEquals(FunctionCoverage.Status.PARTIAL, pruned.coverage().get(0).status());
        assertEquals(full.coverage(), pruned.coverage());
        assertNull(Fingerprint.firstDifference(Fingerprint.of(full, Fingerprint.Depth.DEEP), Fingerprint.of(pruned, Fingerprint.Depth.DEEP)));
        assertTrue(pruned.ast().getDeclarations().length < full.ast().getDeclarations().length, "the AST is the pruned one");
    }

    /**
     * A doubt whose name a dropped declaration spells (here {@code x}, a field of the unreachable
     * {@code struct unused_a}) could be pruning's doing as far as the check can tell: the unit is parsed
     * again in full, and its coverage is the full parse's.
     */
    @Test void aDoubtADroppedDeclarationSpellsIsRedoneInFull(@TempDir Path dir) throws Exception {
        String main = "#include <linux/foo.h>\nint f(struct page *p)\n{\n\treturn p->x;\n}\n";
        Path root = MiniTree.create(dir, "", Map.of("include/linux/foo.h", HEADER, "mm/a.c", main, "mm/Makefile", "obj-y += a.o\n"));
        KernelTreeFrontend fe = MiniTree.frontend(root, dir.resolve("cache"));
        fe.setHeaderPruning(false);
        ParsedUnit full = fe.parse(root.resolve("mm/a.c"));
        fe.setHeaderPruning(true);
        ParsedUnit pruned;
        try (Counter.Scope c = Counter.scope()) {
            pruned = fe.parse(root.resolve("mm/a.c"));
            assertEquals(1, c.count(CdtFrontend.PRUNE_FALLBACKS));
            assertEquals(0, c.count(CdtFrontend.PRUNE_DOUBTS_KEPT));
        }
        assertEquals(FunctionCoverage.Status.PARTIAL, pruned.coverage().get(0).status());
        assertEquals(full.coverage(), pruned.coverage());
        assertEquals(full.ast().getDeclarations().length, pruned.ast().getDeclarations().length, "the AST is the full one");
    }

    /** A syntax problem is no missing name: redone in full, whatever pruning dropped. */
    @Test void aSyntaxProblemIsRedoneInFull(@TempDir Path dir) throws Exception {
        String main = "#include <linux/foo.h>\nint f(struct page *p)\n{\n\treturn (p->flags +;\n}\n";
        Path root = MiniTree.create(dir, "", Map.of("include/linux/foo.h", HEADER, "mm/a.c", main, "mm/Makefile", "obj-y += a.o\n"));
        KernelTreeFrontend fe = MiniTree.frontend(root, dir.resolve("cache"));
        try (Counter.Scope c = Counter.scope()) {
            fe.parse(root.resolve("mm/a.c"));
            assertEquals(1, c.count(CdtFrontend.PRUNE_FALLBACKS));
            assertEquals(0, c.count(CdtFrontend.PRUNE_DOUBTS_KEPT));
        }
    }

    /** Names declared by header declarations (outside the main file). */
    static Set<String> headerNames(ParsedUnit u) {
        Set<String> out = new LinkedHashSet<>();
        for (IASTDeclaration d : u.ast().getDeclarations()) {
            var l = d.getFileLocation();
            if (l == null || l.getFileName().equals(u.ast().getFilePath())) continue;
            if (d instanceof IASTSimpleDeclaration sd) {
                spec(sd.getDeclSpecifier(), out);
                for (IASTDeclarator dt : sd.getDeclarators()) out.add(innermost(dt));
            } else if (d instanceof IASTFunctionDefinition fd) {
                out.add(innermost(fd.getDeclarator()));
            }
        }
        out.remove("");
        return out;
    }

    private static void spec(IASTDeclSpecifier s, Set<String> out) {
        if (s instanceof IASTCompositeTypeSpecifier c) out.add(c.getName().toString());
        else if (s instanceof IASTElaboratedTypeSpecifier e) out.add(e.getName().toString());
        else if (s instanceof IASTEnumerationSpecifier e) {
            out.add(e.getName().toString());
            for (var en : e.getEnumerators()) out.add(en.getName().toString());
        }
    }

    private static String innermost(IASTDeclarator d) {
        while (d.getNestedDeclarator() != null && d.getName().toCharArray().length == 0) d = d.getNestedDeclarator();
        return d.getName().toString();
    }
}
