package dev.mmlint.checks;

import dev.mmlint.frontend.Diagnostic;
import dev.mmlint.frontend.KernelTree;
import dev.mmlint.frontend.SourceText;
import dev.mmlint.model.api.HeadRequirement;
import dev.mmlint.model.api.KernelVersion;
import dev.mmlint.model.api.ReferenceModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTParameterDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStandardFunctionDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage;
import org.eclipse.cdt.core.parser.DefaultLogService;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;
import org.eclipse.cdt.core.parser.FileContent;
import org.eclipse.cdt.core.parser.IncludeFileContentProvider;

/**
 * The model-drift report: compares what the reference model says about head-only functions with
 * the assertions the kernel tree itself makes. A function whose body starts by asserting that a
 * parameter is not a tail ({@code VM_BUG_ON_PAGE(PageTail(page), page)},
 * {@code VM_BUG_ON_FOLIO(folio_test_tail(folio), folio)}, {@code VM_BUG_ON_PAGE(!PageHead(page), page)})
 * states a head-only contract; the report lists contracts the model does not know, model claims whose
 * definition in the tree has no such assertion, and model claims about functions the tree no longer
 * defines. Files are parsed without includes: the statements of a body parse without headers, and
 * this covers mm/ and include/linux/ in seconds.
 */
public final class ModelVerify {
    /** The first statements of a body where a contract assertion is looked for. */
    private static final int HEAD_STATEMENTS = 6;
    private static final Pattern ASSERT = Pattern.compile(
            "\\bVM_BUG_ON(?:_PAGE|_FOLIO|_PGFLAGS)?\\s*\\(\\s*(?:PageTail|folio_test_tail|!\\s*PageHead|PageTail\\s*\\(\\s*compound_head)\\s*\\(\\s*(\\w+)\\s*\\)");

    public enum Kind { UNKNOWN_TO_MODEL, NO_ASSERTION_IN_TREE, NOT_IN_TREE }

    public record Entry(Kind kind, String function, String param, String where, String detail) {
        @Override public String toString() {
            return switch (kind) {
                case UNKNOWN_TO_MODEL -> where + ": " + function + "() asserts '" + param + "' is not a tail (" + detail
                        + ") but the model does not list it as requiring a head";
                case NO_ASSERTION_IN_TREE -> where + ": the model says " + function + "() requires a head at '" + param + "' (" + detail
                        + ") but its body here asserts nothing about it";
                case NOT_IN_TREE -> "model: " + function + "() requires a head at '" + param + "' (" + detail
                        + ") but no definition of it was found in the scanned tree";
            };
        }
    }

    public record Report(List<Entry> entries, int files, int functions, int contracts, List<Diagnostic> problems) {}

    private record Def(String file, int line, List<String> params, Map<String, String> asserted) {}

    private ModelVerify() {}

    /** @param config a .config to use when the tree has none (null: the tree's, else the front end's default) */
    public static Report verify(Path treeRoot, Path config, ReferenceModel model) throws IOException {
        KernelTree tree = KernelTree.at(treeRoot).orElseThrow(() -> new IOException(treeRoot + ": not a kernel tree (no top Makefile with VERSION)"));
        KernelVersion version = tree.version();
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("mm", "include/linux"))
            if (Files.isDirectory(treeRoot.resolve(dir)))
                try (Stream<Path> s = Files.walk(treeRoot.resolve(dir))) {
                    s.filter(p -> p.toString().endsWith(".c") || p.toString().endsWith(".h")).sorted().forEach(files::add);
                }
        // parse under the tree's Kconfig (its .config, --config, or the front end's default), so that
        // #ifdef CONFIG_TRANSPARENT_HUGEPAGE picks the branch the kernel builds
        Map<String, String> defines = new HashMap<>();
        defines.put("__KERNEL__", "1");
        if (!files.isEmpty()) {
            try (dev.mmlint.frontend.Frontends.Plan plan = dev.mmlint.frontend.Frontends.forPaths(List.of(files.get(0)),
                    config == null ? dev.mmlint.frontend.FrontendOptions.defaults() : dev.mmlint.frontend.FrontendOptions.defaults().withConfig(config))) {
                if (!plan.frontends().isEmpty())
                    plan.frontends().get(0).context().config().values().forEach((k, v) -> {
                        if (v.equals("y")) defines.put("CONFIG_" + k, "1");
                        else if (v.equals("m")) defines.put("CONFIG_" + k + "_MODULE", "1");
                        else if (!v.equals("n")) defines.put("CONFIG_" + k, v);
                    });
            }
        }
        Map<String, List<Def>> defs = new TreeMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        int functions = 0;
        for (Path f : files) {
            String rel = treeRoot.relativize(f).toString();
            String text;
            try {
                text = Files.readString(f, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                problems.add(Diagnostic.error(rel, 0, "unreadable: " + e.getMessage()));
                continue;
            }
            if (!text.contains("(")) continue;
            SourceText st = new SourceText(text);
            IASTTranslationUnit tu;
            try {
                tu = GCCLanguage.getDefault().getASTTranslationUnit(FileContent.create(rel, text.toCharArray()),
                        new ExtendedScannerInfo(defines, new String[0]), IncludeFileContentProvider.getEmptyFilesProvider(), null, 0,
                        new DefaultLogService());
            } catch (org.eclipse.core.runtime.CoreException | RuntimeException e) {
                problems.add(Diagnostic.error(rel, 0, "not parsed: " + e.getMessage()));
                continue;
            }
            for (IASTDeclaration d : tu.getDeclarations()) {
                if (!(d instanceof IASTFunctionDefinition fd) || fd.getFileLocation() == null) continue;
                functions++;
                String name = fd.getDeclarator().getName().toString();
                List<String> params = new ArrayList<>();
                if (fd.getDeclarator() instanceof IASTStandardFunctionDeclarator sd)
                    for (IASTParameterDeclaration p : sd.getParameters()) {
                        var pd = p.getDeclarator();
                        while (pd.getNestedDeclarator() != null) pd = pd.getNestedDeclarator();
                        params.add(pd.getName().toString());
                    }
                Map<String, String> asserted = new HashMap<>();
                IASTStatement body = fd.getBody();
                IASTStatement[] stmts = body instanceof org.eclipse.cdt.core.dom.ast.IASTCompoundStatement cs ? cs.getStatements() : new IASTStatement[0];
                for (int i = 0; i < Math.min(HEAD_STATEMENTS, stmts.length); i++) {
                    Matcher m = ASSERT.matcher(stmts[i].getRawSignature());
                    while (m.find()) if (params.contains(m.group(1))) asserted.putIfAbsent(m.group(1), m.group().replaceAll("\\s+", " ") + ")");
                }
                defs.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new Def(rel, st.line(fd.getFileLocation().getNodeOffset()), params, asserted));
            }
        }
        // the model's claims for this tree's version
        Map<String, List<HeadRequirement>> claims = new TreeMap<>();
        for (HeadRequirement h : model.headRequirements())
            if (h.window().contains(version)) claims.computeIfAbsent(h.function(), k -> new ArrayList<>()).add(h);
        List<Entry> out = new ArrayList<>();
        int contracts = 0;
        for (var e : defs.entrySet()) {
            for (Def d : e.getValue()) {
                for (var a : d.asserted().entrySet()) {
                    contracts++;
                    int idx = d.params().indexOf(a.getKey());
                    boolean known = claims.getOrDefault(e.getKey(), List.of()).stream().anyMatch(h -> h.paramIndex() == idx);
                    if (!known) out.add(new Entry(Kind.UNKNOWN_TO_MODEL, e.getKey(), a.getKey(), d.file() + ":" + d.line(), a.getValue()));
                }
            }
        }
        for (var c : claims.entrySet()) {
            List<Def> ds = defs.get(c.getKey());
            for (HeadRequirement h : c.getValue()) {
                String detail = "clause " + h.clauseId() + ", " + h.window();
                if (ds == null) {
                    out.add(new Entry(Kind.NOT_IN_TREE, h.function(), h.paramName(), "", detail));
                    continue;
                }
                for (Def d : ds) {
                    String p = h.paramIndex() < d.params().size() ? d.params().get(h.paramIndex()) : h.paramName();
                    if (!d.asserted().containsKey(p)) out.add(new Entry(Kind.NO_ASSERTION_IN_TREE, h.function(), p, d.file() + ":" + d.line(), detail));
                }
            }
        }
        out.sort(Comparator.comparing(Entry::kind).thenComparing(Entry::function).thenComparing(Entry::where));
        return new Report(out, files.size(), functions, contracts, problems);
    }
}
