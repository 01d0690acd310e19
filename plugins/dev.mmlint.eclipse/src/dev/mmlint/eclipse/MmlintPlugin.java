package dev.mmlint.eclipse;

import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Plugin;
import org.osgi.framework.BundleContext;

/** The headless core's activator: re-checks saved files when auto-build is off, frees the analyzers on stop. */
public final class MmlintPlugin extends Plugin {
    public static final String ID = "dev.mmlint.eclipse";
    private static MmlintPlugin plugin;
    private final SaveChecker saveChecker = new SaveChecker();

    @Override public void start(BundleContext context) throws Exception {
        super.start(context);
        plugin = this;
        ResourcesPlugin.getWorkspace().addResourceChangeListener(saveChecker, IResourceChangeEvent.POST_CHANGE);
    }

    @Override public void stop(BundleContext context) throws Exception {
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(saveChecker);
        MmlintCore.closeAnalyzers();
        plugin = null;
        super.stop(context);
    }

    public static MmlintPlugin getDefault() { return plugin; }
}
