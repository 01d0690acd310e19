package dev.mmlint.eclipse;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IWorkspaceDescription;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The headless application {@code dev.mmlint.eclipse.check}: mmlint in a headless Eclipse build.
 *
 * <pre>eclipse -nosplash -application dev.mmlint.eclipse.check -data WORKSPACE DIRECTORY</pre>
 *
 * opens the Eclipse project at {@code DIRECTORY} (its {@code .project}, or a new project named after the
 * directory, which writes {@code DIRECTORY/.project} as any Eclipse project made there does), turns the
 * mmlint nature on, runs a full build and prints the project's mmlint markers, one a line, as
 * {@code path:line: [MMnnn] message} (path relative to the directory; a file that could not be analysed
 * prints {@code path:line: message}). Exit status as {@code mmlint check}'s: 0 no finding, 1 findings,
 * 2 invalid invocation or nothing could be analysed.
 */
public final class CheckApplication implements IApplication {
    static final String USAGE = "usage: -application dev.mmlint.eclipse.check [-data WORKSPACE] DIRECTORY";

    @Override public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        return run(args == null ? new String[0] : args, System.out, System.err);
    }

    @Override public void stop() {}

    /** The application's work on the running workspace: {@code args} as after {@code -application}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws CoreException {
        List<String> operands = Arrays.stream(args).filter(a -> !a.isBlank()).toList();
        if (operands.size() != 1 || operands.get(0).startsWith("-")) {
            err.println("mmlint: expected one project directory, got " + operands);
            err.println(USAGE);
            return 2;
        }
        Path dir = Path.of(operands.get(0)).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            err.println("mmlint: not a directory: " + dir);
            return 2;
        }
        IWorkspace ws = ResourcesPlugin.getWorkspace();
        IWorkspaceDescription wd = ws.getDescription();
        boolean autoBuild = wd.isAutoBuilding();
        if (autoBuild) setAutoBuild(ws, false); // one full build below, not an auto-build besides it
        try {
            IProject project = open(ws, dir, err);
            if (project == null) return 2;
            MmlintCore.setEnabled(project, true, null);
            project.build(IncrementalProjectBuilder.FULL_BUILD, null);
            MmlintBuilder.BuildRecord b = MmlintBuilder.lastBuild(project);
            int findings = print(project, out);
            ws.save(true, null);
            if (b == null || b.checked().isEmpty()) {
                err.println("mmlint: no C file analysed in " + dir);
                return 2;
            }
            if (overBudget(project)) return 3;
            return findings > 0 ? 1 : 0;
        } finally {
            if (autoBuild) setAutoBuild(ws, true);
        }
    }

    /** The project at {@code dir}: already in the workspace, imported from its .project, or created. */
    static IProject open(IWorkspace ws, Path dir, PrintStream err) throws CoreException {
        IPath location = IPath.fromPath(dir);
        for (IProject p : ws.getRoot().getProjects()) {
            if (location.equals(p.getLocation())) {
                if (!p.isOpen()) p.open(null);
                p.refreshLocal(IResource.DEPTH_INFINITE, null);
                return p;
            }
        }
        Path dotProject = dir.resolve(".project");
        IProjectDescription d = Files.isRegularFile(dotProject)
                ? ws.loadProjectDescription(IPath.fromPath(dotProject))
                : ws.newProjectDescription(dir.getFileName() == null ? "root" : dir.getFileName().toString());
        IProject p = ws.getRoot().getProject(d.getName());
        if (p.exists()) {
            err.println("mmlint: the workspace already has a project " + d.getName() + " at " + p.getLocation()
                    + ", not at " + dir + " (use another -data workspace)");
            return null;
        }
        // a project directly in the workspace's folder under its own name has the default location
        d.setLocation(ws.getRoot().getLocation().append(d.getName()).equals(location) ? null : location);
        p.create(d, null);
        p.open(null);
        p.refreshLocal(IResource.DEPTH_INFINITE, null);
        return p;
    }

    /** Prints the project's mmlint markers sorted by path and line; returns how many are findings. */
    static int print(IProject project, PrintStream out) throws CoreException {
        List<IMarker> markers = new ArrayList<>(Arrays.asList(project.findMarkers(MmlintCore.MARKER, false, IResource.DEPTH_INFINITE)));
        markers.sort(Comparator.comparing((IMarker m) -> m.getResource().getProjectRelativePath().toString())
                .thenComparingInt(m -> m.getAttribute(IMarker.LINE_NUMBER, 0))
                .thenComparing(m -> m.getAttribute(MmlintCore.RULE_ID, "")));
        int findings = 0;
        for (IMarker m : markers) {
            String where = m.getResource().getProjectRelativePath() + ":" + m.getAttribute(IMarker.LINE_NUMBER, 0) + ": ";
            String rule = m.getAttribute(MmlintCore.RULE_ID, null);
            String msg = m.getAttribute(IMarker.MESSAGE, "");
            if (rule == null) {
                out.println(where + msg);
                continue;
            }
            findings++;
            String suffix = " [" + rule + "]";
            out.println(where + "[" + rule + "] " + (msg.endsWith(suffix) ? msg.substring(0, msg.length() - suffix.length()) : msg));
        }
        return findings;
    }

    /** Whether a file or function of the project was not analysed because a budget ran out (exit status 3, as check's). */
    static boolean overBudget(IProject project) throws CoreException {
        for (IMarker m : project.findMarkers(MmlintCore.MARKER, false, IResource.DEPTH_INFINITE))
            if (m.getAttribute(MmlintCore.RULE_ID, null) == null && m.getAttribute(IMarker.MESSAGE, "").contains("budget exceeded")) return true;
        return false;
    }

    private static void setAutoBuild(IWorkspace ws, boolean on) throws CoreException {
        IWorkspaceDescription d = ws.getDescription();
        d.setAutoBuilding(on);
        ws.setDescription(d);
    }
}
