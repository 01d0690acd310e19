package dev.mmlint.dsl;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * Compiles custom programmatic rules ({@code rules/custom/*.java}) in-process with JDT's ECJ through
 * javax.tools, against the running class path (plus any extra entries), and loads the classes with a
 * fresh class loader. Generic on purpose: the engine decides which loaded classes implement its check
 * interface. A compile error in one source is reported at its file:line:col and the other sources
 * still load (a source that depends on a broken one fails with it).
 */
public final class CustomRuleCompiler {

    /** Loaded top-level classes (sorted by name) and the compile errors, as located diagnostics. */
    public record Result(List<Class<?>> classes, List<DslDiagnostic> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private CustomRuleCompiler() {
    }

    public static Result compile(List<Path> sources) {
        return compile(sources, List.of(), CustomRuleCompiler.class.getClassLoader());
    }

    /**
     * @param extraClasspath entries added after the running class path (e.g. a Maven plugin's dependencies)
     * @param parent         parent class loader of the loaded rules: it must see the engine's check interface
     */
    public static Result compile(List<Path> sources, List<Path> extraClasspath, ClassLoader parent) {
        if (sources.isEmpty()) return new Result(List.of(), List.of());
        List<DslDiagnostic> errors = new ArrayList<>();
        JavaCompiler compiler = new EclipseCompiler();
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        StandardJavaFileManager std = compiler.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8);
        Map<String, SourceFile> units = new LinkedHashMap<>();
        for (Path p : sources) {
            try {
                SourceFile sf = new SourceFile(p, Files.readString(p, StandardCharsets.UTF_8));
                units.put(sf.toUri().toString(), sf);
            } catch (IOException e) {
                errors.add(DslDiagnostic.error(p.toString(), 1, 1, "cannot read custom rule: " + e.getMessage()));
            }
        }
        MemoryManager fm = new MemoryManager(std, units);
        try {
            List<Path> srcDirs = new ArrayList<>();
            for (SourceFile sf : units.values()) {
                Path d = sf.path.toAbsolutePath().getParent();
                if (d != null && !srcDirs.contains(d)) srcDirs.add(d);
            }
            std.setLocationFromPaths(StandardLocation.SOURCE_PATH, srcDirs);
        } catch (IOException e) {
            throw new IllegalStateException("cannot set the source path", e);
        }
        String cp = classpath(extraClasspath);
        List<String> options = List.of("-17", "-nowarn", "-encoding", "UTF-8", "-proc:none", "-classpath", cp);
        // ECJ also prints its problems to the writer; they are reported through the collector instead
        java.io.PrintWriter quiet = new java.io.PrintWriter(java.io.Writer.nullWriter());
        Boolean success = compiler.getTask(quiet, fm, collector, options, null, new ArrayList<>(units.values())).call();
        Set<String> broken = new HashSet<>();
        for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) continue;
            String file = d.getSource() == null ? "<custom rules>" : display(d.getSource(), units);
            if (d.getSource() != null) broken.add(d.getSource().toUri().toString());
            errors.add(DslDiagnostic.error(file, (int) Math.max(d.getLineNumber(), 1), (int) Math.max(d.getColumnNumber(), 1),
                    d.getMessage(Locale.ROOT)));
        }
        if (!Boolean.TRUE.equals(success) && errors.isEmpty()) {
            errors.add(DslDiagnostic.error("<custom rules>", 1, 1, "the compiler failed without a diagnostic"));
        }
        Map<String, byte[]> good = new HashMap<>();
        for (Output o : fm.outputs) {
            if (o.sibling == null || !broken.contains(o.sibling)) good.put(o.binaryName, o.bytes.toByteArray());
        }
        MemoryClassLoader loader = new MemoryClassLoader(parent, good);
        List<Class<?>> classes = new ArrayList<>();
        good.keySet().stream().filter(n -> !n.contains("$")).sorted().forEach(n -> {
            try {
                classes.add(loader.loadClass(n));
            } catch (ClassNotFoundException | LinkageError e) {
                errors.add(DslDiagnostic.error("<custom rules>", 1, 1, "cannot load " + n + ": " + e));
            }
        });
        errors.sort(DslDiagnostic.ORDER);
        return new Result(List.copyOf(classes), List.copyOf(errors));
    }

    private static String display(JavaFileObject src, Map<String, SourceFile> units) {
        SourceFile sf = units.get(src.toUri().toString());
        return sf != null ? sf.path.toString() : src.getName();
    }

    private static String classpath(List<Path> extra) {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) entries.add(e);
        }
        for (Path p : extra) entries.add(p.toString());
        return String.join(File.pathSeparator, entries);
    }

    // ------------------------------------------------------------------ in-memory plumbing

    private static final class SourceFile extends SimpleJavaFileObject {
        final Path path;
        final String text;

        SourceFile(Path path, String text) {
            super(path.toAbsolutePath().normalize().toUri(), Kind.SOURCE);
            this.path = path;
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    private record Output(String binaryName, String sibling, ByteArrayOutputStream bytes) {
    }

    private static final class ClassOutput extends SimpleJavaFileObject {
        private final Output out;

        ClassOutput(String name, Output out) {
            super(URI.create("mem:///" + name.replace('.', '/') + ".class"), Kind.CLASS);
            this.out = out;
        }

        @Override
        public OutputStream openOutputStream() {
            return out.bytes;
        }
    }

    private static final class MemoryManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        final List<Output> outputs = new ArrayList<>();
        private final Map<String, SourceFile> units;

        MemoryManager(StandardJavaFileManager std, Map<String, SourceFile> units) {
            super(std);
            this.units = units;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(JavaFileManager.Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            // ECJ names outputs with slashes (dev/x/Foo); class loaders want dots
            String binary = className.replace('/', '.').replace('\\', '.');
            Output o = new Output(binary, sibling == null ? null : sibling.toUri().toString(), new ByteArrayOutputStream());
            outputs.add(o);
            return new ClassOutput(binary, o);
        }

        @Override
        public boolean contains(JavaFileManager.Location location, FileObject fo) throws IOException {
            // claim our in-memory sources, or ECJ asks the standard manager, which does not know them
            if (fo instanceof SourceFile sf && units.containsKey(sf.toUri().toString())) return true;
            return super.contains(location, fo);
        }

        @Override
        public boolean isSameFile(FileObject a, FileObject b) {
            return a.toUri().equals(b.toUri());
        }
    }

    private static final class MemoryClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        MemoryClassLoader(ClassLoader parent, Map<String, byte[]> classes) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) throw new ClassNotFoundException(name);
            return defineClass(name, b, 0, b.length);
        }
    }
}
