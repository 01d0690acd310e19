package dev.mmlint.frontend.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mmlint.frontend.FragmentFrontend;
import dev.mmlint.frontend.InputException;
import dev.mmlint.frontend.KernelTreeFrontend;
import dev.mmlint.frontend.MiniTree;
import dev.mmlint.frontend.ParsedUnit;
import dev.mmlint.frontend.testing.FuzzGuard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The C front end on arbitrary bytes: as a lone fragment, and as a file of a (tiny, temporary) kernel
 * tree whose files and generated-header cache must not be touched by the parse of a buffer. The only
 * documented input error is {@link InputException}; its message must be a clear problem line.
 */
class FrontendFuzzTest {
    private static final int MAX = 64 * 1024;
    private static FragmentFrontend fragment;
    private static Path root;
    private static KernelTreeFrontend tree;
    private static FuzzGuard.Snapshot treeSnapshot;

    private static synchronized FragmentFrontend fragment() {
        if (fragment == null) {
            fragment = new FragmentFrontend();
            // as the IDE adapters set it up; the built-in prelude is recorded once per JVM whatever the setting (Preludes)
            fragment.setPreambleReuse(4);
        }
        return fragment;
    }

    private static synchronized KernelTreeFrontend tree() {
        if (tree == null) {
            try {
                Path dir = FuzzGuard.tempDirectory("mmlint-fuzz-tree");
                root = MiniTree.create(dir, "CONFIG_MMU=y\n", Map.of("mm/Makefile", "obj-y\t\t\t+= fuzz.o\n",
                        "include/linux/mm_types.h", "struct page { unsigned long flags; void *mapping; };\n"));
                tree = MiniTree.frontend(root, dir.resolve("cache"));
                tree.parseText(root.resolve("mm/fuzz.c"), "mm/fuzz.c", "int x;\n"); // the cache is filled once
                treeSnapshot = FuzzGuard.Snapshot.of(root);
            } catch (IOException | InputException e) {
                throw new IllegalStateException(e);
            }
        }
        return tree;
    }

    private static void parsed(ParsedUnit u) {
        if (u == null) throw new AssertionError("null unit without an input error");
        u.functions().forEach(f -> f.getDeclarator().getName().toString());
    }

    @FuzzTest
    void fragmentMode(byte[] data) {
        String text = FuzzGuard.text(FuzzGuard.cap(data, MAX));
        FuzzGuard.run(() -> {
            try {
                parsed(fragment().parseText(Path.of("/__mmlint_fuzz__/fuzz.c"), "fuzz.c", text));
            } catch (InputException e) {
                FuzzGuard.assertClear(e.diagnostic().message());
                throw e;
            }
        }, InputException.class);
    }

    @FuzzTest
    void treeMode(byte[] data) {
        String text = FuzzGuard.text(FuzzGuard.cap(data, MAX));
        KernelTreeFrontend fe = tree();
        FuzzGuard.run(() -> {
            try {
                parsed(fe.parseText(root.resolve("mm/fuzz.c"), "mm/fuzz.c", text));
            } catch (InputException e) {
                FuzzGuard.assertClear(e.diagnostic().message());
                throw e;
            }
        }, InputException.class);
        treeSnapshot.assertUnchanged();
    }

}
