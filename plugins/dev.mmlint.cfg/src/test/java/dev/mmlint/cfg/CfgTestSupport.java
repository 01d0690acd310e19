package dev.mmlint.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage;
import org.eclipse.cdt.core.parser.DefaultLogService;
import org.eclipse.cdt.core.parser.FileContent;
import org.eclipse.cdt.core.parser.IncludeFileContentProvider;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;

/** Parsing helpers: C text without includes, as the kernel's .c files parse without their headers. */
final class CfgTestSupport {

    private CfgTestSupport() {
    }

    static IASTTranslationUnit parse(String name, String code) {
        try {
            return GCCLanguage.getDefault().getASTTranslationUnit(FileContent.create(name, code.toCharArray()),
                    new ExtendedScannerInfo(Map.of(), new String[0]), IncludeFileContentProvider.getEmptyFilesProvider(),
                    null, 0, new DefaultLogService());
        } catch (Exception e) {
            throw new AssertionError("CDT failed on " + name, e);
        }
    }

    static List<IASTFunctionDefinition> functions(IASTTranslationUnit tu) {
        List<IASTFunctionDefinition> r = new ArrayList<>();
        for (IASTDeclaration d : tu.getDeclarations()) {
            if (d instanceof IASTFunctionDefinition fd) {
                r.add(fd);
            }
        }
        return r;
    }

    /** The CFG of the function called {@code name} in {@code code}, checked against the invariants. */
    static Cfg cfg(String code, String name) {
        return cfg(code, name, CfgOptions.DEFAULT);
    }

    static Cfg cfg(String code, String name, CfgOptions options) {
        IASTTranslationUnit tu = parse("test.c", code);
        for (IASTFunctionDefinition fd : functions(tu)) {
            Cfg c = CfgBuilder.build(fd, options);
            if (c.name().equals(name)) {
                CfgInvariants.check(c);
                return c;
            }
        }
        fail("no function " + name + " in:\n" + code);
        return null;
    }

    /** The CFG of the only (or last) function definition in {@code code}. */
    static Cfg cfg(String code) {
        IASTTranslationUnit tu = parse("test.c", code);
        List<IASTFunctionDefinition> fns = functions(tu);
        assertTrue(!fns.isEmpty(), "no function definition");
        Cfg c = CfgBuilder.build(fns.get(fns.size() - 1));
        CfgInvariants.check(c);
        return c;
    }

    static void assertShape(String expected, Cfg cfg) {
        assertEquals(expected.strip(), cfg.describe().strip(), () -> "CFG of " + cfg.name() + ":\n" + cfg.describe());
    }

    static Path root() {
        return dev.mmlint.frontend.testing.RepoRoot.path();
    }

    static String fixture(String relative) throws IOException {
        return Files.readString(root().resolve("test-fixtures/cfg").resolve(relative), StandardCharsets.UTF_8);
    }

}
