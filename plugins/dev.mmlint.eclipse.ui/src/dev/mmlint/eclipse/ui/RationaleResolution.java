package dev.mmlint.eclipse.ui;

import org.eclipse.core.resources.IMarker;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IMarkerResolution2;

/** "Explain MMnnn": the rule's rationale, reachable from any mmlint marker's quick fixes. */
public final class RationaleResolution implements IMarkerResolution2 {
    private final String rule;

    RationaleResolution(String rule) { this.rule = rule; }

    @Override public String getLabel() { return "Explain " + rule + " (rule rationale)"; }

    @Override public String getDescription() { return RuleHelpDialog.rationale(rule); }

    @Override public Image getImage() { return null; }

    @Override public void run(IMarker marker) { new RuleHelpDialog(Display.getCurrent().getActiveShell(), rule, marker).open(); }
}
