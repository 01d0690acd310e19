package dev.mmlint.engine.check;

import dev.mmlint.engine.flow.WitnessStep;
import java.util.List;

/** Helpers for {@link Check#scenario}: find steps of a witness and name the functions they call. */
public final class Witness {
    private Witness() {}

    /** The last step of one of {@code kinds}, or null. */
    public static WitnessStep last(List<WitnessStep> w, WitnessStep.Kind... kinds) {
        for (int i = w.size() - 1; i >= 0; i--)
            for (WitnessStep.Kind k : kinds) if (w.get(i).op() == k) return w.get(i);
        return null;
    }

    /** The function a step names (its detail up to a colon), as a simulator identifier; {@code dflt} when none. */
    public static String fn(WitnessStep s, String dflt) {
        if (s == null || s.detail().isEmpty()) return dflt;
        String d = s.detail();
        int colon = d.indexOf(':');
        return (colon > 0 ? d.substring(0, colon) : d).replaceAll("[^A-Za-z0-9_]", "_");
    }
}
