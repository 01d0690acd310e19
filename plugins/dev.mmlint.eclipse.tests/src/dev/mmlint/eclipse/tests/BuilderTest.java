package dev.mmlint.eclipse.tests;

import static dev.mmlint.eclipse.tests.TestProjects.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.eclipse.MmlintBuilder;
import dev.mmlint.eclipse.MmlintCore;
import dev.mmlint.eclipse.MmlintFixes;
import dev.mmlint.eclipse.MmlintSettings;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.jface.text.IDocument;
import org.eclipse.text.undo.DocumentUndoManagerRegistry;
import org.eclipse.text.undo.IDocumentUndoManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The builder, markers, quick fixes and settings in a real Equinox with a real workspace. */
class BuilderTest {
    static final String MM001 = "MM001-section-crossing-page-arithmetic/";
    static final String MM002 = "MM002-tail-page-head-only-field/";
    static final String[] FIXTURES = {MM001 + "bad-gigantic-clear-loop.c", MM001 + "bad-gigantic-page-increment.c",
            MM001 + "ok-nth-page.c", MM002 + "bad-pte-page-index.c", MM002 + "ok-head-and-folio.c"};

    @BeforeAll static void manualBuilds() throws Exception {
        autoBuild(false);
    }

    @AfterEach void resetPreferences() throws Exception {
        IEclipsePreferences n = MmlintSettings.workspace();
        n.clear();
        n.flush();
        waitForJobs();
    }

    @Test void fullBuildMarksEveryFixtureExpectation() throws Exception {
        IProject p = create("full", FIXTURES);
        p.build(IncrementalProjectBuilder.FULL_BUILD, null);
        assertEquals(FIXTURES.length, MmlintBuilder.lastBuild(p).checked().size());
        for (String fx : FIXTURES) assertMarkedAsExpected(p, fx);
        // the marker's range is the finding's text: MM001 points at the page arithmetic
        IFile clear = p.getFile("bad-gigantic-clear-loop.c");
        IMarker m = findings(clear).get(0);
        String text = text(clear);
        assertEquals("page + i", text.substring(m.getAttribute(IMarker.CHAR_START, 0), m.getAttribute(IMarker.CHAR_END, 0)));
    }

    @Test void incrementalBuildRechecksOnlyTheEditedFile() throws Exception {
        IProject p = create("incremental", FIXTURES);
        p.build(IncrementalProjectBuilder.FULL_BUILD, null);
        IFile edited = p.getFile("bad-gigantic-clear-loop.c");
        IFile other = p.getFile("bad-pte-page-index.c");
        List<Long> before = findings(other).stream().map(IMarker::getId).toList();
        assertEquals(1, before.size());
        assertEquals(1, findings(edited).size());

        setText(edited, Files.readString(fixture(MM001 + "bad-gigantic-clear-loop.fixed.c")));
        p.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        MmlintBuilder.BuildRecord b = MmlintBuilder.lastBuild(p);
        assertFalse(b.full());
        assertEquals(List.of(edited), b.checked(), "only the edited file is analysed again");
        assertEquals(List.of(), findings(edited));
        assertEquals(before, findings(other).stream().map(IMarker::getId).toList(),
                "the other files' markers are untouched");

        // a new file is checked, a deleted one takes its markers with it
        IFile added = p.getFile("again.c");
        added.create(Files.newInputStream(fixture(MM001 + "bad-gigantic-clear-loop.c")), true, null);
        other.delete(true, null);
        p.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        assertEquals(List.of(added), MmlintBuilder.lastBuild(p).checked());
        assertEquals(1, findings(added).size());
        assertEquals(0, findings(p).stream().filter(m -> m.getResource().equals(other)).count());
    }

    @Test void aSaveIsRecheckedWithoutABuildWhenAutoBuildIsOff() throws Exception {
        IProject p = create("onsave", MM001 + "bad-gigantic-clear-loop.c");
        p.build(IncrementalProjectBuilder.FULL_BUILD, null);
        MmlintBuilder.BuildRecord built = MmlintBuilder.lastBuild(p);
        IFile f = p.getFile("bad-gigantic-clear-loop.c");
        assertEquals(1, findings(f).size());
        setText(f, Files.readString(fixture(MM001 + "bad-gigantic-clear-loop.fixed.c")));
        waitForJobs();
        assertEquals(List.of(), findings(f), "re-checked on save");
        setText(f, Files.readString(fixture(MM001 + "bad-gigantic-clear-loop.c")));
        waitForJobs();
        assertEquals(1, findings(f).size(), "and again");
        assertSame(built, MmlintBuilder.lastBuild(p), "by the save listener, not by a build");
    }

    @Test void quickFixThroughTheDocumentRemovesTheFindingAndUndoes() throws Exception {
        IProject p = create("quickfix", MM001 + "bad-gigantic-clear-loop.c");
        p.build(IncrementalProjectBuilder.FULL_BUILD, null);
        IFile f = p.getFile("bad-gigantic-clear-loop.c");
        IMarker m = findings(f).get(0);
        String[] fixes = MmlintCore.fixes(m);
        assertTrue(fixes.length >= 1, "MM001 offers a fix");
        String original = text(f);

        // as with an editor open: the shared document with an undo manager; the fix is one undoable change
        ITextFileBufferManager mgr = FileBuffers.getTextFileBufferManager();
        mgr.connect(f.getFullPath(), LocationKind.IFILE, null);
        try {
            IDocument doc = mgr.getTextFileBuffer(f.getFullPath(), LocationKind.IFILE).getDocument();
            DocumentUndoManagerRegistry.connect(doc);
            try {
                IDocumentUndoManager undo = DocumentUndoManagerRegistry.getDocumentUndoManager(doc);
                undo.connect(this); // what an editor's undo manager does
                assertTrue(MmlintFixes.apply(m, 0, null));
                assertTrue(doc.get().contains("clear_user_highpage(nth_page(page, i), addr + i * PAGE_SIZE);"), doc.get());
                assertEquals(original, text(f), "an open document is left dirty, not saved");
                assertTrue(undo.undoable());
                undo.undo();
                assertEquals(original, doc.get(), "one undo step takes the whole fix back");
                undo.redo();
                undo.disconnect(this);
                mgr.getTextFileBuffer(f.getFullPath(), LocationKind.IFILE).commit(null, true);
            } finally {
                DocumentUndoManagerRegistry.disconnect(doc);
            }
        } finally {
            mgr.disconnect(f.getFullPath(), LocationKind.IFILE, null);
        }
        p.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        assertEquals(List.of(), findings(f), "the finding is gone after the fix");

        // no editor: the fix is saved at once and the next build has nothing to mark
        IFile g = create("quickfix2", MM001 + "bad-gigantic-clear-loop.c", MM002 + "bad-pte-page-index.c").getFile("bad-gigantic-clear-loop.c");
        g.getProject().build(IncrementalProjectBuilder.FULL_BUILD, null);
        List<IMarker> before = findings(g);
        assertFalse(before.isEmpty());
        IMarker fixable = before.stream().filter(x -> MmlintCore.fixes(x).length > 0).findFirst().orElseThrow();
        assertTrue(MmlintFixes.apply(fixable, 0, null));
        g.getProject().build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        assertEquals(before.size() - 1, findings(g).size(), "the fixed finding is gone: " + asExpect(findings(g)));
        assertEquals(Files.readString(fixture(MM001 + "bad-gigantic-clear-loop.fixed.c")).replace("nth_page(page, i), addr + i * PAGE_SIZE);",
                "nth_page(page, i), addr + i * PAGE_SIZE); /* expect: MM001 \"may cross a memory section\" */"), text(g),
                "the file is saved as the rule's .fixed.c (but for the fixture's expectation comment)");
    }

    @Test void preferencesTurnRulesOffAndChangeSeverity() throws Exception {
        IProject p = create("prefs", FIXTURES);
        p.build(IncrementalProjectBuilder.FULL_BUILD, null);
        assertTrue(findings(p).stream().anyMatch(m -> "MM002".equals(m.getAttribute(MmlintCore.RULE_ID, ""))));

        IEclipsePreferences ws = MmlintSettings.workspace();
        ws.putBoolean(MmlintSettings.enabledKey("MM002"), false);
        ws.flush();
        p.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null); // no file changed: the settings did
        assertTrue(MmlintBuilder.lastBuild(p).full());
        assertTrue(findings(p).stream().noneMatch(m -> "MM002".equals(m.getAttribute(MmlintCore.RULE_ID, ""))), "MM002 off");
        assertTrue(findings(p).stream().anyMatch(m -> "MM001".equals(m.getAttribute(MmlintCore.RULE_ID, ""))), "MM001 still on");

        // project-specific settings win over the workspace's
        IEclipsePreferences pp = MmlintSettings.project(p);
        pp.putBoolean(MmlintSettings.USE_PROJECT_SETTINGS, true);
        pp.put(MmlintSettings.severityKey("MM001"), "error");
        pp.flush();
        p.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        assertTrue(findings(p).stream().anyMatch(m -> "MM002".equals(m.getAttribute(MmlintCore.RULE_ID, ""))), "MM002 on in the project");
        assertTrue(findings(p).stream().filter(m -> "MM001".equals(m.getAttribute(MmlintCore.RULE_ID, "")))
                .allMatch(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR));

        // a kernel version override: MM001 does not apply from 6.18 on
        pp.put(MmlintSettings.KERNEL_VERSION, "6.18");
        pp.flush();
        p.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        assertTrue(findings(p).stream().noneMatch(m -> "MM001".equals(m.getAttribute(MmlintCore.RULE_ID, ""))), "no MM001 on 6.18");

        // taking the nature away takes the builder and the markers
        MmlintCore.setEnabled(p, false, null);
        assertEquals(List.of(), findings(p));
        assertFalse(List.of(p.getDescription().getBuildSpec()).stream().anyMatch(c -> MmlintCore.BUILDER.equals(c.getBuilderName())));
    }

    @Test void budgetPreferenceMarksAFileNotAnalysedAndTheRestIsChecked() throws Exception {
        IProject p = create("budget", MM002 + "bad-pte-page-index.c");
        // one doubling function-like macro nested thirty deep: 2^30 tokens from one line
        p.getFile("bomb.c").create(new java.io.ByteArrayInputStream(("#define D(x) x x\nint v = " + "D(".repeat(30) + "y"
                + ")".repeat(30) + ";\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)), true, null);
        IEclipsePreferences ws = MmlintSettings.workspace();
        ws.put(MmlintSettings.TIME_BUDGET, "5s");
        ws.flush();
        p.build(IncrementalProjectBuilder.FULL_BUILD, null);
        IMarker[] bomb = p.getFile("bomb.c").findMarkers(MmlintCore.MARKER, false, 0);
        assertEquals(1, bomb.length);
        // which budget runs out first (the macro expansion cap, the preference's time budget, the heap)
        // depends on the machine: the file is marked not analysed with a budget named, the rest is checked
        String reason = bomb[0].getAttribute(IMarker.MESSAGE, "");
        assertTrue(reason.startsWith("not analysed: ") && reason.contains(" budget exceeded"), reason);
        assertMarkedAsExpected(p, MM002 + "bad-pte-page-index.c");
    }
}
