package dev.mmlint.frontend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the front-end for each file of a run: the compile_commands.json front-end when one is
 * given (it falls back to tree defaults for files it does not list), else the kernel-tree
 * front-end of the tree enclosing the file (one per tree, shared by its files so header work is
 * shared), else the fragment front-end. This is how the engine obtains front-ends:
 *
 * <pre>
 * SourceWalker.Result in = SourceWalker.expand(paths, false);
 * Frontends.Plan plan = Frontends.forPaths(in.files(), options);
 * for (Frontends.Planned p : plan.files()) { ParsedUnit u = p.frontend().parse(p.file()); ... }
 * plan.close();
 * </pre>
 */
public final class Frontends {
    private Frontends() {}

    public record Planned(Path file, Frontend frontend) {}

    /** The files with their front-ends, the distinct front-ends, and what could not be planned. */
    public record Plan(List<Planned> files, List<Frontend> frontends, List<Diagnostic> diagnostics) implements AutoCloseable {
        @Override public void close() { frontends.forEach(Frontend::close); }
    }

    public static Plan forPaths(List<Path> files, FrontendOptions options) {
        List<Diagnostic> diags = new ArrayList<>();
        Map<Path, Frontend> trees = new LinkedHashMap<>();
        Map<Path, String> treeErrors = new LinkedHashMap<>();
        Frontend fragment = null;
        CompileCommandsFrontend cc = null;
        List<Frontend> all = new ArrayList<>();
        if (options.compileCommands() != null) {
            try {
                cc = new CompileCommandsFrontend(options.compileCommands(), options);
                all.add(cc);
            } catch (IOException | RuntimeException e) {
                diags.add(Diagnostic.error(options.compileCommands().toString(), 0, "cannot use compile_commands.json: " + e.getMessage()));
            }
        }
        List<Planned> planned = new ArrayList<>();
        Map<Path, Optional<KernelTree>> treesAt = new java.util.HashMap<>();
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            if (cc != null) {
                planned.add(new Planned(abs, cc));
                continue;
            }
            Optional<KernelTree> tree = KernelTree.enclosing(abs, treesAt);
            if (tree.isPresent()) {
                Path root = tree.get().root();
                if (treeErrors.containsKey(root)) {
                    diags.add(Diagnostic.error(f.toString(), 0, treeErrors.get(root)));
                    continue;
                }
                Frontend fe = trees.get(root);
                if (fe == null) {
                    try {
                        fe = new KernelTreeFrontend(tree.get(), options);
                        trees.put(root, fe);
                        all.add(fe);
                    } catch (IOException | RuntimeException e) {
                        String msg = "cannot set up kernel tree " + root + ": " + e.getMessage();
                        treeErrors.put(root, msg);
                        diags.add(Diagnostic.error(f.toString(), 0, msg));
                        continue;
                    }
                }
                planned.add(new Planned(abs, fe));
            } else {
                if (fragment == null) {
                    KernelContext ctx = options.kernelVersion() == null ? new FragmentFrontend().context()
                            : new KernelContext(options.kernelVersion(), "--kernel-version " + options.kernelVersion(),
                                    KernelConfig.empty("no Kconfig known (lone fragment)"));
                    fragment = new FragmentFrontend(ctx);
                    all.add(fragment);
                }
                planned.add(new Planned(abs, fragment));
            }
        }
        return new Plan(List.copyOf(planned), List.copyOf(all), List.copyOf(diags));
    }
}
