package dev.mmlint.dsl;

import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.model.api.RuleFile;
import dev.mmlint.model.api.RuleSet;
import dev.mmlint.model.validation.ModelIssue;
import dev.mmlint.model.validation.ModelValidation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * Loads rules: {@code .mmr} files (parsed, built, then validated as one model) and custom rule
 * sources ({@code .java}, compiled with ECJ). Directories are searched for {@code *.mmr} and
 * {@code custom/*.java}. Loading never stops at the first problem: every file is read, every problem
 * is reported, and files with errors are left out of the engine's model.
 *
 * <p>The shipped rules are on the class path under {@code mmlint-rules/} (listed in
 * {@code mmlint-rules/index.txt}) so the CLI, the Maven plugin and the Eclipse plugin share them.
 */
public final class RuleSetLoader {

    public static final String CLASSPATH_DIR = "mmlint-rules/";
    public static final String INDEX = CLASSPATH_DIR + "index.txt";

    private RuleSetLoader() {
    }

    /** Loads a directory of rules or a single file, checking rule ids for their form only. */
    public static LoadResult load(Path path) {
        return load(List.of(path));
    }

    /** Loads files and directories, checking rule ids for their form only. */
    public static LoadResult load(List<Path> paths) {
        return load(paths, KnownRules.ANY);
    }

    /** Loads files and directories; unreadable paths become diagnostics; clauses may back the {@code known} rules. */
    public static LoadResult load(List<Path> paths, KnownRules known) {
        List<RuleSource> mmr = new ArrayList<>();
        List<Path> java = new ArrayList<>();
        List<DslDiagnostic> io = new ArrayList<>();
        for (Path p : paths) {
            try {
                if (Files.isDirectory(p)) {
                    for (Path f : list(p, "*.mmr")) mmr.add(RuleSource.of(f));
                    Path custom = p.resolve("custom");
                    if (Files.isDirectory(custom)) java.addAll(list(custom, "*.java"));
                } else if (p.toString().endsWith(".java")) {
                    java.add(p);
                } else {
                    mmr.add(RuleSource.of(p));
                }
            } catch (IOException e) {
                io.add(DslDiagnostic.error(p.toString(), 1, 1, "cannot read: " + e.getMessage()));
            }
        }
        LoadResult r = load(mmr, java, known);
        if (io.isEmpty()) return r;
        List<DslDiagnostic> all = new ArrayList<>(r.diagnostics());
        all.addAll(io);
        all.sort(DslDiagnostic.ORDER);
        return new LoadResult(r.ruleSet(), r.model(), List.copyOf(all), r.customRules(), r.sourceMap(), r.rejected());
    }

    private static List<Path> list(Path dir, String glob) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var ds = Files.newDirectoryStream(dir, glob)) {
            for (Path p : ds) if (Files.isRegularFile(p)) out.add(p);
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    /** The shipped rules, from the class path, checking rule ids for their form only. */
    public static LoadResult loadShipped() {
        return loadShipped(KnownRules.ANY);
    }

    /** The shipped rules, from the class path; clauses may back the {@code known} rules. */
    public static LoadResult loadShipped(KnownRules known) {
        return load(shippedSources(), List.of(), known);
    }

    /** The shipped rules files as sources named {@code mmlint-rules/<file>}. */
    public static List<RuleSource> shippedSources() {
        List<RuleSource> out = new ArrayList<>();
        for (String name : shippedIndex()) {
            if (!name.endsWith(".mmr")) continue;
            out.add(new RuleSource(CLASSPATH_DIR + name, resource(CLASSPATH_DIR + name)));
        }
        return out;
    }

    /** Entries of {@code mmlint-rules/index.txt} (relative names, e.g. gup.mmr, custom/Foo.java). */
    public static List<String> shippedIndex() {
        List<String> names = new ArrayList<>();
        for (String line : resource(INDEX).split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) names.add(l);
        }
        return names;
    }

    private static String resource(String name) {
        try (InputStream in = RuleSetLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing class path resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads rule sources and custom rule files, checking rule ids for their form only. */
    public static LoadResult load(List<RuleSource> sources, List<Path> customSources) {
        return load(sources, customSources, KnownRules.ANY);
    }

    /** Loads rule sources and custom rule files; clauses may back the {@code known} rules (given the compiled custom ones). */
    public static LoadResult load(List<RuleSource> sources, List<Path> customSources, KnownRules known) {
        List<RuleSource> sorted = new ArrayList<>(sources);
        sorted.sort(Comparator.comparing(RuleSource::name));
        List<DslDiagnostic> diags = new ArrayList<>();
        SourceMap map = new SourceMap();
        RuleSet set = RuleSet.create();
        Set<String> rejected = new LinkedHashSet<>();
        for (RuleSource s : sorted) {
            RuleParser.Parsed p = RuleParser.parse(s);
            diags.addAll(p.diagnostics());
            if (p.clean()) {
                set.addFile(p.file());
                map.putAll(p.sourceMap());
            } else {
                rejected.add(s.name());
            }
        }
        List<Class<?>> classes = List.of();
        if (!customSources.isEmpty()) {
            CustomRuleCompiler.Result cr = CustomRuleCompiler.compile(customSources);
            classes = cr.classes();
            diags.addAll(cr.errors());
        }
        for (ModelIssue issue : ModelValidation.validate(set, known.ids(classes))) {
            DslDiagnostic d = locate(issue, map);
            diags.add(d);
            if (d.isError()) rejected.add(d.file());
        }
        diags.sort(DslDiagnostic.ORDER);
        RuleSet good = RuleSet.create();
        for (RuleFile f : set.files()) {
            if (!rejected.contains(f.path())) good.addFile(new RuleFile(EcoreUtil.copy(f.eObject())));
        }
        return new LoadResult(set, ReferenceModel.of(good), List.copyOf(diags), classes, map, List.copyOf(rejected));
    }

    static DslDiagnostic locate(ModelIssue issue, SourceMap map) {
        Optional<SourceLocation> at = map.locate(issue.subject(), issue.feature());
        StringBuilder msg = new StringBuilder(issue.message());
        for (EObject r : issue.related()) {
            map.locate(r, null).ifPresent(l -> msg.append(" (see ").append(l).append(')'));
        }
        SourceLocation l = at.orElse(new SourceLocation("<model>", 1, 1));
        return new DslDiagnostic(issue.error() ? DslDiagnostic.Severity.ERROR : DslDiagnostic.Severity.WARNING, l.file(), l.line(),
                l.column(), msg.toString());
    }

    /** Convenience for tools: every .mmr under a directory tree (sorted). */
    public static List<Path> findRuleFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".mmr")).sorted().toList();
        }
    }
}
