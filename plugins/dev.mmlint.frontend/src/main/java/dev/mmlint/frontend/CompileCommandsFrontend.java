package dev.mmlint.frontend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmlint.frontend.internal.HeaderCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;

/**
 * Files listed in a compile_commands.json (as scripts/clang-tools/gen_compile_commands.py writes
 * it): each is parsed with its own {@code -I}, {@code -iquote}, {@code -isystem}, {@code -D},
 * {@code -U}, {@code -include} and {@code -imacros} flags, relative paths taken against the entry's
 * {@code directory}; mmlint's prelude is forced in after the entry's own forced includes. Files not
 * in the database fall back to the kernel-tree defaults of their tree (or to fragment mode).
 */
public final class CompileCommandsFrontend extends CdtFrontend {
    /** One database entry, reduced to what the preprocessor needs. */
    public record Entry(Path file, List<String> includeDirs, List<String> quoteDirs, Map<String, String> defines,
                        List<String> macroFiles, List<String> forcedIncludes) {}

    private final Path database;
    private final Map<Path, Entry> entries = new HashMap<>();
    private final FrontendOptions options;
    private final Map<Path, Optional<CdtFrontend>> fallbacks = new HashMap<>();
    private final KernelContext context;

    public CompileCommandsFrontend(Path database, FrontendOptions options) throws IOException {
        super(newCache(), options.headerBodies());
        cache.setBlankBodies(!options.headerBodies() && !Boolean.getBoolean("mmlint.keepHeaderBodyText"));
        this.database = database.toAbsolutePath().normalize();
        this.options = options;
        JsonNode root = new ObjectMapper().readTree(this.database.toFile());
        if (root == null || !root.isArray()) throw new IOException(database + ": not a JSON array of compile commands");
        int i = 0;
        for (JsonNode e : root) {
            i++;
            JsonNode dir = e.get("directory"), file = e.get("file");
            if (dir == null || file == null) throw new IOException(database + ": entry " + i + " lacks 'directory' or 'file'");
            Path d = Path.of(dir.asText());
            List<String> argv;
            if (e.has("arguments")) {
                argv = new ArrayList<>();
                for (JsonNode a : e.get("arguments")) argv.add(a.asText());
            } else if (e.has("command")) {
                argv = splitCommand(e.get("command").asText());
            } else throw new IOException(database + ": entry " + i + " has neither 'command' nor 'arguments'");
            Path f = d.resolve(file.asText()).toAbsolutePath().normalize();
            entries.put(f, entry(f, d, argv));
        }
        Optional<KernelTree> tree = entries.keySet().stream().findFirst().flatMap(KernelTree::enclosing);
        KernelContext ctx = tree.isPresent() ? fallbackFor(tree.get().root().resolve("Makefile")).map(Frontend::context).orElse(null) : null;
        this.context = ctx != null ? ctx : KernelContext.unknown();
    }

    private static HeaderCache newCache() {
        HeaderCache c = new HeaderCache(true);
        c.addVirtualFile(KernelTreeFrontend.PRELUDE_PATH, FragmentFrontend.resource("mmlint-kernel-prelude.h"));
        return c;
    }

    public Path database() { return database; }

    /** The database entry for a file, if listed. */
    public Optional<Entry> entry(Path file) { return Optional.ofNullable(entries.get(file.toAbsolutePath().normalize())); }

    static Entry entry(Path file, Path dir, List<String> argv) {
        List<String> inc = new ArrayList<>(), sys = new ArrayList<>(), quote = new ArrayList<>(), macros = new ArrayList<>(),
                forced = new ArrayList<>();
        Map<String, String> defs = new LinkedHashMap<>(gccDefines());
        defs.put("__MMLINT__", "1");
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            String v;
            if ((v = value(a, "-I", argv, i)) != null) { if (a.equals("-I")) i++; inc.add(abs(dir, v)); }
            else if ((v = value(a, "-isystem", argv, i)) != null) { if (a.equals("-isystem")) i++; sys.add(abs(dir, v)); }
            else if ((v = value(a, "-iquote", argv, i)) != null) { if (a.equals("-iquote")) i++; quote.add(abs(dir, v)); }
            else if ((v = value(a, "-D", argv, i)) != null) {
                if (a.equals("-D")) i++;
                int eq = v.indexOf('=');
                if (eq < 0) defs.put(v, "1"); else defs.put(v.substring(0, eq), v.substring(eq + 1));
            } else if ((v = value(a, "-U", argv, i)) != null) { if (a.equals("-U")) i++; defs.remove(v); }
            else if (a.equals("-include") && i + 1 < argv.size()) forced.add(abs(dir, argv.get(++i)));
            else if (a.equals("-imacros") && i + 1 < argv.size()) macros.add(abs(dir, argv.get(++i)));
        }
        forced.add(KernelTreeFrontend.PRELUDE_PATH);
        inc.addAll(sys);
        return new Entry(file, List.copyOf(inc), List.copyOf(quote), defs, List.copyOf(macros), List.copyOf(forced));
    }

    private static String value(String a, String flag, List<String> argv, int i) {
        if (a.equals(flag)) return i + 1 < argv.size() ? argv.get(i + 1) : null;
        if (a.startsWith(flag) && a.length() > flag.length() && !(flag.equals("-I") && a.startsWith("-include")))
            return a.substring(flag.length());
        return null;
    }

    private static String abs(Path dir, String p) { return dir.resolve(p).toAbsolutePath().normalize().toString(); }

    /** Splits a shell command line: whitespace, single and double quotes, backslash escapes. */
    static List<String> splitCommand(String cmd) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean in = false;
        char quote = 0;
        for (int i = 0; i < cmd.length(); i++) {
            char c = cmd.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < cmd.length()) cur.append(cmd.charAt(++i));
                else cur.append(c);
            } else if (c == '\'' || c == '"') { quote = c; in = true; }
            else if (c == '\\' && i + 1 < cmd.length()) { cur.append(cmd.charAt(++i)); in = true; }
            else if (Character.isWhitespace(c)) { if (in) { out.add(cur.toString()); cur.setLength(0); in = false; } }
            else { cur.append(c); in = true; }
        }
        if (in) out.add(cur.toString());
        return out;
    }

    private synchronized Optional<CdtFrontend> fallbackFor(Path file) {
        Optional<KernelTree> t = KernelTree.enclosing(file);
        Path key = t.map(KernelTree::root).orElse(Path.of("/"));
        return fallbacks.computeIfAbsent(key, k -> {
            try {
                return Optional.of(t.isPresent() ? new KernelTreeFrontend(t.get(), options) : new FragmentFrontend());
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** Files listed in the database are built (it records a build); others get their tree's verdict. */
    @Override public BuildStatus buildStatus(Path file) {
        if (entry(file).isPresent()) return BuildStatus.built();
        return fallbackFor(file).map(f -> f.buildStatus(file.toAbsolutePath().normalize()))
                .orElse(BuildStatus.unknown("not in " + database));
    }

    @Override public ParsedUnit parse(Path file) throws InputException {
        if (entry(file).isPresent()) return super.parse(file);
        CdtFrontend fb = fallbackFor(file).orElseThrow(() -> new InputException(displayPath(file), 0,
                "not in " + database + " and no kernel tree defaults could be set up for it"));
        return fb.parse(file);
    }

    @Override public ParsedUnit parseText(Path asFile, String displayPath, String text) throws InputException {
        if (asFile != null && entry(asFile).isPresent()) return super.parseText(asFile, displayPath, text);
        CdtFrontend fb = fallbackFor(asFile == null ? Path.of("fragment.c") : asFile).orElseThrow(() ->
                new InputException(displayPath, 0, "no front-end for this text"));
        return fb.parseText(asFile, displayPath, text);
    }

    @Override protected ExtendedScannerInfo scannerInfo(Path file) {
        Entry e = entries.get(file);
        return new ExtendedScannerInfo(e.defines(), e.includeDirs().toArray(String[]::new), e.macroFiles().toArray(String[]::new),
                e.forcedIncludes().toArray(String[]::new), e.quoteDirs().toArray(String[]::new));
    }

    @Override protected ParsedUnit.Mode mode(Path file) { return ParsedUnit.Mode.COMPILE_COMMANDS; }

    @Override public KernelContext context() { return context; }

    @Override public String displayPath(Path file) {
        Optional<KernelTree> t = KernelTree.enclosing(file);
        Path abs = file.toAbsolutePath().normalize();
        if (t.isPresent() && abs.startsWith(t.get().root())) return t.get().root().relativize(abs).toString();
        return abs.toString();
    }
}
