package dev.mmlint.eclipse;

import java.util.Arrays;
import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

/** The "mmlint" project nature: puts the mmlint builder in the project's build spec (and takes it out). */
public final class MmlintNature implements IProjectNature {
    private IProject project;

    @Override public void configure() throws CoreException {
        IProjectDescription d = project.getDescription();
        ICommand[] cmds = d.getBuildSpec();
        if (Arrays.stream(cmds).anyMatch(c -> MmlintCore.BUILDER.equals(c.getBuilderName()))) return;
        ICommand c = d.newCommand();
        c.setBuilderName(MmlintCore.BUILDER);
        ICommand[] out = Arrays.copyOf(cmds, cmds.length + 1);
        out[cmds.length] = c;
        d.setBuildSpec(out);
        project.setDescription(d, null);
    }

    @Override public void deconfigure() throws CoreException {
        IProjectDescription d = project.getDescription();
        d.setBuildSpec(Arrays.stream(d.getBuildSpec()).filter(c -> !MmlintCore.BUILDER.equals(c.getBuilderName()))
                .toArray(ICommand[]::new));
        project.setDescription(d, null);
        project.deleteMarkers(MmlintCore.MARKER, true, IResource.DEPTH_INFINITE);
    }

    @Override public IProject getProject() { return project; }

    @Override public void setProject(IProject p) { this.project = p; }
}
