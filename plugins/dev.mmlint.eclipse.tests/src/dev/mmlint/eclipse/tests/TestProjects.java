package dev.mmlint.eclipse.tests;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.eclipse.MmlintCore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;

/** Workspace projects made of the rule fixtures (test-fixtures/rules), and what their lines expect. */
public final class TestProjects {
    /** One expected or reported finding: a line and a rule id (and, expected, a message fragment). */
    public record Expect(int line, String rule, String text) {}

    private static final Pattern EXPECT = Pattern.compile("expect(@([+-]\\d+))?: (MM\\d{3})(?: \"([^\"]*)\")?");

    private TestProjects() {}

    public static Path root() {
        String r = System.getProperty("mmlint.root");
        if (r == null) throw new IllegalStateException("system property mmlint.root (the repository) is not set");
        return Path.of(r);
    }

    public static Path fixture(String rel) { return root().resolve("test-fixtures/rules").resolve(rel); }

    public static void autoBuild(boolean on) throws CoreException {
        IWorkspaceDescription d = ResourcesPlugin.getWorkspace().getDescription();
        d.setAutoBuilding(on);
        ResourcesPlugin.getWorkspace().setDescription(d);
    }

    /** A new project (an old one of that name is deleted) with the mmlint nature and the given fixtures. */
    public static IProject create(String name, String... fixtures) throws CoreException, IOException {
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (p.exists()) p.delete(true, true, null);
        p.create(null);
        p.open(null);
        MmlintCore.setEnabled(p, true, null);
        for (String f : fixtures) {
            Path src = fixture(f);
            p.getFile(src.getFileName().toString()).create(new ByteArrayInputStream(Files.readAllBytes(src)), true, null);
        }
        return p;
    }

    public static void setText(IFile f, String text) throws CoreException {
        f.setContents(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
    }

    public static String text(IFile f) throws CoreException, IOException {
        try (var in = f.getContents(true)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The expectations a fixture states on its lines ({@code expect: MMnnn "text"}, {@code expect@+1: ...}). */
    public static List<Expect> expectations(Path file) throws IOException {
        List<Expect> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i));
            while (m.find()) {
                int line = i + 1 + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
                out.add(new Expect(line, m.group(3), m.group(4)));
            }
        }
        out.sort(Comparator.comparingInt(Expect::line).thenComparing(Expect::rule));
        return out;
    }

    /** The mmlint finding markers of {@code r}, sorted by line and rule (markers without a rule id left out). */
    public static List<IMarker> findings(IResource r) throws CoreException {
        List<IMarker> out = new ArrayList<>(Arrays.asList(r.findMarkers(MmlintCore.MARKER, false, IResource.DEPTH_INFINITE)));
        out.removeIf(m -> m.getAttribute(MmlintCore.RULE_ID, null) == null);
        out.sort(Comparator.comparingInt((IMarker m) -> m.getAttribute(IMarker.LINE_NUMBER, 0))
                .thenComparing(m -> m.getAttribute(MmlintCore.RULE_ID, "")));
        return out;
    }

    /**
     * Asserts that the fixture {@code fx} (a file of project {@code p}) carries exactly the markers its
     * {@code expect:} lines state (rule, line, message text), each with a clause, a confidence and a range.
     */
    public static void assertMarkedAsExpected(IProject p, String fx) throws CoreException, IOException {
        IFile f = p.getFile(fixture(fx).getFileName().toString());
        List<Expect> want = expectations(fixture(fx));
        List<IMarker> got = findings(f);
        assertEquals(want.stream().map(e -> e.line() + " " + e.rule()).toList(),
                got.stream().map(m -> m.getAttribute(IMarker.LINE_NUMBER, 0) + " " + m.getAttribute(MmlintCore.RULE_ID, "")).toList(),
                fx + ": expected vs marked (line rule)");
        for (int i = 0; i < want.size(); i++) {
            IMarker m = got.get(i);
            String msg = m.getAttribute(IMarker.MESSAGE, "");
            assertTrue(msg.endsWith(" [" + want.get(i).rule() + "]"), msg);
            if (want.get(i).text() != null) assertTrue(msg.contains(want.get(i).text()), msg + " should say " + want.get(i).text());
            assertFalse(m.getAttribute(MmlintCore.CLAUSE, "").isEmpty(), "model clause");
            assertTrue(List.of("low", "medium", "high").contains(m.getAttribute(MmlintCore.CONFIDENCE, "")), "confidence");
            assertTrue(m.getAttribute(IMarker.CHAR_END, -1) >= m.getAttribute(IMarker.CHAR_START, 0));
            assertTrue(m.isSubtypeOf(IMarker.PROBLEM) && m.isSubtypeOf(IMarker.TEXT));
        }
    }

    public static List<Expect> asExpect(List<IMarker> markers) {
        return markers.stream().map(m -> new Expect(m.getAttribute(IMarker.LINE_NUMBER, 0), m.getAttribute(MmlintCore.RULE_ID, ""), null))
                .toList();
    }

    public static void waitForJobs() throws InterruptedException {
        Job.getJobManager().join(ResourcesPlugin.FAMILY_AUTO_BUILD, null);
        Job.getJobManager().join(ResourcesPlugin.FAMILY_MANUAL_BUILD, null);
        while (!Job.getJobManager().isIdle()) Thread.sleep(20);
    }
}
