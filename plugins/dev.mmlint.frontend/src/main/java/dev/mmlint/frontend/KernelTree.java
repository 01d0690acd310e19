package dev.mmlint.frontend;

import dev.mmlint.model.api.KernelVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A kernel source tree: found by its top Makefile ({@code VERSION =}, {@code PATCHLEVEL =}, {@code SUBLEVEL =}). */
public final class KernelTree {
    private static final Pattern VAR = Pattern.compile("^(VERSION|PATCHLEVEL|SUBLEVEL)\\s*=\\s*(\\d*)\\s*$");
    private final Path root;
    private final KernelVersion version;

    private KernelTree(Path root, KernelVersion version) {
        this.root = root;
        this.version = version;
    }

    public Path root() { return root; }

    public KernelVersion version() { return version; }

    /** The tree at exactly {@code dir}, if its Makefile is a kernel top Makefile. */
    public static Optional<KernelTree> at(Path dir) {
        Path mk = dir.resolve("Makefile");
        if (!Files.isRegularFile(mk)) return Optional.empty();
        try {
            // the version lines open the top Makefile: its first 20 lines are read, not the whole file
            List<String> lines = new java.util.ArrayList<>(20);
            try (java.io.BufferedReader r = Files.newBufferedReader(mk, StandardCharsets.ISO_8859_1)) {
                for (String l; lines.size() < 20 && (l = r.readLine()) != null; ) lines.add(l);
            }
            Integer v = null, p = null, s = null;
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = VAR.matcher(lines.get(i));
                if (!m.matches()) continue;
                int n = m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2));
                switch (m.group(1)) {
                    case "VERSION" -> v = n;
                    case "PATCHLEVEL" -> p = n;
                    default -> s = n;
                }
            }
            if (v == null || p == null || s == null) return Optional.empty();
            return Optional.of(new KernelTree(dir.toAbsolutePath().normalize(), new KernelVersion(v, p, s, 0)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The nearest enclosing tree of a file or directory (walking up). */
    public static Optional<KernelTree> enclosing(Path fileOrDir) {
        return enclosing(fileOrDir, new java.util.HashMap<>());
    }

    /**
     * The same, with the answers for directories already asked kept in {@code memo} (directory -> the tree at
     * exactly it): the many files of one run share their directories' Makefiles. The memo is the caller's, for
     * as long as the caller may assume the Makefiles unchanged (one run).
     */
    public static Optional<KernelTree> enclosing(Path fileOrDir, Map<Path, Optional<KernelTree>> memo) {
        Path p = fileOrDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) p = p.getParent();
        for (; p != null; p = p.getParent()) {
            Optional<KernelTree> t = memo.computeIfAbsent(p, KernelTree::at);
            if (t.isPresent()) return t;
        }
        return Optional.empty();
    }
}
