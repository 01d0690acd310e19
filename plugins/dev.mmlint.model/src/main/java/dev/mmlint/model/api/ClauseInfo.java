package dev.mmlint.model.api;

import java.util.List;

/** Immutable snapshot of a clause: what the engine cites in a finding's {@code see:} line. */
public record ClauseInfo(String id, String rule, Confidence confidence, VersionWindow window, String kconfig,
        String rationale, List<RefInfo> references, String file, String family) {

    /** An upstream reference in immutable form; {@link #rendered()} is the kernel-voice text. */
    public record RefInfo(ReferenceKind kind, String target, String subject, String release, String rendered) {
    }

    /** "kernels 4.5 .. < 6.18; SPARSEMEM && !SPARSEMEM_VMEMMAP" */
    public String applicabilityText() {
        return applicabilityText(window);
    }

    /** As {@link #applicabilityText()} with the window {@code w} of an entry of the clause. */
    public String applicabilityText(VersionWindow w) {
        String t = w.toString();
        return (t.equals("all kernels") ? t : "kernels " + t) + (kconfig == null ? "" : "; " + kconfig);
    }
}
