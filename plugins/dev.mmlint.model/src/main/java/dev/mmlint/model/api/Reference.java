package dev.mmlint.model.api;

import dev.mmlint.model.MmModel;
import org.eclipse.emf.ecore.EObject;

/**
 * An upstream reference: {@code commit <id> "subject"}, {@code lkml "<url>" "title"},
 * {@code url "<url>" "title"}, {@code source "<path>" "symbol" at <release>} or {@code doc "<path>" at <release>}.
 */
public final class Reference extends ModelElement {

    public Reference(EObject eObject) {
        super(eObject, "Reference");
    }

    public static Reference create(ReferenceKind kind, String target, String subject) {
        Reference r = new Reference(MmModel.create("Reference"));
        r.setKind(kind);
        r.setTarget(target);
        r.setSubject(subject);
        return r;
    }

    public static Reference commit(String id, String subject) {
        return create(ReferenceKind.COMMIT, id, subject);
    }

    public static Reference source(String path, String symbol, String release) {
        Reference r = create(ReferenceKind.SOURCE, path, symbol);
        r.setRelease(release);
        return r;
    }

    public ReferenceKind kind() { return enumValue("kind", ReferenceKind.class); }
    public void setKind(ReferenceKind v) { setEnum("kind", v); }
    /** commit id, URL or source path */
    public String target() { return str("target"); }
    public void setTarget(String v) { set("target", v); }
    /** commit subject, thread title or symbol; may be null */
    public String subject() { return str("subject"); }
    public void setSubject(String v) { set("subject", v); }
    /** kernel release a source/doc reference was read at; may be null */
    public String release() { return str("release"); }
    public void setRelease(String v) { set("release", v); }

    /** Kernel-voice rendering: {@code commit 1d798ca3f164 ("mm: make compound_head() robust")}. */
    public String render() {
        return switch (kind()) {
            case COMMIT -> "commit " + target() + (subject() == null ? "" : " (\"" + subject() + "\")");
            case SOURCE, DOC -> target() + (subject() == null ? "" : " " + subject()) + (release() == null ? "" : " in " + release());
            case LKML, URL -> target() + (subject() == null ? "" : " (" + subject() + ")");
        };
    }
}
