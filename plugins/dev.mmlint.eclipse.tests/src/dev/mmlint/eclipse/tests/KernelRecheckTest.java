package dev.mmlint.eclipse.tests;

import static dev.mmlint.eclipse.tests.TestProjects.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.eclipse.MmlintBuilder;
import dev.mmlint.eclipse.MmlintCore;
import dev.mmlint.frontend.CdtFrontend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * How long the builder takes to re-check one edited file of mm/memory.c's size in a real kernel tree
 * (Linux 6.12 from scripts/kernel-sources.sh, env MMLINT_KERNEL_6_12). The tree is never written:
 * the test edits a copy of mm/memory.c in a tree of symbolic links to the real one. The measurement
 * is written to target/eclipse-recheck-latency.txt. Edits in function bodies re-use the file's
 * preamble (its includes, preprocessed once); an edit of the includes does not.
 */
class KernelRecheckTest {
    @Test void recheckOfAnEditedMmMemoryC() throws Exception {
        Path real = kernelTree("6.12");
        Path tree = Files.createTempDirectory("mmlint-eclipse-tree");
        try {
            linkTree(real, tree);
            recheck(tree);
        } finally {
            deleteTree(tree);
        }
    }

    /**
     * The tree scripts/kernel-sources.sh unpacked: {@code $MMLINT_KERNEL_6_12}, else
     * {@code $MMLINT_KERNELS/linux-source-6.12} (default {@code ~/.cache/mmlint/kernels}). Missing, the
     * test is skipped, or fails under {@code CI=true}: CI never passes by skipping.
     */
    static Path kernelTree(String version) {
        String one = System.getenv("MMLINT_KERNEL_" + version.replace('.', '_'));
        String all = System.getenv("MMLINT_KERNELS");
        Path base = all != null && !all.isBlank() ? Path.of(all) : Path.of(System.getProperty("user.home"), ".cache/mmlint/kernels");
        Path k = one != null && !one.isBlank() ? Path.of(one) : base.resolve("linux-source-" + version);
        if (!Files.isRegularFile(k.resolve("mm/memory.c"))) {
            String msg = "no Linux " + version + " tree at " + k + ": run scripts/kernel-sources.sh " + version;
            if ("true".equals(System.getenv("CI"))) fail(msg);
            Assumptions.assumeTrue(false, msg);
        }
        return k;
    }

    /** Deletes the test's tree of links (the links, never what they point to). */
    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path e : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(e);
        }
    }

    private void recheck(Path tree) throws Exception {
        autoBuild(false);
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject("kernel-6.12");
        if (p.exists()) p.delete(true, true, null);
        p.create(null);
        p.open(null);
        MmlintCore.setEnabled(p, true, null);
        IFile f = p.getFile("memory.c");
        f.createLink(IPath.fromPath(tree.resolve("mm/memory.c")), 0, null);

        long t0 = System.nanoTime();
        p.build(IncrementalProjectBuilder.FULL_BUILD, null);
        long first = (System.nanoTime() - t0) / 1_000_000;
        String text = text(f);
        List<Long> rechecks = new ArrayList<>();
        autoBuild(true); // as in the IDE: a save starts the auto-build, which runs the builder on the delta
        long reused = CdtFrontend.preamblesReused();
        for (int i = 1; i <= 5; i++) {
            // an edit in a function body: a statement line added in the second half of the file, then saved
            text = insertBeforeStatement(text, 0.5 + i * 0.05, "\tbarrier(); /* edit " + i + " */");
            rechecks.add(saveAndTime(p, f, text));
        }
        assertEquals(reused + 5, CdtFrontend.preamblesReused(), "each re-check re-used the file's preamble (its includes)");
        // an edit of the includes: the preamble is preprocessed again
        text = text.replaceFirst("\n#include ", "\n#include <linux/kasan.h>\n#include ");
        long includesEdit = saveAndTime(p, f, text);
        assertEquals(reused + 5, CdtFrontend.preamblesReused(), "an edited preamble is preprocessed again");
        autoBuild(false);
        assertEquals(0, findings(f).stream().filter(m -> m.getAttribute("message", "").startsWith("not analysed")).count());
        List<Long> sorted = rechecks.stream().sorted().toList();
        long lines = text.lines().count();
        String report = String.format("mm/memory.c (Linux 6.12, %d lines, kernel-tree mode): first check (cold front end, headers) %d ms;"
                + " re-check after an edit in a function through the builder (preamble re-used): median %d ms, all %s;"
                + " re-check after an edit of the includes: %d ms; %d findings%n",
                lines, first, sorted.get(sorted.size() / 2), rechecks, includesEdit, findings(f).size());
        System.out.print(report);
        Path out = Path.of(System.getProperty("mmlint.reports", "target")).resolve("eclipse-recheck-latency.txt");
        Files.writeString(out, report, StandardCharsets.UTF_8);
        p.delete(true, true, null);
    }

    /** Saves {@code text} into {@code f}, lets the auto-build run, and returns how long the builder took on the file. */
    private static long saveAndTime(IProject p, IFile f, String text) throws Exception {
        setText(f, text);
        waitForJobs();
        MmlintBuilder.BuildRecord b = MmlintBuilder.lastBuild(p);
        assertEquals(IncrementalProjectBuilder.AUTO_BUILD, b.kind());
        assertEquals(List.of(f), b.checked());
        return b.millis().get(0);
    }

    /** {@code line} inserted before the first statement line (tab-indented, ending in ';') at {@code share} of the text or later. */
    static String insertBeforeStatement(String text, double share, String line) {
        String[] ls = text.split("\n", -1);
        for (int i = (int) (ls.length * share); i < ls.length; i++)
            if (ls[i].startsWith("\t") && ls[i].endsWith(";")) {
                ls[i] = line + "\n" + ls[i];
                return String.join("\n", ls);
            }
        throw new AssertionError("no statement line after " + share);
    }

    /** {@code dst} mirrors {@code src} with symbolic links, except mm/memory.c, which is a copy the test may edit. */
    static void linkTree(Path src, Path dst) throws IOException {
        try (Stream<Path> s = Files.list(src)) {
            for (Path e : s.toList()) {
                if (e.getFileName().toString().equals("mm")) continue;
                Files.createSymbolicLink(dst.resolve(e.getFileName().toString()), e);
            }
        }
        Path mm = Files.createDirectories(dst.resolve("mm"));
        try (Stream<Path> s = Files.list(src.resolve("mm"))) {
            for (Path e : s.toList()) {
                if (e.getFileName().toString().equals("memory.c")) Files.copy(e, mm.resolve("memory.c"));
                else Files.createSymbolicLink(mm.resolve(e.getFileName().toString()), e);
            }
        }
    }
}
