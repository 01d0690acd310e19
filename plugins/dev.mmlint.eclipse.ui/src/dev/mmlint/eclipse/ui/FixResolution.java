package dev.mmlint.eclipse.ui;

import dev.mmlint.eclipse.MmlintFixes;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IMarkerResolution2;

/**
 * One fix of a finding, applied to the file's shared document (the open editor's, so Undo takes it
 * back in one step); see {@link MmlintFixes}.
 */
public final class FixResolution implements IMarkerResolution2 {
    private final int index;
    private final String description;
    private final String rule;

    FixResolution(int index, String description, String rule) {
        this.index = index;
        this.description = description;
        this.rule = rule;
    }

    @Override public String getLabel() { return description + " [" + rule + "]"; }

    @Override public String getDescription() { return "mmlint fix for " + rule + ": " + description; }

    @Override public Image getImage() { return null; }

    @Override public void run(IMarker marker) {
        try {
            if (!MmlintFixes.apply(marker, index, null))
                MessageDialog.openInformation(Display.getCurrent().getActiveShell(), "mmlint",
                        "The finding is no longer in the file's current text; nothing was changed.");
        } catch (CoreException e) {
            ErrorDialog.openError(Display.getCurrent().getActiveShell(), "mmlint", "The fix could not be applied", e.getStatus());
        }
    }
}
