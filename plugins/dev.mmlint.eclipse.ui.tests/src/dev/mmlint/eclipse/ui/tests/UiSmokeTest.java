package dev.mmlint.eclipse.ui.tests;

import static dev.mmlint.eclipse.tests.TestProjects.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.eclipse.MmlintCore;
import dev.mmlint.eclipse.ui.FixResolution;
import dev.mmlint.eclipse.ui.MmlintPreferencePage;
import dev.mmlint.eclipse.ui.MmlintPropertyPage;
import dev.mmlint.eclipse.ui.RationaleResolution;
import dev.mmlint.eclipse.ui.RuleHelpDialog;
import dev.mmlint.report.Rationale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.ISources;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.junit.jupiter.api.Test;

/**
 * In a real workbench: a C file with an MM001 finding opened in the text editor shows the marker's
 * annotation; its quick fix edits the editor's document (one Undo takes it back); the preference page
 * opens. Screenshots go to target/screenshots/.
 */
class UiSmokeTest {
    static final String FIXTURE = "MM001-section-crossing-page-arithmetic/bad-gigantic-clear-loop.c";

    @Test void markerAnnotationQuickFixUndoAndPreferencesInTheWorkbench() throws Exception {
        autoBuild(false);
        IProject p = create("ui-smoke", FIXTURE);
        p.build(IncrementalProjectBuilder.FULL_BUILD, null);
        IFile f = p.getFile("bad-gigantic-clear-loop.c");
        List<IMarker> markers = findings(f);
        assertEquals(1, markers.size());
        IMarker m = markers.get(0);

        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setBounds(0, 0, 1200, 800);
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.showView("org.eclipse.ui.views.ProblemView"); // the finding listed as a problem, for the screenshot
        ITextEditor editor = (ITextEditor) IDE.openEditor(page, f, "org.eclipse.ui.DefaultTextEditor", true);
        int start = m.getAttribute(IMarker.CHAR_START, 0), end = m.getAttribute(IMarker.CHAR_END, 0);
        editor.selectAndReveal(start, end - start);
        spin(500);

        // the marker's annotation in the editor's annotation model, at the finding's text
        IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
        List<MarkerAnnotation> ours = mmlintAnnotations(model);
        assertEquals(1, ours.size(), "one mmlint annotation");
        MarkerAnnotation a = ours.get(0);
        assertEquals(m, a.getMarker());
        assertEquals("org.eclipse.ui.workbench.texteditor.warning", a.getType(), "a warning in the ruler");
        assertEquals(start, model.getPosition(a).getOffset());
        assertTrue(a.getText().endsWith("[MM001]"), a.getText());
        screenshot("ui-smoke-marker.png");

        // quick fixes: the finding's fix and the rule's rationale
        IMarkerResolution[] res = IDE.getMarkerHelpRegistry().getResolutions(m);
        FixResolution fix = Arrays.stream(res).filter(FixResolution.class::isInstance).map(FixResolution.class::cast).findFirst().orElseThrow();
        assertTrue(Arrays.stream(res).anyMatch(r -> r instanceof RationaleResolution && r.getLabel().startsWith("Explain MM001")));
        String help = new RuleHelpDialog(shell, "MM001", m).text();
        assertTrue(help.contains(Rationale.of("MM001").strip().lines().findFirst().orElseThrow()), help);

        IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        String original = doc.get();
        fix.run(m);
        spin(100);
        assertTrue(doc.get().contains("clear_user_highpage(nth_page(page, i), addr + i * PAGE_SIZE);"), doc.get());
        assertTrue(editor.isDirty(), "the fix went into the open editor");
        editor.getAction(ITextEditorActionConstants.UNDO).run();
        assertEquals(original, doc.get(), "Undo in the editor takes the fix back in one step");
        editor.getAction(ITextEditorActionConstants.REDO).run();
        editor.doSave(null);
        p.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        spin(300);
        assertEquals(List.of(), findings(f));
        assertEquals(List.of(), mmlintAnnotations(model), "the annotation is gone with the finding");
        screenshot("ui-smoke-fixed.png");

        // the preference page
        PreferenceDialog d = PreferencesUtil.createPreferenceDialogOn(shell, "dev.mmlint.eclipse.ui.preferences", null, null);
        d.setBlockOnOpen(false);
        d.open();
        spin(300);
        assertInstanceOf(MmlintPreferencePage.class, d.getSelectedPage());
        screenshot("ui-smoke-preferences.png");
        d.close();
        page.closeAllEditors(false);
    }

    @Test void projectMenuCommandTogglesTheNatureAndThePropertyPageOpens() throws Exception {
        IProject p = create("ui-toggle");
        MmlintCore.setEnabled(p, false, null);
        IHandlerService hs = PlatformUI.getWorkbench().getService(IHandlerService.class);
        ICommandService cs = PlatformUI.getWorkbench().getService(ICommandService.class);
        ParameterizedCommand toggle = new ParameterizedCommand(cs.getCommand("dev.mmlint.eclipse.ui.toggleNature"), null);
        IEvaluationContext ctx = hs.createContextSnapshot(false);
        ctx.addVariable(ISources.ACTIVE_CURRENT_SELECTION_NAME, new StructuredSelection(p));
        hs.executeCommandInContext(toggle, null, ctx);
        assertTrue(MmlintCore.isEnabled(p), "enabled from the project menu");
        assertTrue(List.of(p.getDescription().getBuildSpec()).stream().anyMatch(c -> MmlintCore.BUILDER.equals(c.getBuilderName())));
        hs.executeCommandInContext(toggle, null, ctx);
        assertFalse(MmlintCore.isEnabled(p), "and disabled again");

        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        PreferenceDialog d = PreferencesUtil.createPropertyDialogOn(shell, p, "dev.mmlint.eclipse.ui.properties", null, null);
        d.setBlockOnOpen(false);
        d.open();
        spin(300);
        assertInstanceOf(MmlintPropertyPage.class, d.getSelectedPage());
        screenshot("ui-smoke-properties.png");
        d.close();
        spin(100);
    }

    static List<MarkerAnnotation> mmlintAnnotations(IAnnotationModel model) throws Exception {
        List<MarkerAnnotation> out = new ArrayList<>();
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            if (it.next() instanceof MarkerAnnotation ma && ma.getMarker().exists() && ma.getMarker().isSubtypeOf(MmlintCore.MARKER))
                out.add(ma);
        }
        return out;
    }

    static void spin(long ms) {
        Display d = Display.getCurrent();
        long until = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < until) {
            if (!d.readAndDispatch()) d.sleep();
        }
        while (d.readAndDispatch()) { /* drain */ }
    }

    /** The screen under the workbench, as a PNG build artifact under target/screenshots/. */
    static Path screenshot(String name) throws Exception {
        Display d = Display.getCurrent();
        Path dir = Path.of(System.getProperty("mmlint.reports", "target")).resolve("screenshots");
        Files.createDirectories(dir);
        Rectangle r = d.getBounds();
        Image img = new Image(d, r.width, r.height);
        GC gc = new GC(d);
        try {
            gc.copyArea(img, r.x, r.y);
        } finally {
            gc.dispose();
        }
        ImageLoader l = new ImageLoader();
        l.data = new ImageData[] {img.getImageData()};
        img.dispose();
        Path out = dir.resolve(name);
        l.save(out.toString(), SWT.IMAGE_PNG);
        assertTrue(Files.size(out) > 1000, out + " written");
        return out;
    }
}
