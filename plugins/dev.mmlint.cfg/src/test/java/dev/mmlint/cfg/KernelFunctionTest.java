package dev.mmlint.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTLabelStatement;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.junit.jupiter.api.Test;

import dev.mmlint.cfg.CfgEdge.EdgeKind;
import dev.mmlint.cfg.CfgNode.Kind;

/**
 * Functions copied verbatim from Linux 6.12 (test-fixtures/cfg/*.c), parsed without includes, and a function using
 * the kernel's own macro definitions so that CDT expands them. Each graph is compared with a reviewed golden
 * listing (test-fixtures/cfg/*.expected) and checked for the properties that make it right.
 */
class KernelFunctionTest {

    private static Cfg build(String fixture) throws IOException {
        String code = CfgTestSupport.fixture(fixture + ".c");
        IASTTranslationUnit tu = CfgTestSupport.parse(fixture + ".c", code);
        List<IASTFunctionDefinition> fns = CfgTestSupport.functions(tu);
        assertEquals(1, fns.size(), "one function in " + fixture);
        Cfg c = CfgBuilder.build(fns.get(0));
        CfgInvariants.check(c);
        golden(fixture, c);
        return c;
    }

    private static void golden(String fixture, Cfg c) throws IOException {
        Path expected = CfgTestSupport.root().resolve("test-fixtures/cfg").resolve(fixture + ".expected");
        String actual = c.describe();
        if (!Files.exists(expected) || !Files.readString(expected, StandardCharsets.UTF_8).equals(actual)) {
            Path out = Path.of("target", "cfg-golden", fixture + ".actual");
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual, StandardCharsets.UTF_8);
            fail("graph of " + fixture + " differs from " + expected + "; actual written to " + out.toAbsolutePath()
                    + "\n" + actual);
        }
    }

    private static CfgNode label(Cfg c, String name) {
        return c.nodes().stream()
                .filter(n -> n.kind() == Kind.JOIN && n.origin() instanceof IASTLabelStatement l
                        && l.getName().toString().equals(name))
                .findFirst().orElseThrow();
    }

    private static CfgNode condition(Cfg c, String text) {
        return c.nodes().stream().filter(n -> n.kind() == Kind.CONDITION && n.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no condition " + text + " in\n" + c.describe()));
    }

    private static CfgNode target(CfgNode n, EdgeKind kind) {
        return n.successors().stream().filter(e -> e.kind() == kind).findFirst().orElseThrow().to();
    }

    @Test
    void followPagePteFromGup() throws IOException {
        Cfg c = build("gup_follow_page_pte");
        assertEquals("follow_page_pte", c.name());
        assertEquals(List.of(), c.unsupported());
        assertFalse(c.hasProblems());
        assertTrue(c.nodes().stream().allMatch(CfgNode::isReachable), "no dead code in follow_page_pte");
        assertEquals(5, c.nodes().stream().filter(n -> n.kind() == Kind.RETURN).count());
        assertTrue(c.nodes().stream().noneMatch(CfgNode::isLoopHead));

        // if (WARN_ON_ONCE(...)) return ERR_PTR(-EINVAL);  (the macro is a call without includes)
        CfgNode warn = condition(c, "WARN_ON_ONCE((flags & (FOLL_PIN | FOLL_GET)) == (FOLL_PIN | FOLL_GET))");
        assertEquals("return ERR_PTR(-EINVAL);", target(warn, EdgeKind.TRUE).text());

        // three `goto no_page` under negated tests: FALSE edges of the tested calls themselves
        CfgNode noPage = label(c, "no_page");
        assertEquals(List.of("FALSE pte_present(pte)", "FALSE gup_can_follow_protnone(vma, flags)", "FALSE *pgmap"),
                noPage.predecessors().stream().map(e -> e.kind() + " " + e.from().text()).toList());

        // `out:` is reached by six gotos from statements, the FOLL_TOUCH test and the fallthrough
        CfgNode out = label(c, "out");
        assertEquals(6, out.predecessors().stream().filter(e -> e.kind() == EdgeKind.GOTO).count());
        assertEquals(8, out.predecessors().size());
        assertEquals(List.of("pte_unmap_unlock(ptep, ptl);"),
                out.successors().stream().map(e -> e.to().text()).toList());

        // else if (unlikely(!page)): the wrapper and the negation are gone, the FALSE edge is `!page`
        CfgNode page = c.nodes().stream().filter(n -> n.kind() == Kind.CONDITION && n.text().equals("page"))
                .toList().get(1);
        assertEquals("flags & FOLL_DUMP", target(page, EdgeKind.FALSE).text());
        assertEquals("folio = page_folio(page);", target(page, EdgeKind.TRUE).text());
        assertTrue(page.ast() instanceof IASTExpression);

        // VM_BUG_ON_PAGE is conditional: an ordinary statement
        CfgNode vm = c.nodes().stream().filter(n -> n.text().startsWith("VM_BUG_ON_PAGE")).findFirst().orElseThrow();
        assertEquals(List.of(EdgeKind.NORMAL), vm.successors().stream().map(CfgEdge::kind).toList());
    }

    @Test
    void gupFastPteRangeDoWhileWithCommaCondition() throws IOException {
        Cfg c = build("gup_fast_pte_range");
        assertEquals(List.of(), c.unsupported());
        List<CfgNode> heads = c.nodes().stream().filter(CfgNode::isLoopHead).toList();
        assertEquals(1, heads.size());
        CfgNode head = heads.get(0);
        assertEquals(Kind.JOIN, head.kind());
        // while (ptep++, addr += PAGE_SIZE, addr != end): two expression nodes, then the test
        CfgNode test = condition(c, "addr != end");
        assertSame(head, target(test, EdgeKind.TRUE));
        assertTrue(test.successors().get(0).isRetreating());
        assertEquals("addr += PAGE_SIZE", test.predecessors().get(0).from().text());
        assertEquals("ptep++", test.predecessors().get(0).from().predecessors().get(0).from().text());
        assertEquals("ret = 1;", target(test, EdgeKind.FALSE).text());
        // every goto leaves the loop for pte_unmap
        CfgNode unmap = label(c, "pte_unmap");
        assertEquals(11, unmap.predecessors().size());
        assertEquals(5, unmap.predecessors().stream().filter(e -> e.kind() == EdgeKind.GOTO).count());
        assertEquals(5, unmap.predecessors().stream().filter(CfgEdge::isBranch).count());
    }

    @Test
    void expandedKernelMacros() throws IOException {
        Cfg c = build("kernel_macros");
        // list_for_each_entry: container_of statement expressions in the init and increment are lowered
        assertEquals(3, c.loweredStatementExpressions().size());
        CfgNode head = condition(c, "list_is_head(&p->lru, (head))");
        assertTrue(head.isLoopHead());
        assertEquals("return NULL;", target(target(head, EdgeKind.TRUE), EdgeKind.TRUE).text(),
                "the loop exit reaches BUG_ON's test, whose TRUE edge skips the BUG");
        // WARN_ON_ONCE in a condition: its value `unlikely(__ret_warn_on)` is tested, continue goes to the increment
        List<CfgNode> warn = c.nodes().stream()
                .filter(n -> n.kind() == Kind.CONDITION && n.text().equals("__ret_warn_on")).toList();
        assertEquals(2, warn.size());
        CfgNode increment = target(warn.get(1), EdgeKind.TRUE);
        assertEquals("void *__mptr = (void *)((p)->lru.next);", increment.text());
        // VM_BUG_ON_PAGE and BUG_ON expand to BUG(), whose __builtin_unreachable() ends the path
        List<CfgNode> noreturn = c.nodes().stream()
                .filter(n -> n.successors().stream().anyMatch(e -> e.kind() == EdgeKind.EXCEPTIONAL_NONE)).toList();
        assertEquals(List.of("__builtin_unreachable();", "__builtin_unreachable();"),
                noreturn.stream().map(CfgNode::text).toList());
        assertEquals(List.of(), c.unsupported());
    }
}
