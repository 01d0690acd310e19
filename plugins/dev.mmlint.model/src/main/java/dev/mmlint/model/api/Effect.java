package dev.mmlint.model.api;

import dev.mmlint.model.MmModel;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EObject;

/**
 * One effect of a function at one site: {@code return: head of page}, {@code page: requires_head},
 * {@code pages[]: pins count nr_pages}, {@code page: speculative_ref validated_by(head_recheck)}.
 */
public final class Effect extends ModelElement {

    public Effect(EObject eObject) {
        super(eObject, "Effect");
    }

    public static Effect create(EffectSite site, String param, EffectKind kind) {
        Effect e = new Effect(MmModel.create("Effect"));
        e.setSite(site);
        e.setParam(param);
        e.setKind(kind);
        return e;
    }

    public EffectSite site() { return enumValue("site", EffectSite.class); }
    public void setSite(EffectSite v) { setEnum("site", v); }
    /** parameter name (null for the return site) */
    public String param() { return str("param"); }
    public void setParam(String v) { set("param", v); }
    public EffectKind kind() { return enumValue("kind", EffectKind.class); }
    public void setKind(EffectKind v) { setEnum("kind", v); }
    /** parameter holding the number of pages (arrays, ranges), or null */
    public String count() { return str("count"); }
    public void setCount(String v) { set("count", v); }
    /** for head/folio results: the parameter whose compound page the result belongs to, or null */
    public String of() { return str("of"); }
    public void setOf(String v) { set("of", v); }

    /**
     * The parameter whose value at the call decides whether this effect happens
     * ({@code page: requires_head when compound}), or null when it always happens.
     */
    public String condition() { return str("condition"); }
    public void setCondition(String v) { set("condition", v); }
    /**
     * With a {@link #condition()}: the flag that must be set in that parameter
     * ({@code when flags has MF_COUNT_INCREASED}); null: the parameter itself must be true.
     */
    public String conditionFlag() { return str("conditionFlag"); }
    public void setConditionFlag(String v) { set("conditionFlag", v); }
    /**
     * With a {@link #conditionFlag()}: the effect happens when that flag is clear in the parameter
     * ({@code when gup_flags lacks FOLL_PIN}) rather than set.
     */
    public boolean conditionFlagClear() { return Boolean.TRUE.equals(eObject.eGet(feature("conditionFlagClear"))); }
    public void setConditionFlagClear(boolean v) { set("conditionFlagClear", v); }

    @SuppressWarnings("unchecked")
    private EList<Object> validatedByList() {
        return (EList<Object>) eObject.eGet(feature("validatedBy"));
    }

    public List<ValidationKind> validatedBy() {
        List<ValidationKind> out = new ArrayList<>();
        for (Object o : validatedByList()) out.add(MmModel.toJava(ValidationKind.class, (Enumerator) o));
        return List.copyOf(out);
    }

    public void addValidatedBy(ValidationKind k) {
        validatedByList().add(MmModel.toEmf(k));
    }

    /** The function fact this effect belongs to, or null. */
    public FunctionFact function() {
        EObject c = eObject.eContainer();
        return c == null ? null : new FunctionFact(c);
    }
}
