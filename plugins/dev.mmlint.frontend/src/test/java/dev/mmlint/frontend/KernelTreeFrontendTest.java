package dev.mmlint.frontend;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTImageLocation;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.ICompositeType;
import org.eclipse.cdt.core.dom.ast.IField;
import org.eclipse.cdt.core.dom.ast.IPointerType;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.eclipse.cdt.core.dom.ast.IType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tree mode on real 6.12 mm files: no problems, complete types, exact positions. */
class KernelTreeFrontendTest {
    static final List<String> FILES = List.of("mm/gup.c", "mm/huge_memory.c", "mm/hugetlb.c");
    static Path tree;
    static KernelTreeFrontend fe;
    static List<ParsedUnit> units = new ArrayList<>();

    @BeforeAll static void parse() throws Exception {
        tree = TestSupport.kernel("6.12");
        Path cfg = TestSupport.kernelConfig("6.12");
        fe = new KernelTreeFrontend(KernelTree.at(tree).orElseThrow(),
                FrontendOptions.defaults().withConfig(Files.isRegularFile(cfg) ? cfg : null));
        for (String f : FILES) units.add(fe.parse(tree.resolve(f)));
    }

    @Test void contextSaysWhereVersionAndConfigCameFrom() {
        KernelContext c = fe.context();
        assertEquals(6, c.version().major());
        assertEquals(12, c.version().minor());
        assertTrue(c.versionSource().contains("Makefile"));
        assertTrue(c.config().enabled("MMU"));
        assertFalse(fe.generatedDir().startsWith(tree), "generated headers must not go into the tree");
        assertTrue(Files.isRegularFile(fe.generatedDir().resolve("include/generated/autoconf.h")));
        assertFalse(Files.exists(tree.resolve("include/generated")), "nothing may be written into the tree");
    }

    @Test void noProblemNodesInTheCFiles() {
        for (ParsedUnit u : units) {
            var problems = TestSupport.mainFileProblems(u.ast());
            assertTrue(problems.isEmpty(), () -> u.displayPath() + ": " + problems.stream()
                    .map(p -> TestSupport.where(p) + " " + p.getRawSignature()).toList());
            assertEquals(0, u.ast().getPreprocessorProblems().length == 0 ? 0
                    : java.util.Arrays.stream(u.ast().getPreprocessorProblems())
                            .filter(p -> p.getFileLocation() != null && p.getFileLocation().getFileName().equals(u.ast().getFilePath())).count(),
                    u.displayPath() + " has preprocessor problems");
            long clean = u.coverage().stream().filter(f -> f.status() == FunctionCoverage.Status.CLEAN).count();
            assertTrue(clean >= 0.99 * u.coverage().size(), () -> u.displayPath() + ": " + u.coverage().stream()
                    .filter(f -> f.status() != FunctionCoverage.Status.CLEAN).toList());
            assertTrue(u.coverage().size() > 50, u.displayPath() + " should hold many functions");
        }
    }

    @Test void structPageIsCompleteAndMappingIsAField() {
        int mappings = 0;
        ICompositeType page = null;
        for (ParsedUnit u : units) {
            List<IASTFieldReference> refs = new ArrayList<>();
            u.ast().accept(new ASTVisitor(false) {
                { shouldVisitExpressions = true; }
                @Override public int visit(IASTExpression e) {
                    if (e instanceof IASTFieldReference f && f.getFieldName().toString().equals("mapping")) refs.add(f);
                    return PROCESS_CONTINUE;
                }
            });
            for (IASTFieldReference r : refs) {
                IType owner = TestSupport.unwrap(r.getFieldOwner().getExpressionType());
                if (r.isPointerDereference() && owner instanceof IPointerType p
                        && TestSupport.unwrap(p.getType()) instanceof ICompositeType ct && ct.getName().equals("page")) {
                    assertInstanceOf(IField.class, r.getFieldName().resolveBinding(), TestSupport.where(r));
                    mappings++;
                    page = ct;
                }
            }
        }
        assertTrue(mappings > 0, "expected some page->mapping in " + FILES);
        IField[] fields = page.getFields();
        assertTrue(fields.length >= 5, "struct page should be complete, fields: " + fields.length);
        for (IField f : fields) assertFalse(f instanceof IProblemBinding, "incomplete struct page: " + f);
        assertNotNull(page.findField("flags"));
        assertNotNull(page.findField("_refcount"));
    }

    /** Function names and call names in regular code sit exactly where SourceText says, in the raw file. */
    @Test void positionsPointAtTheRawText() throws Exception {
        int checkedDefs = 0, checkedCalls = 0;
        for (ParsedUnit u : units) {
            List<String> raw = Files.readAllLines(u.path());
            for (IASTFunctionDefinition fd : u.functions()) {
                IASTName n = fd.getDeclarator().getName();
                if (n.toCharArray().length == 0) continue;
                IASTImageLocation img = imageLocation(n);
                if (img == null || img.getLocationKind() != IASTImageLocation.REGULAR_CODE) continue;
                assertAt(u, raw, n.getFileLocation().getNodeOffset(), n.toString());
                checkedDefs++;
            }
            List<IASTName> calls = new ArrayList<>();
            u.ast().accept(new ASTVisitor(false) {
                { shouldVisitExpressions = true; }
                @Override public int visit(IASTExpression e) {
                    if (e instanceof IASTFunctionCallExpression c && c.getFunctionNameExpression() instanceof IASTIdExpression id
                            && dev.mmlint.frontend.internal.Coverage.inMainFile(e, u.ast().getFilePath())) calls.add(id.getName());
                    return PROCESS_CONTINUE;
                }
            });
            for (IASTName n : calls) {
                IASTImageLocation img = imageLocation(n);
                if (img == null || img.getLocationKind() != IASTImageLocation.REGULAR_CODE) continue;
                assertAt(u, raw, n.getFileLocation().getNodeOffset(), n.toString());
                checkedCalls++;
            }
        }
        assertTrue(checkedDefs > 300, "definitions checked: " + checkedDefs);
        assertTrue(checkedCalls > 1000, "calls checked: " + checkedCalls);
    }

    /**
     * A name's image location as the engine reads it (ImageLocations): a name that came out of the definition
     * of a macro whose header was replayed (InclusionMemo) has its image in that definition, which the unit's
     * location map does not hold (CDT throws): not regular code.
     */
    private static IASTImageLocation imageLocation(IASTName n) {
        try {
            return n.getImageLocation();
        } catch (NullPointerException e) {
            return null;
        }
    }

    private static void assertAt(ParsedUnit u, List<String> raw, int offset, String name) {
        int line = u.text().line(offset), col = u.text().column(offset);
        String l = raw.get(line - 1);
        assertTrue(l.startsWith(name, col - 1), () -> u.displayPath() + ":" + line + ":" + col + ": expected '" + name + "' in: " + l);
    }

    @Test void compileCommandsGiveEachFileItsFlags(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("compile_commands.json");
        StringBuilder json = new StringBuilder("[\n");
        List<String> files = List.of("mm/gup.c", "mm/mmzone.c");
        for (int i = 0; i < files.size(); i++) {
            StringBuilder cmd = new StringBuilder("gcc -Wp,-MMD -nostdinc");
            for (String inc : fe.includeDirs()) {
                Path p = Path.of(inc);
                cmd.append(" -I").append(p.startsWith(tree) ? "./" + tree.relativize(p) : p.toString());
            }
            for (Map.Entry<String, String> d : fe.defines().entrySet())
                if (d.getKey().startsWith("__KERNEL__") || d.getKey().equals("CC_USING_FENTRY")) cmd.append(" -D").append(d.getKey());
            cmd.append(" -D__GNUC__=12 -DMMLINT_CC_MARKER=42 -U__OPTIMIZE__");
            cmd.append(" -include ./include/linux/kconfig.h -include ./include/linux/compiler_types.h");
            cmd.append(" -DKBUILD_MODNAME='\\\"x\\\"' -c -o ").append(files.get(i).replace(".c", ".o")).append(' ').append(files.get(i));
            json.append("  {\"directory\": \"").append(tree).append("\", \"file\": \"").append(files.get(i))
                    .append("\", \"command\": \"").append(cmd.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append("\"}")
                    .append(i + 1 < files.size() ? ",\n" : "\n");
        }
        Files.writeString(db, json.append("]\n"));
        CompileCommandsFrontend cc = new CompileCommandsFrontend(db, FrontendOptions.defaults().withConfig(TestSupport.kernelConfig("6.12")));
        ParsedUnit u = cc.parse(tree.resolve("mm/mmzone.c"));
        assertEquals(ParsedUnit.Mode.COMPILE_COMMANDS, u.mode());
        assertTrue(TestSupport.mainFileProblems(u.ast()).isEmpty());
        assertTrue(u.ast().getMacroDefinitions().length > 0);
        assertTrue(java.util.Arrays.stream(u.ast().getBuiltinMacroDefinitions()).anyMatch(m -> m.getName().toString().equals("MMLINT_CC_MARKER")),
                "-D from the command must be defined");
        assertFalse(java.util.Arrays.stream(u.ast().getBuiltinMacroDefinitions()).anyMatch(m -> m.getName().toString().equals("__OPTIMIZE__")),
                "-U from the command must be honoured");
        assertTrue(u.coverage().stream().allMatch(f -> f.status() == FunctionCoverage.Status.CLEAN), u.coverage()::toString);
        ParsedUnit other = cc.parse(tree.resolve("mm/swap_cgroup.c"));
        assertEquals(ParsedUnit.Mode.KERNEL_TREE, other.mode(), "files not in the database fall back to tree defaults");
        assertEquals("mm/mmzone.c", u.displayPath());
    }

    /**
     * A tree older than Linux 3.1 (no include/linux/kconfig.h, no compiler_types.h): Kbuild forced the
     * config header itself and generated bounds.h and utsrelease.h into include/linux/. The Kconfig must
     * reach the preprocessor and those headers must be found, or every #ifdef CONFIG_ and NR_PAGEFLAGS go wrong.
     */
    @Test void treeOlderThanKconfigHGetsItsConfigHeaderForced(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("linux");
        Map<String, String> files = Map.of(
                "Makefile", "VERSION = 2\nPATCHLEVEL = 6\nSUBLEVEL = 31\n",
                "Kbuild", "obj-y\t\t\t+= mm/\n",
                "mm/Makefile", "obj-y := old.o\n",
                ".config", "CONFIG_MMU=y\n",
                "include/linux/mmzone.h", "#include <linux/bounds.h>\n#include <linux/utsrelease.h>\n",
                "mm/old.c", "#include <linux/mmzone.h>\n#ifdef CONFIG_MMU\nint mmu_on(void) { return MAX_NR_ZONES; }\n#endif\n"
                        + "#ifndef UTS_RELEASE\nint no_release(void) { return 0; }\n#endif\n");
        for (var e : files.entrySet()) {
            Files.createDirectories(root.resolve(e.getKey()).getParent());
            Files.writeString(root.resolve(e.getKey()), e.getValue());
        }
        KernelTreeFrontend fe = MiniTree.frontend(root, dir.resolve("cache"));
        assertTrue(fe.forcedIncludes().get(0).endsWith("include/linux/autoconf.h"), fe.forcedIncludes()::toString);
        assertFalse(fe.forcedIncludes().stream().anyMatch(f -> f.contains("compiler_types.h")), fe.forcedIncludes()::toString);
        ParsedUnit u = fe.parse(root.resolve("mm/old.c"));
        assertEquals(List.of("mmu_on"), u.functions().stream().map(dev.mmlint.frontend.internal.Coverage::functionName).toList());
        assertTrue(u.coverage().stream().allMatch(f -> f.status() == FunctionCoverage.Status.CLEAN), u.coverage()::toString);
        assertFalse(Files.exists(root.resolve("include/linux/autoconf.h")), "the tree must not be written");
    }
}
