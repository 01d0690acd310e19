package dev.mmlint.model.api;

import java.util.List;
import java.util.Optional;

/** Everything the model says about one function in one tree: merged over all clauses that apply. */
public record FunctionSemantics(String name, FunctionKind kind, List<String> params, List<EffectInfo> effects) {

    public List<EffectInfo> on(EffectSite site, int paramIndex) {
        return effects.stream().filter(e -> e.site() == site && e.paramIndex() == paramIndex).toList();
    }

    public Optional<EffectInfo> find(EffectKind kind) {
        return effects.stream().filter(e -> e.kind() == kind).findFirst();
    }

    public List<EffectInfo> all(EffectKind kind) {
        return effects.stream().filter(e -> e.kind() == kind).toList();
    }

    /** POSSIBLY_TAIL, HEAD or FOLIO for the return value, when known. */
    public Optional<EffectInfo> returnPageKind() {
        return effects.stream().filter(e -> e.isReturn() && e.kind().group() == EffectKind.Group.PAGE_KIND).findFirst();
    }

    /** The REQUIRES_HEAD effect for argument {@code index}, if the function requires a head there. */
    public Optional<EffectInfo> requiresHead(int index) {
        return effects.stream().filter(e -> e.kind() == EffectKind.REQUIRES_HEAD && e.paramIndex() == index).findFirst();
    }

    public boolean acceptsTail(int index) {
        return effects.stream().anyMatch(e -> e.kind() == EffectKind.ACCEPTS_TAIL && e.paramIndex() == index);
    }

    /** Reference or pin acquisitions (gets_ref, try_ref, speculative_ref, pins), on any site. */
    public List<EffectInfo> acquisitions() {
        return effects.stream().filter(e -> e.kind().group() == EffectKind.Group.ACQUIRE).toList();
    }

    /** Releases (puts_ref, unpins). */
    public List<EffectInfo> releases() {
        return effects.stream().filter(e -> e.kind().group() == EffectKind.Group.RELEASE).toList();
    }

    /** How the return value says whether the acquisition happened (count_taken, true_if_taken, ...). */
    public Optional<EffectInfo> successConvention() {
        return effects.stream().filter(e -> e.kind().group() == EffectKind.Group.CONVENTION).findFirst();
    }

    /** NOT_EXCLUSIVITY_PROOF or EXCLUSIVITY_PROOF on the return value. */
    public Optional<EffectInfo> exclusivity() {
        return effects.stream().filter(e -> e.kind().group() == EffectKind.Group.EXCLUSIVITY).findFirst();
    }

    /** prepares / publishes / freezes / sets_refcount effects. */
    public List<EffectInfo> prep() {
        return effects.stream().filter(e -> e.kind().group() == EffectKind.Group.PREP).toList();
    }

    public Optional<EffectInfo> contiguity() {
        return effects.stream().filter(e -> e.kind().group() == EffectKind.Group.CONTIGUITY).findFirst();
    }
}
