package dev.mmlint.dsl.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mmlint.dsl.DslDiagnostic;
import dev.mmlint.dsl.LoadResult;
import dev.mmlint.dsl.RuleSetLoader;
import dev.mmlint.dsl.RuleSource;
import dev.mmlint.frontend.testing.FuzzGuard;
import java.util.List;

/**
 * The rule DSL (lexer, parser, model builder and validation) on arbitrary text. Input errors are
 * diagnostics, never exceptions: each names the file and a line and column within the text, with a
 * clear message; a file with errors is rejected, not half-loaded.
 */
class RuleDslFuzzTest {
    @FuzzTest
    void ruleFile(byte[] data) {
        String text = FuzzGuard.text(FuzzGuard.cap(data, 64 * 1024));
        FuzzGuard.run(() -> {
            LoadResult r = RuleSetLoader.load(List.of(new RuleSource("fuzz.mmr", text)), List.of());
            long lines = text.lines().count() + 1;
            for (DslDiagnostic d : r.diagnostics()) {
                FuzzGuard.assertClear(d.message());
                if (!d.file().equals("fuzz.mmr") && !d.file().equals("<model>"))
                    throw new AssertionError("diagnostic names another file: " + d.format());
                if (d.line() < 1 || d.line() > lines) throw new AssertionError("diagnostic line outside the text: " + d.format());
            }
            if (r.hasErrors() && !r.rejected().contains("fuzz.mmr") && r.errors().stream().anyMatch(e -> e.file().equals("fuzz.mmr")))
                throw new AssertionError("a file with errors was loaded: " + r.errors());
        });
    }
}
