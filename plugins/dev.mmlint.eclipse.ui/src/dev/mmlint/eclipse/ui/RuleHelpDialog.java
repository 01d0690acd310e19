package dev.mmlint.eclipse.ui;

import dev.mmlint.eclipse.MmlintCore;
import dev.mmlint.report.Rationale;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** A rule's rationale (What, Why it matters, How to fix, Known false positives, References) and the marker's facts. */
public final class RuleHelpDialog extends Dialog {
    private final String rule;
    private final IMarker marker;

    public RuleHelpDialog(Shell parent, String rule, IMarker marker) {
        super(parent);
        this.rule = rule;
        this.marker = marker;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    static String rationale(String rule) {
        String r = Rationale.of(rule);
        return r == null ? rule + ": no rationale is shipped for this rule" : r.strip();
    }

    /** The text the dialog shows. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        if (marker != null && marker.exists()) {
            sb.append(marker.getAttribute(IMarker.MESSAGE, "")).append('\n');
            sb.append("model clause: ").append(marker.getAttribute(MmlintCore.CLAUSE, "?"));
            String why = marker.getAttribute(MmlintCore.APPLICABILITY, null);
            if (why != null) sb.append("; ").append(why);
            sb.append("\nconfidence: ").append(marker.getAttribute(MmlintCore.CONFIDENCE, "?")).append("\n\n");
        }
        return sb.append(rationale(rule)).toString();
    }

    @Override protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("mmlint " + rule);
    }

    @Override protected Control createDialogArea(Composite parent) {
        Composite c = (Composite) super.createDialogArea(parent);
        Text t = new Text(c, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        t.setText(text());
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.widthHint = 640;
        gd.heightHint = 420;
        t.setLayoutData(gd);
        return c;
    }

    @Override protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
