package dev.mmlint.eclipse;

import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.Fix;
import dev.mmlint.engine.api.TextEdit;
import dev.mmlint.report.BufferAnalysis;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.text.edits.MalformedTreeException;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.text.undo.DocumentUndoManagerRegistry;
import org.eclipse.text.undo.IDocumentUndoManager;

/**
 * Applies a finding's fix through the file's shared text buffer: the document an open editor shows,
 * so the change is one step on the editor's undo stack. The fix is taken from an analysis of the
 * document's current text (not from offsets recorded at build time), so edits made since do not
 * misplace it. A file no editor has open is saved at once (and re-checked by the builder); an open one
 * stays dirty for the user to save.
 */
public final class MmlintFixes {
    private MmlintFixes() {}

    /** Applies fix {@code index} of the finding {@code marker} stands for; false when it no longer applies. */
    public static boolean apply(IMarker marker, int index, IProgressMonitor monitor) throws CoreException {
        if (!(marker.getResource() instanceof IFile file)) return false;
        ITextFileBufferManager mgr = FileBuffers.getTextFileBufferManager();
        mgr.connect(file.getFullPath(), LocationKind.IFILE, monitor);
        try {
            ITextFileBuffer buffer = mgr.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
            boolean open = buffer.isShared() || buffer.isDirty();
            IDocument doc = buffer.getDocument();
            BufferAnalysis.Analysis a;
            try {
                a = MmlintCore.analyse(file, doc.get(), monitor);
            } catch (BufferAnalysis.Stale e) {
                return false;
            }
            Finding f = MmlintCore.findingFor(marker, a, index);
            if (f == null) return false;
            apply(doc, MmlintCore.fixOf(f, index));
            if (!open) buffer.commit(monitor, true);
            return true;
        } finally {
            mgr.disconnect(file.getFullPath(), LocationKind.IFILE, monitor);
        }
    }

    /** Applies {@code fix} to {@code doc} as one undoable change. */
    public static void apply(IDocument doc, Fix fix) throws CoreException {
        MultiTextEdit all = new MultiTextEdit();
        for (TextEdit e : fix.edits()) all.addChild(new ReplaceEdit(e.offset(), e.length(), e.replacement()));
        IDocumentUndoManager undo = DocumentUndoManagerRegistry.getDocumentUndoManager(doc);
        if (undo != null) undo.beginCompoundChange();
        try {
            all.apply(doc);
        } catch (MalformedTreeException | BadLocationException e) {
            throw new CoreException(MmlintCore.error("cannot apply fix '" + fix.description() + "'", e));
        } finally {
            if (undo != null) undo.endCompoundChange();
        }
    }
}
