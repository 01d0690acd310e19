package dev.mmlint.eclipse.ui;

import dev.mmlint.eclipse.MmlintCore;
import dev.mmlint.eclipse.MmlintSettings;
import java.util.List;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.dialogs.PropertyPage;
import org.osgi.service.prefs.BackingStoreException;

/** Project > Properties > mmlint: the nature on/off and project-specific rule and kernel settings. */
public final class MmlintPropertyPage extends PropertyPage {
    private final SettingsBlock block = new SettingsBlock();
    private Button enable;
    private Button specific;

    private IProject project() { return getElement().getAdapter(IProject.class); }

    @Override protected Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        enable = new Button(c, SWT.CHECK);
        enable.setText("Check this project's C files with mmlint (the mmlint nature and builder)");
        enable.setSelection(MmlintCore.isEnabled(project()));
        specific = new Button(c, SWT.CHECK);
        specific.setText("Enable project-specific settings");
        IEclipsePreferences n = MmlintSettings.project(project());
        specific.setSelection(n.getBoolean(MmlintSettings.USE_PROJECT_SETTINGS, false));
        block.create(c);
        block.load(specific.getSelection() ? n : MmlintSettings.workspace());
        block.setEnabled(specific.getSelection());
        specific.addListener(SWT.Selection, e -> block.setEnabled(specific.getSelection()));
        return c;
    }

    @Override protected void performDefaults() {
        specific.setSelection(false);
        block.defaults();
        block.setEnabled(false);
        super.performDefaults();
    }

    @Override public boolean performOk() {
        String err = block.validate();
        setErrorMessage(err);
        if (err != null) return false;
        IProject p = project();
        try {
            IEclipsePreferences n = MmlintSettings.project(p);
            n.putBoolean(MmlintSettings.USE_PROJECT_SETTINGS, specific.getSelection());
            if (specific.getSelection()) block.store(n);
            else n.flush();
            MmlintCore.setEnabled(p, enable.getSelection(), null);
        } catch (BackingStoreException | CoreException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
        Rebuild.schedule(List.of(p));
        return true;
    }
}
