package dev.mmlint.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.engine.Engine;
import dev.mmlint.engine.UnitAnalyzer;
import dev.mmlint.frontend.Counter;
import dev.mmlint.frontend.FragmentFrontend;
import dev.mmlint.frontend.KernelConfig;
import dev.mmlint.frontend.KernelContext;
import dev.mmlint.frontend.ParsedUnit;
import dev.mmlint.model.api.KernelVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A buffer analysed again after an edit, with what its earlier analysis left ({@link UnitAnalyzer.Memo}),
 * reports exactly what an analysis from scratch of the edited text reports: every rule fixture, edited the
 * ways typing and patches edit (a line inserted at the top of each function's body, moving everything after
 * it; a comment typed at the end of a statement; a function's last statement deleted; a declaration outside
 * the functions deleted; two functions edited at once; the fixture's offered fixes applied, its {@code .fixed.c}), each then undone. The build's tests run with {@code -Dmmlint.checkRunReuse=true}, so every run carried over is
 * also compared with a new run of the function.
 */
class RunReuseTest {
    private static final int FUNCTIONS_PER_FIXTURE = 3;
    private static final AtomicLong kept = new AtomicLong(), analyses = new AtomicLong(), changed = new AtomicLong();

    @TestFactory Stream<DynamicTest> everyFixtureEditedReportsWhatAFreshAnalysisDoes() throws Exception {
        Engine engine = Mmlint.engine();
        Path rules = FixtureTest.root().resolve("test-fixtures/rules");
        return FixtureTest.fixtures().stream().map(f -> DynamicTest.dynamicTest(rules.relativize(f).toString(), f.toUri(), () -> {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            FixtureExpectations e = FixtureExpectations.parse(text);
            KernelContext ctx = new KernelContext(e.kernel == null ? null : KernelVersion.parse(e.kernel),
                    e.kernel == null ? "unknown (lone fragment)" : "mmlint-kernel: " + e.kernel,
                    new KernelConfig(e.config, e.config.isEmpty() ? "no Kconfig known" : "mmlint-config"));
            String display = FixtureTest.root().relativize(f).toString();
            try (FragmentFrontend fe = new FragmentFrontend(ctx)) {
                UnitAnalyzer.Memo memo = new UnitAnalyzer.Memo();
                ParsedUnit first = fe.parseText(f, display, text);
                engine.analyze(first, memo);
                List<String> edits = new ArrayList<>();
                List<IASTFunctionDefinition> fns = first.functions();
                for (int i = 0; i < fns.size() && i < FUNCTIONS_PER_FIXTURE; i++) {
                    IASTFunctionDefinition fn = fns.get(i);
                    if (fn.getBody() == null || fn.getBody().getFileLocation() == null) continue;
                    int brace = fn.getBody().getFileLocation().getNodeOffset() + 1;
                    edits.add(text.substring(0, brace) + "\n\t;" + text.substring(brace));
                    int end = fn.getFileLocation().getNodeOffset() + fn.getFileLocation().getNodeLength();
                    int semi = text.lastIndexOf(";\n", end);
                    if (semi <= brace) continue;
                    edits.add(text.substring(0, semi + 1) + " /* typed */" + text.substring(semi + 1));
                    // the function's last statement line deleted: what the function does changes, and so may
                    // its callers' and callees' findings
                    int from = text.lastIndexOf('\n', semi) + 1;
                    if (from > brace) edits.add(text.substring(0, from) + text.substring(semi + 2));
                }
                // a declaration outside every function deleted (a prototype, a global, a struct member): what the
                // functions that use it see changes, and nothing of the analysis before may be carried over for them
                int declarations = 0;
                for (int at = 0, next; at < text.length() && declarations < 3; at = next) {
                    next = text.indexOf('\n', at) + 1;
                    if (next == 0) next = text.length();
                    String line = text.substring(at, next).strip();
                    if (!line.endsWith(";") || line.startsWith("#") || line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) continue;
                    final int here = at;
                    if (fns.stream().anyMatch(fn -> fn.getFileLocation().getNodeOffset() <= here
                            && here < fn.getFileLocation().getNodeOffset() + fn.getFileLocation().getNodeLength())) continue;
                    edits.add(text.substring(0, at) + text.substring(next));
                    declarations++;
                }
                // two functions edited at once (as a patch's hunks or a paste do): the first and the last
                if (fns.size() >= 2 && fns.get(0).getBody() != null && fns.get(fns.size() - 1).getBody() != null) {
                    int one = fns.get(0).getBody().getFileLocation().getNodeOffset() + 1;
                    int two = fns.get(fns.size() - 1).getBody().getFileLocation().getNodeOffset() + 1;
                    edits.add(text.substring(0, one) + "\n\t;" + text.substring(one, two) + "\n\t;" + text.substring(two));
                }
                Path fixed = f.resolveSibling(f.getFileName().toString().replace(".c", ".fixed.c"));
                if (Files.exists(fixed)) edits.add(Files.readString(fixed, StandardCharsets.UTF_8));
                List<dev.mmlint.engine.api.Finding> before = engine.analyze(fe.parseText(f, display, text)).findings();
                for (String edited : edits) {
                    if (!same(engine, fe, f, display, edited, memo).findings().equals(before)) changed.incrementAndGet();
                    same(engine, fe, f, display, text, memo); // undone
                }
            }
        }));
    }

    private static UnitAnalyzer.Result same(Engine engine, FragmentFrontend fe, Path f, String display, String text, UnitAnalyzer.Memo memo)
            throws Exception {
        UnitAnalyzer.Result fresh = engine.analyze(fe.parseText(f, display, text));
        UnitAnalyzer.Result again;
        try (Counter.Scope c = Counter.scope()) {
            again = engine.analyze(fe.parseText(f, display, text), memo);
            kept.addAndGet(c.count(UnitAnalyzer.Memo.REUSED));
        }
        analyses.incrementAndGet();
        assertEquals(fresh.findings(), again.findings(), display + ": the findings after an edit differ from a fresh analysis");
        assertEquals(fresh.functions(), again.functions(), display + ": the functions' coverage after an edit differs");
        return fresh;
    }

    @AfterAll static void theMemoWasUsed() {
        // not a vacuous comparison: most analyses above carried runs over, and many edits changed the findings
        if (analyses.get() == 0) return;
        assertTrue(kept.get() > analyses.get(), "runs carried over: " + kept + " in " + analyses + " analyses");
        assertTrue(changed.get() > 50, "edits that changed the findings: " + changed);
        System.out.println("RunReuseTest: " + analyses + " analyses, " + kept + " runs carried over, " + changed + " edits changed the findings");
    }
}
