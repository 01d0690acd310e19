package dev.mmlint.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomRuleCompilerTest {

    private static final Path OK = Roots.fixtures().resolve("custom/ok/UsesModel.java");
    private static final Path BROKEN = Roots.fixtures().resolve("custom/broken/Broken.java");

    @Test
    void compilesAgainstTheRunningClassPathAndLoads() throws Exception {
        CustomRuleCompiler.Result r = CustomRuleCompiler.compile(List.of(OK));
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.classes().size());
        Class<?> c = r.classes().get(0);
        assertEquals("mmlint.custom.UsesModel", c.getName());
        assertTrue(Supplier.class.isAssignableFrom(c), "implements an interface of the running class path");
        @SuppressWarnings("unchecked")
        Supplier<String> s = (Supplier<String>) c.getDeclaredConstructor().newInstance();
        assertEquals("custom rules see kernel 6.18", s.get());
    }

    @Test
    void aBrokenSourceIsReportedWithItsLocationAndTheOthersStillLoad() {
        CustomRuleCompiler.Result r = CustomRuleCompiler.compile(List.of(BROKEN, OK));
        assertEquals(List.of("mmlint.custom.UsesModel"), r.classes().stream().map(Class::getName).toList());
        assertEquals(1, r.errors().size(), r.errors()::toString);
        DslDiagnostic d = r.errors().get(0);
        assertEquals(BROKEN.toString(), d.file());
        assertEquals(6, d.line());
        assertEquals(21, d.column());
        assertTrue(d.message().contains("Type mismatch"), d.message());
        assertTrue(d.format().startsWith(BROKEN + ":6:21: error: "), d.format());
    }

    @Test
    void loaderCompilesRulesCustomDirectory(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("custom"));
        Files.copy(OK, dir.resolve("custom/UsesModel.java"));
        Files.copy(BROKEN, dir.resolve("custom/Broken.java"));
        Files.copy(Roots.fixtures().resolve("valid/minimal.mmr"), dir.resolve("minimal.mmr"));
        LoadResult r = RuleSetLoader.load(dir);
        assertEquals(1, r.customRules().size());
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).file().endsWith("Broken.java"));
        assertTrue(r.model().clause("minimal.one").isPresent(), "a broken custom rule does not stop the DSL rules");
    }
}
