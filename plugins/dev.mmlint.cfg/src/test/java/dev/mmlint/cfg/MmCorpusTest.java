package dev.mmlint.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDoStatement;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTForStatement;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTGotoStatement;
import org.eclipse.cdt.core.dom.ast.IASTProblem;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IASTWhileStatement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.mmlint.cfg.CfgEdge.EdgeKind;

/**
 * Every function definition of Linux 6.12 mm/ (all .c files, subdirectories included), parsed without includes:
 * no exception, every structural invariant, and the exit of every function free of parse problems is reachable
 * unless the function visibly never returns. Also measures building against parsing.
 */
class MmCorpusTest {

    private static Path mmTree() { return dev.mmlint.frontend.testing.KernelTestTrees.tree("6.12").resolve("mm"); }

    @Test
    void everyFunctionOfMm() throws IOException {
        Path mm = mmTree();
        List<Path> files;
        try (Stream<Path> s = Files.walk(mm)) {
            files = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        assertTrue(files.size() >= 125, "6.12 mm/ has at least 125 .c files, found " + files.size());

        List<IASTFunctionDefinition> fns = new ArrayList<>();
        long parseNs = 0;
        for (Path f : files) {
            String code = Files.readString(f, StandardCharsets.ISO_8859_1);
            long t0 = System.nanoTime();
            IASTTranslationUnit tu = CfgTestSupport.parse(f.toString(), code);
            fns.addAll(CfgTestSupport.functions(tu));
            parseNs += System.nanoTime() - t0;
        }

        List<String> failures = new ArrayList<>();
        Map<String, Integer> unsupported = new TreeMap<>();
        List<Cfg> cfgs = new ArrayList<>(fns.size());
        long t0 = System.nanoTime();
        for (IASTFunctionDefinition fn : fns) {
            try {
                cfgs.add(CfgBuilder.build(fn));
            } catch (RuntimeException | StackOverflowError e) {
                failures.add(where(fn) + ": " + e);
                cfgs.add(null);
            }
        }
        long buildNs = System.nanoTime() - t0;
        assertEquals(List.of(), failures, "CfgBuilder threw");

        int problemFree = 0;
        int exitOnlyByNoreturn = 0;
        int neverReturn = 0;
        int nodes = 0;
        int lowered = 0;
        for (int i = 0; i < fns.size(); i++) {
            IASTFunctionDefinition fn = fns.get(i);
            Cfg c = cfgs.get(i);
            nodes += c.nodes().size();
            lowered += c.loweredStatementExpressions().size();
            try {
                CfgInvariants.check(c);
            } catch (AssertionError e) {
                failures.add(where(fn) + ": " + e.getMessage().lines().findFirst().orElse(""));
                continue;
            }
            for (String u : c.unsupported()) {
                unsupported.merge(u.replaceAll("^line \\d+: ", "").replaceAll("`[^`]*`", "`…`"), 1, Integer::sum);
                if (u.contains("internal error")) {
                    failures.add(where(fn) + ": " + u);
                }
            }
            if (!hasParseProblem(fn)) {
                problemFree++;
                if (c.hasProblems()) {
                    failures.add(where(fn) + ": PROBLEM node in a function without parse problems: "
                            + c.unsupported());
                }
                if (!c.exit().isReachable()) {
                    neverReturn++;
                    if (!visiblyEndless(fn)) {
                        failures.add(where(fn) + ": exit unreachable without an endless loop or backward goto");
                    }
                } else if (!normallyReachable(c)) {
                    exitOnlyByNoreturn++;
                }
            }
        }
        assertEquals(List.of(), failures);

        // determinism on a sample (describe() renders text, the costly part)
        for (int i = 0; i < fns.size(); i += 17) {
            assertEquals(cfgs.get(i).describe(), CfgBuilder.build(fns.get(i)).describe(), where(fns.get(i)));
        }

        // again, warm: the first pass also pays for compiling the builder's code
        long w0 = System.nanoTime();
        for (IASTFunctionDefinition fn : fns) {
            CfgBuilder.build(fn);
        }
        long warmNs = System.nanoTime() - w0;

        // the largest function, built repeatedly
        Cfg big = cfgs.stream().max((a, b) -> Integer.compare(a.nodes().size(), b.nodes().size())).orElseThrow();
        long b0 = System.nanoTime();
        int reps = 200;
        for (int r = 0; r < reps; r++) {
            CfgBuilder.build(big.function());
        }
        double bigUs = (System.nanoTime() - b0) / 1e3 / reps;

        System.out.printf("mm corpus: %d files, %d functions (%d without parse problems), %d nodes, %d lowered"
                + " statement expressions; parse %.0f ms, CFG build %.0f ms first pass (%.1f%% of parse), %.0f ms"
                + " warm (%.1f%%); largest %s: %d nodes, %.0f us per build; %d never return, %d return only"
                + " through noreturn calls%n",
                files.size(), fns.size(), problemFree, nodes, lowered, parseNs / 1e6, buildNs / 1e6,
                100.0 * buildNs / parseNs, warmNs / 1e6, 100.0 * warmNs / parseNs, big.name(), big.nodes().size(),
                bigUs, neverReturn, exitOnlyByNoreturn);
        unsupported.forEach((k, v) -> System.out.printf("  unsupported %5d  %s%n", v, k));

        assertTrue(fns.size() > 4000, "functions found: " + fns.size());
        assertTrue(problemFree > fns.size() / 2, "most functions parse cleanly without includes");
        // lenient (shared machines): warm building measures 5-10% of this parse without includes, and ~1% of a
        // parse with the kernel headers
        assertTrue(warmNs < parseNs, "building all CFGs must cost less than parsing");
    }

    private static String where(IASTFunctionDefinition fn) {
        var loc = fn.getFileLocation();
        return (loc == null ? "?" : Path.of(loc.getFileName()).getFileName() + ":" + loc.getStartingLineNumber());
    }

    private static boolean hasParseProblem(IASTFunctionDefinition fn) {
        boolean[] found = {false};
        fn.accept(new ASTVisitor() {
            {
                shouldVisitProblems = true;
            }

            @Override
            public int visit(IASTProblem problem) {
                found[0] = true;
                return PROCESS_ABORT;
            }
        });
        return found[0];
    }

    /** Has a loop without condition or with a constant non-zero one, or a goto to a label above it. */
    private static boolean visiblyEndless(IASTFunctionDefinition fn) {
        boolean[] found = {false};
        fn.accept(new ASTVisitor() {
            {
                shouldVisitStatements = true;
            }

            @Override
            public int visit(IASTStatement s) {
                IASTExpression cond = s instanceof IASTForStatement f ? f.getConditionExpression()
                        : s instanceof IASTWhileStatement w ? w.getCondition()
                        : s instanceof IASTDoStatement d ? d.getCondition() : null;
                boolean loop = s instanceof IASTForStatement || s instanceof IASTWhileStatement
                        || s instanceof IASTDoStatement;
                if (loop && (cond == null || nonZero(cond))) {
                    found[0] = true;
                }
                if (s instanceof IASTGotoStatement g && g.getName().resolveBinding() != null) {
                    found[0] = true; // conservative: any goto may close a loop
                }
                return PROCESS_CONTINUE;
            }
        });
        return found[0];
    }

    private static boolean nonZero(IASTExpression e) {
        Long v = CfgBuilder.ConstEval.value(e);
        return v != null && v != 0;
    }

    private static boolean normallyReachable(Cfg c) {
        Set<CfgNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<CfgNode> work = new ArrayDeque<>(List.of(c.entry()));
        seen.add(c.entry());
        while (!work.isEmpty()) {
            for (CfgEdge e : work.poll().successors()) {
                if (e.kind() != EdgeKind.EXCEPTIONAL_NONE && seen.add(e.to())) {
                    work.add(e.to());
                }
            }
        }
        return seen.contains(c.exit());
    }
}
