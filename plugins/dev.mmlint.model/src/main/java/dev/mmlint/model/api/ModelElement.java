package dev.mmlint.model.api;

import dev.mmlint.model.MmModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * Base of the typed facade: a thin view over a dynamic-EMF EObject of the mmlint package. Two views
 * are equal when they wrap the same EObject; for structural equality of models use {@link RuleSet#sameAs}.
 */
public abstract class ModelElement {

    protected final EObject eObject;

    protected ModelElement(EObject eObject, String eClassName) {
        if (eObject == null) throw new NullPointerException("eObject");
        if (!MmModel.eClass(eClassName).isSuperTypeOf(eObject.eClass())) {
            throw new IllegalArgumentException("expected " + eClassName + ", got " + eObject.eClass().getName());
        }
        this.eObject = eObject;
    }

    public EObject eObject() {
        return eObject;
    }

    protected EStructuralFeature feature(String name) {
        EStructuralFeature f = eObject.eClass().getEStructuralFeature(name);
        if (f == null) throw new IllegalArgumentException(eObject.eClass().getName() + " has no feature " + name);
        return f;
    }

    protected String str(String feature) {
        return (String) eObject.eGet(feature(feature));
    }

    protected void set(String feature, Object value) {
        eObject.eSet(feature(feature), value);
    }

    protected boolean isSet(String feature) {
        return eObject.eIsSet(feature(feature));
    }

    protected <E extends Enum<E>> E enumValue(String feature, Class<E> type) {
        EStructuralFeature f = feature(feature);
        if (f.isUnsettable() && !eObject.eIsSet(f)) return null;
        return MmModel.toJava(type, eObject.eGet(f));
    }

    protected void setEnum(String feature, Enum<?> value) {
        if (value == null) eObject.eUnset(feature(feature));
        else eObject.eSet(feature(feature), MmModel.toEmf(value));
    }

    @SuppressWarnings("unchecked")
    protected EList<EObject> refs(String feature) {
        return (EList<EObject>) eObject.eGet(feature(feature));
    }

    protected <T> List<T> wrapAll(String feature, Function<EObject, T> wrap) {
        List<T> out = new ArrayList<>();
        for (EObject e : refs(feature)) out.add(wrap.apply(e));
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelElement m && m.eObject == eObject;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(eObject);
    }
}
