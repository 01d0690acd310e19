package dev.mmlint.eclipse.ui;

import dev.mmlint.eclipse.MmlintCore;
import java.util.List;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/** Builds mmlint projects after their settings changed (the builder sees the change and checks everything again). */
final class Rebuild {
    private Rebuild() {}

    static void schedule(List<IProject> projects) {
        WorkspaceJob job = new WorkspaceJob("mmlint: re-checking after a settings change") {
            @Override public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                for (IProject p : projects)
                    if (MmlintCore.isEnabled(p)) p.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, monitor);
                return Status.OK_STATUS;
            }
        };
        job.setRule(ResourcesPlugin.getWorkspace().getRuleFactory().buildRule());
        job.schedule();
    }

    static void all() { schedule(List.of(ResourcesPlugin.getWorkspace().getRoot().getProjects())); }
}
