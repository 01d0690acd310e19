package dev.mmlint.eclipse;

import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.Fix;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.report.BufferAnalysis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * The one way Eclipse checks a file: its text through {@link BufferAnalysis} (the CLI's front ends,
 * engine and messages), each finding becoming one {@link #MARKER} marker. Markers and findings are
 * replaced per file, so checking one file never touches another's markers.
 */
public final class MmlintCore {
    public static final String MARKER = MmlintPlugin.ID + ".problem";
    public static final String NATURE = MmlintPlugin.ID + ".nature";
    public static final String BUILDER = MmlintPlugin.ID + ".builder";
    public static final String SOURCE_ID = "mmlint";
    /** Marker attributes beyond the standard ones. */
    public static final String RULE_ID = "ruleId", CLAUSE = "clause", CONFIDENCE = "confidence",
            APPLICABILITY = "applicability", FIX_COUNT = "fixCount";

    /** One analyzer per distinct front-end options: each keeps its kernel trees' header caches warm. */
    private static final Map<FrontendOptions, BufferAnalysis> ANALYZERS = new HashMap<>();

    private MmlintCore() {}

    public static String fixKey(int i) { return "fix." + i; }

    /** A C source mmlint checks. */
    public static boolean isSource(IResource r) {
        return r instanceof IFile f && "c".equals(f.getFileExtension()) && f.getLocation() != null;
    }

    static synchronized BufferAnalysis analyzer(FrontendOptions o) {
        return ANALYZERS.computeIfAbsent(o, k -> new BufferAnalysis(k, null));
    }

    static synchronized void closeAnalyzers() {
        ANALYZERS.values().forEach(BufferAnalysis::close);
        ANALYZERS.clear();
    }

    /** Analyses {@code text} as the contents of {@code file} under its project's settings. */
    public static BufferAnalysis.Analysis analyse(IFile file, String text, IProgressMonitor monitor) throws BufferAnalysis.Stale {
        MmlintSettings.Resolved s = MmlintSettings.resolve(file.getProject());
        return analyse(file, text, s, monitor);
    }

    static BufferAnalysis.Analysis analyse(IFile file, String text, MmlintSettings.Resolved s, IProgressMonitor monitor)
            throws BufferAnalysis.Stale {
        Path path = file.getLocation().toPath();
        return analyzer(s.options()).analyse(path, 0, text, () -> monitor != null && monitor.isCanceled(), s.overrides());
    }

    /** Checks {@code file} as saved and replaces its markers; returns the analysis (null when cancelled). */
    public static BufferAnalysis.Analysis check(IFile file, IProgressMonitor monitor) throws CoreException {
        return check(file, MmlintSettings.resolve(file.getProject()), monitor);
    }

    static BufferAnalysis.Analysis check(IFile file, MmlintSettings.Resolved s, IProgressMonitor monitor) throws CoreException {
        String text = read(file);
        BufferAnalysis.Analysis a;
        try {
            a = analyse(file, text, s, monitor);
        } catch (BufferAnalysis.Stale e) {
            return null;
        }
        replaceMarkers(file, a);
        return a;
    }

    static String read(IFile file) throws CoreException {
        try (InputStream in = file.getContents(true)) {
            return new String(in.readAllBytes(), Charset.forName(file.getCharset()));
        } catch (IOException e) {
            throw new CoreException(Status.error("cannot read " + file.getFullPath(), e));
        }
    }

    /**
     * Replaces {@code file}'s mmlint markers by those of {@code a}, as one workspace operation holding the
     * file: a builder and a save re-check never interleave their markers, and listeners see one change.
     */
    static void replaceMarkers(IFile file, BufferAnalysis.Analysis a) throws CoreException {
        file.getWorkspace().run(m -> writeMarkers(file, a), file, IWorkspace.AVOID_UPDATE, null);
    }

    private static void writeMarkers(IFile file, BufferAnalysis.Analysis a) throws CoreException {
        file.deleteMarkers(MARKER, true, IResource.DEPTH_ZERO);
        if (a.warning() != null) plain(file, a, 1, a.warning(), IMarker.SEVERITY_INFO);
        if (a.error() != null) plain(file, a, Math.max(1, a.errorLine()),
                a.error().startsWith("not analysed: ") ? a.error() : "not analysed: " + a.error(), IMarker.SEVERITY_WARNING);
        for (Finding f : a.findings()) {
            Map<String, Object> m = new HashMap<>();
            m.put(IMarker.MESSAGE, f.message() + " [" + f.ruleId() + "]");
            m.put(IMarker.SEVERITY, severity(f));
            m.put(IMarker.LINE_NUMBER, f.line());
            m.put(IMarker.CHAR_START, BufferAnalysis.startOffset(a.source(), f));
            m.put(IMarker.CHAR_END, Math.max(BufferAnalysis.startOffset(a.source(), f), BufferAnalysis.endOffset(a.source(), f)));
            m.put(IMarker.SOURCE_ID, SOURCE_ID);
            m.put(RULE_ID, f.ruleId());
            m.put(CLAUSE, f.clause());
            m.put(CONFIDENCE, f.confidence().label());
            if (f.applicability() != null) m.put(APPLICABILITY, f.applicability());
            m.put(FIX_COUNT, f.fixes().size());
            for (int i = 0; i < f.fixes().size(); i++) m.put(fixKey(i), f.fixes().get(i).description());
            file.createMarker(MARKER, m);
        }
    }

    private static void plain(IFile file, BufferAnalysis.Analysis a, int line, String msg, int severity) throws CoreException {
        file.createMarker(MARKER, Map.of(IMarker.MESSAGE, msg, IMarker.SEVERITY, severity, IMarker.LINE_NUMBER, line,
                IMarker.SOURCE_ID, SOURCE_ID));
    }

    static int severity(Finding f) {
        return switch (f.severity()) {
            case ERROR -> IMarker.SEVERITY_ERROR;
            case WARNING -> IMarker.SEVERITY_WARNING;
            case NOTE -> IMarker.SEVERITY_INFO;
        };
    }

    /** The fix descriptions a marker offers (empty for a marker without fixes). */
    public static String[] fixes(IMarker marker) {
        int n = marker.getAttribute(FIX_COUNT, 0);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) out[i] = marker.getAttribute(fixKey(i), "fix " + (i + 1));
        return out;
    }

    /** The finding of {@code a} that {@code marker} stands for: same rule, a fix at {@code fix}, nearest line. */
    static Finding findingFor(IMarker marker, BufferAnalysis.Analysis a, int fix) {
        String rule = marker.getAttribute(RULE_ID, "");
        int line = marker.getAttribute(IMarker.LINE_NUMBER, 0);
        String msg = marker.getAttribute(IMarker.MESSAGE, "");
        Finding best = null;
        for (Finding f : a.findings()) {
            if (!f.ruleId().equals(rule) || f.fixes().size() <= fix) continue;
            if (best == null || score(f, line, msg) < score(best, line, msg)) best = f;
        }
        return best;
    }

    private static int score(Finding f, int line, String msg) {
        return Math.abs(f.line() - line) * 2 + (msg.equals(f.message() + " [" + f.ruleId() + "]") ? 0 : 1);
    }

    static Fix fixOf(Finding f, int i) { return f.fixes().get(i); }

    // ---------------------------------------------------------------- nature

    public static boolean isEnabled(IProject p) {
        try {
            return p.isOpen() && p.hasNature(NATURE);
        } catch (CoreException e) {
            return false;
        }
    }

    /** Adds or removes the mmlint nature (and with it the builder). */
    public static void setEnabled(IProject p, boolean on, IProgressMonitor monitor) throws CoreException {
        IProjectDescription d = p.getDescription();
        String[] ids = d.getNatureIds();
        boolean has = Arrays.asList(ids).contains(NATURE);
        if (on == has) return;
        d.setNatureIds(on ? append(ids, NATURE) : Arrays.stream(ids).filter(x -> !x.equals(NATURE)).toArray(String[]::new));
        p.setDescription(d, monitor);
        if (!on) p.deleteMarkers(MARKER, true, IResource.DEPTH_INFINITE);
    }

    static String[] append(String[] a, String s) {
        String[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = s;
        return out;
    }

    static IStatus error(String msg, Throwable t) { return Status.error(msg, t); }

    static boolean isSettingsFile(IPath p) { return p != null && ".mmlint.json".equals(p.lastSegment()); }
}
