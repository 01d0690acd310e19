package dev.mmlint.eclipse;

import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * Re-check on save when auto-build is off: a saved C file of an mmlint project is checked by a
 * workspace job (with auto-build on, the builder does it).
 */
final class SaveChecker implements IResourceChangeListener {
    @Override public void resourceChanged(IResourceChangeEvent event) {
        if (ResourcesPlugin.getWorkspace().isAutoBuilding() || event.getDelta() == null) return;
        Set<IFile> saved = new LinkedHashSet<>();
        try {
            event.getDelta().accept(d -> {
                if (d.getKind() == IResourceDelta.CHANGED && (d.getFlags() & IResourceDelta.CONTENT) != 0
                        && MmlintCore.isSource(d.getResource()) && MmlintCore.isEnabled(d.getResource().getProject()))
                    saved.add((IFile) d.getResource());
                return true;
            });
        } catch (CoreException e) {
            return;
        }
        for (IFile f : saved) {
            WorkspaceJob job = new WorkspaceJob("mmlint: " + f.getName()) {
                @Override public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                    if (f.exists()) MmlintCore.check(f, monitor);
                    return Status.OK_STATUS;
                }
            };
            // no rule while analysing: the markers are replaced under the file's rule (MmlintCore.replaceMarkers)
            job.setSystem(true);
            job.schedule();
        }
    }
}
