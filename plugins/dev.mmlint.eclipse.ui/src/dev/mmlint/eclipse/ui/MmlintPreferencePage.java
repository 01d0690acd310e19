package dev.mmlint.eclipse.ui;

import dev.mmlint.eclipse.MmlintSettings;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.osgi.service.prefs.BackingStoreException;

/** Window > Preferences > mmlint: the workspace's rule and kernel settings. */
public final class MmlintPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {
    private final SettingsBlock block = new SettingsBlock();

    @Override public void init(IWorkbench workbench) {
        setDescription("Rules and kernel settings for every mmlint project without project-specific settings. "
                + "A .mmlint.json next to the sources applies first.");
    }

    @Override protected Control createContents(Composite parent) {
        Composite c = block.create(parent);
        block.load(MmlintSettings.workspace());
        return c;
    }

    @Override protected void performDefaults() {
        block.defaults();
        super.performDefaults();
    }

    @Override public boolean performOk() {
        String err = block.validate();
        setErrorMessage(err);
        if (err != null) return false;
        try {
            block.store(MmlintSettings.workspace());
        } catch (BackingStoreException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
        Rebuild.all();
        return true;
    }
}
