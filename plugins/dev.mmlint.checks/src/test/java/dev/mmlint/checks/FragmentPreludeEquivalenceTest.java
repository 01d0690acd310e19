package dev.mmlint.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.engine.api.Finding;
import dev.mmlint.frontend.CdtFrontend;
import dev.mmlint.frontend.Counter;
import dev.mmlint.frontend.FragmentFrontend;
import dev.mmlint.frontend.KernelConfig;
import dev.mmlint.frontend.KernelContext;
import dev.mmlint.frontend.ParsedUnit;
import dev.mmlint.frontend.internal.Fingerprint;
import dev.mmlint.frontend.internal.Preludes;
import dev.mmlint.model.api.KernelVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Lone fragments parsed after the recorded built-in prelude ({@link Preludes}) give what a parse from
 * scratch gives: on every rule fixture (fixed files included) and every corpus file, the findings are
 * equal field by field, in order, and so is the unit (coverage, problems, main-file macro expansions
 * and includes, the binding and type of every name and expression of its functions, at the same
 * offsets). What a recorded prelude changes by design is left out: the count of the unit's macro
 * definitions (the prelude's {@code #define}s are in effect, not preprocessed again), and the prelude
 * offset by which CDT prints an anonymous type ({@code enum {/__mmlint__/mmlint-builtin.h:34351}}):
 * prelude nodes lie in the padding that stands for it, which has no macro expansions inside, so
 * their offsets there run a few characters on. Anonymous types are still told apart, by the order in
 * which they first appear.
 */
class FragmentPreludeEquivalenceTest {
    static List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("test-fixtures/rules", "test-fixtures/corpus"))
            try (Stream<Path> s = Files.walk(FixtureTest.root().resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".c")).sorted().forEach(out::add);
            }
        return out;
    }

    private static final java.util.regex.Pattern ANON = java.util.regex.Pattern.compile("\\{(" + java.util.regex.Pattern.quote(FragmentFrontend.BUILTIN_PATH) + ":\\d+)\\}");

    private record Parsed(List<String> findings, List<String> unit) {}

    private static Parsed analyse(Path file, String text, boolean prelude) throws Exception {
        FixtureExpectations e = FixtureExpectations.parse(text);
        KernelContext ctx = new KernelContext(e.kernel == null ? null : KernelVersion.parse(e.kernel),
                e.kernel == null ? "unknown (lone fragment)" : "mmlint-kernel: " + e.kernel,
                new KernelConfig(e.config, e.config.isEmpty() ? "no Kconfig known" : "mmlint-config"));
        try (FragmentFrontend fe = new FragmentFrontend(ctx)) {
            fe.setPreludeReuse(prelude);
            ParsedUnit u;
            try (Counter.Scope c = Counter.scope()) {
                u = fe.parseText(file, FixtureTest.root().relativize(file).toString(), text);
                int parses = 1 + u.variants().size();
                assertEquals(prelude ? parses : 0, c.count(Preludes.REUSED), file + ": parses after the recorded prelude");
            }
            List<String> findings = Mmlint.engine().analyze(u).findings().stream().map(Finding::toString).toList();
            List<String> unit = new ArrayList<>();
            for (ParsedUnit p : units(u))
                Fingerprint.of(p, Fingerprint.Depth.DEEP).stream().filter(s -> !s.startsWith("macro definitions ")).forEach(unit::add);
            java.util.Map<String, Integer> anonymous = new java.util.HashMap<>();
            unit.replaceAll(s -> ANON.matcher(s).replaceAll(m -> "{anonymous " + anonymous.computeIfAbsent(m.group(1), k -> anonymous.size()) + "}"));
            return new Parsed(findings, unit);
        }
    }

    private static List<ParsedUnit> units(ParsedUnit u) {
        List<ParsedUnit> all = new ArrayList<>(List.of(u));
        u.variants().forEach(v -> all.add(v.unit()));
        return all;
    }

    @TestFactory Stream<DynamicTest> fragmentsParseAfterThePreludeAsFromScratch() throws IOException {
        return files().stream().map(f -> DynamicTest.dynamicTest(FixtureTest.root().relativize(f).toString(), f.toUri(), () -> {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Parsed scratch = analyse(f, text, false);
            Parsed reused = analyse(f, text, true);
            assertEquals(scratch.findings(), reused.findings(), f + ": findings");
            assertNull(Fingerprint.firstDifference(scratch.unit(), reused.unit()), f + ": unit");
        }));
    }

    /**
     * Texts that reach into the prelude's own state: a second inclusion of it (its include guard is
     * defined), a redefinition and an undefinition of a prelude macro, {@code __COUNTER__}, an
     * {@code #include} and a {@code #define} before the first token, an unbalanced {@code #endif}.
     */
    @Test void textsThatTouchThePreludeParseAsFromScratch() throws Exception {
        Path f = FixtureTest.root().resolve("test-fixtures/rules/edge.c");
        List<String> texts = List.of(
                "#include \"" + FragmentFrontend.BUILTIN_PATH + "\"\nstatic int f(struct page *page) { return page_count(page); }\n",
                "#undef PAGE_SIZE\n#define PAGE_SIZE 8192\nstatic unsigned long g(void) { return PAGE_SIZE; }\n",
                "#undef compound_head\nstatic struct page *h(struct page *p) { return compound_head(p); }\n",
                "static int a = __COUNTER__, b = __COUNTER__;\nint c(void) { return a + b + __LINE__; }\n",
                "/* c */\n#include <linux/mm.h>\n#define X 1\nstatic int x = X;\n",
                "#endif\nint y;\n",
                "",
                "#if 0\n");
        for (String t : texts) {
            Parsed scratch = analyse(f, t, false);
            Parsed reused = analyse(f, t, true);
            assertEquals(scratch.findings(), reused.findings(), t);
            assertNull(Fingerprint.firstDifference(scratch.unit(), reused.unit()), t);
        }
    }

    /** The prelude is recorded once per configuration and JVM, not once per front end. */
    @Test void recordedOncePerConfiguration() throws Exception {
        Path f = FixtureTest.root().resolve("test-fixtures/rules/once.c");
        String text = "/* mmlint-config: CONFIG_MMLINT_ONCE_TEST=y */\nint z;\n";
        analyse(f, text, true);
        try (Counter.Scope c = Counter.scope()) {
            for (int i = 0; i < 3; i++) analyse(f, text + "int w" + i + ";\n", true);
            assertEquals(0, c.count(Preludes.RECORDED));
            assertEquals(3, c.count(Preludes.REUSED));
        }
        assertTrue(CdtFrontend.preludesReused() > 0);
    }
}
