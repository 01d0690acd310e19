package dev.mmlint.eclipse.ui;

import dev.mmlint.eclipse.MmlintCore;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IMarker;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;

/** Quick fixes of an mmlint marker: each of its finding's fixes, then the rule's rationale. */
public final class MarkerResolutions implements IMarkerResolutionGenerator2 {
    @Override public boolean hasResolutions(IMarker marker) { return marker.getAttribute(MmlintCore.RULE_ID, null) != null; }

    @Override public IMarkerResolution[] getResolutions(IMarker marker) {
        String rule = marker.getAttribute(MmlintCore.RULE_ID, null);
        if (rule == null) return new IMarkerResolution[0];
        List<IMarkerResolution> out = new ArrayList<>();
        String[] fixes = MmlintCore.fixes(marker);
        for (int i = 0; i < fixes.length; i++) out.add(new FixResolution(i, fixes[i], rule));
        out.add(new RationaleResolution(rule));
        return out.toArray(IMarkerResolution[]::new);
    }
}
