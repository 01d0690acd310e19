package dev.mmlint.eclipse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

/**
 * The mmlint builder. A full build checks every C file of the project; an incremental one checks only
 * the C files the resource delta says were added or changed (a removed file's markers go with it).
 * Everything is checked again when the project's mmlint settings or a {@code .mmlint.json} changed
 * since the last build. mmlint analyses one translation unit at a time, so no other file depends on a
 * changed one.
 */
public final class MmlintBuilder extends IncrementalProjectBuilder {
    /** What the last build of a project did: the files it checked and how long each took. */
    public record BuildRecord(int kind, boolean full, List<IFile> checked, List<Long> millis) {}

    private static final Map<String, BuildRecord> LAST = new ConcurrentHashMap<>();

    private String fingerprint;

    /** The last build of {@code p} in this session, or null. */
    public static BuildRecord lastBuild(IProject p) { return LAST.get(p.getName()); }

    @Override protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        IProject project = getProject();
        MmlintSettings.Resolved s = MmlintSettings.resolve(project);
        IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(project);
        boolean full = delta == null || !s.fingerprint().equals(fingerprint) || touchesSettings(delta);
        List<IFile> files = new ArrayList<>();
        if (full) {
            project.accept((IResource r) -> {
                if (MmlintCore.isSource(r)) files.add((IFile) r);
                return true;
            }, IResource.DEPTH_INFINITE, IResource.NONE);
        } else {
            delta.accept(d -> {
                if ((d.getKind() & (IResourceDelta.ADDED | IResourceDelta.CHANGED)) != 0 && MmlintCore.isSource(d.getResource())
                        && (d.getKind() == IResourceDelta.ADDED || (d.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED
                                | IResourceDelta.ENCODING)) != 0))
                    files.add((IFile) d.getResource());
                return true;
            });
        }
        SubMonitor sub = SubMonitor.convert(monitor, "mmlint", files.size());
        List<IFile> checked = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        for (IFile f : files) {
            if (sub.isCanceled()) {
                forgetLastBuiltState();
                break;
            }
            sub.subTask(f.getFullPath().toString());
            long t0 = System.nanoTime();
            if (f.exists() && MmlintCore.check(f, s, sub.split(1)) != null) {
                checked.add(f);
                millis.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        fingerprint = s.fingerprint();
        LAST.put(project.getName(), new BuildRecord(kind, full, List.copyOf(checked), List.copyOf(millis)));
        return null;
    }

    private static boolean touchesSettings(IResourceDelta delta) throws CoreException {
        boolean[] hit = {false};
        delta.accept(d -> {
            if (MmlintCore.isSettingsFile(d.getResource().getFullPath())) hit[0] = true;
            return !hit[0];
        });
        return hit[0];
    }

    @Override protected void clean(IProgressMonitor monitor) throws CoreException {
        getProject().deleteMarkers(MmlintCore.MARKER, true, IResource.DEPTH_INFINITE);
        fingerprint = null;
    }
}
