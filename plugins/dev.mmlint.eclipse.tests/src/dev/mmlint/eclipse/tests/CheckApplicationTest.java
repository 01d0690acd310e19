package dev.mmlint.eclipse.tests;

import static dev.mmlint.eclipse.tests.TestProjects.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.eclipse.CheckApplication;
import dev.mmlint.eclipse.MmlintCore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.junit.jupiter.api.Test;

/**
 * The headless application {@code dev.mmlint.eclipse.check} on the test workspace: how it finds or makes the
 * project, what it prints and its exit status. (ProductInstallTest runs it in an installed Eclipse.)
 */
class CheckApplicationTest {
    record Result(int exit, String out, String err) {}

    static Result check(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = CheckApplication.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Project directories live here; JUnit removes them after the class (nothing left in the system temp directory). */
    @org.junit.jupiter.api.io.TempDir static Path tmp;

    static Path directory(String name, String... fixtures) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "mmlint-check-").resolve(name);
        Files.createDirectories(dir);
        for (String f : fixtures) Files.copy(fixture(f), dir.resolve(fixture(f).getFileName()));
        return dir;
    }

    @Test void aNewProjectOverADirectoryPrintsTheFindingsAndExits1() throws Exception {
        String fx = "MM002-tail-page-head-only-field/bad-pte-page-index.c";
        Path dir = directory("checked", fx);
        Result r = check(dir.toString());
        assertEquals(1, r.exit(), r.err());
        List<String> want = expectations(fixture(fx)).stream().map(e -> "bad-pte-page-index.c:" + e.line() + ": [" + e.rule() + "]").toList();
        assertEquals(want, r.out().lines().map(l -> l.substring(0, l.indexOf(']') + 1)).toList(), r.out());
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject("checked");
        assertEquals(dir, p.getLocation().toPath(), "a project named after the directory, at the directory");
        assertTrue(MmlintCore.isEnabled(p) && Files.isRegularFile(dir.resolve(".project")));
        // a second run reuses the project at that location
        assertEquals(r, check(dir.toString()));
    }

    @Test void anExistingDotProjectIsImportedUnderItsOwnName() throws Exception {
        Path dir = directory("ok-dir", "MM001-section-crossing-page-arithmetic/ok-nth-page.c");
        Files.writeString(dir.resolve(".project"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <projectDescription><name>kernel-part</name><comment></comment><projects></projects>
                <buildSpec></buildSpec><natures></natures></projectDescription>
                """);
        Result r = check(dir.toString());
        assertEquals(new Result(0, "", ""), r, "no finding: nothing printed, exit 0");
        assertEquals(dir, ResourcesPlugin.getWorkspace().getRoot().getProject("kernel-part").getLocation().toPath());
    }

    @Test void badInvocationsAreClearErrorsWithExit2() throws Exception {
        Result none = check();
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("expected one project directory") && none.err().contains("usage:"), none.err());
        Path missing = Files.createTempDirectory(tmp, "mmlint-check-").resolve("missing");
        assertEquals(new Result(2, "", "mmlint: not a directory: " + missing + System.lineSeparator()), check(missing.toString()));
        Path noC = directory("no-c-files");
        Result empty = check(noC.toString());
        assertEquals(2, empty.exit());
        assertTrue(empty.err().contains("no C file analysed in " + noC), empty.err());
        // a directory whose name a project elsewhere already has
        Path other = directory("no-c-files");
        Result clash = check(other.toString());
        assertEquals(2, clash.exit());
        assertTrue(clash.err().contains("already has a project no-c-files at " + noC), clash.err());
    }
}
