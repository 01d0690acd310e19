package dev.mmlint.model.api;

import dev.mmlint.model.MmModel;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;

/** What a function, macro or builtin does to page-like values: its parameters and effects. */
public final class FunctionFact extends Fact {

    public FunctionFact(EObject eObject) {
        super(eObject, "FunctionFact");
    }

    public static FunctionFact create(FunctionKind kind, String name, String... params) {
        FunctionFact f = new FunctionFact(MmModel.create("FunctionFact"));
        f.setKind(kind);
        f.setName(name);
        for (String p : params) f.addParam(p);
        return f;
    }

    public String name() { return str("name"); }
    public void setName(String v) { set("name", v); }
    public FunctionKind kind() { return enumValue("kind", FunctionKind.class); }
    public void setKind(FunctionKind v) { setEnum("kind", v); }

    public List<String> params() {
        List<String> out = new ArrayList<>();
        for (EObject p : refs("params")) out.add((String) p.eGet(p.eClass().getEStructuralFeature("name")));
        return List.copyOf(out);
    }

    public void addParam(String name) {
        EObject p = MmModel.create("Param");
        p.eSet(p.eClass().getEStructuralFeature("name"), name);
        refs("params").add(p);
    }

    /** 0-based index of a parameter, or -1. */
    public int paramIndex(String name) {
        return name == null ? -1 : params().indexOf(name);
    }

    public List<Effect> effects() { return wrapAll("effects", Effect::new); }

    public Effect addEffect(Effect e) {
        refs("effects").add(e.eObject());
        return e;
    }

    /** Adds an effect and returns this fact (builder style). */
    public FunctionFact with(EffectSite site, String param, EffectKind kind) {
        addEffect(Effect.create(site, param, kind));
        return this;
    }
}
