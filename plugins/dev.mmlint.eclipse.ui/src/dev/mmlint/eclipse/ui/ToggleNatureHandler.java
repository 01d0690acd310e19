package dev.mmlint.eclipse.ui;

import dev.mmlint.eclipse.MmlintCore;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/** The project context menu's "mmlint: Enable / Disable on Project". */
public final class ToggleNatureHandler extends AbstractHandler {
    @Override public Object execute(ExecutionEvent event) throws ExecutionException {
        ISelection sel = HandlerUtil.getCurrentSelection(event);
        List<IProject> changed = new ArrayList<>();
        if (sel instanceof IStructuredSelection ss) {
            for (Object o : ss.toList()) {
                IProject p = Adapters.adapt(o, IProject.class);
                if (p == null || !p.isOpen()) continue;
                try {
                    MmlintCore.setEnabled(p, !MmlintCore.isEnabled(p), null);
                    changed.add(p);
                } catch (CoreException e) {
                    throw new ExecutionException("cannot change the mmlint nature of " + p.getName(), e);
                }
            }
        }
        Rebuild.schedule(changed);
        return null;
    }
}
