package dev.mmlint.dsl;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.emf.ecore.EObject;

/**
 * Where each model object (and, where recorded, each of its attributes) was written, so that model
 * validation problems are reported at file:line:col. Kept beside the model: the model itself carries
 * no source positions, which keeps parse-print-parse equality exact.
 */
public final class SourceMap {

    private final Map<EObject, SourceLocation> objects = new IdentityHashMap<>();
    private final Map<EObject, Map<String, SourceLocation>> features = new IdentityHashMap<>();

    public void put(EObject o, SourceLocation loc) {
        objects.put(o, loc);
    }

    public void put(EObject o, String feature, SourceLocation loc) {
        features.computeIfAbsent(o, k -> new HashMap<>()).put(feature, loc);
    }

    public void putAll(SourceMap other) {
        objects.putAll(other.objects);
        other.features.forEach((k, v) -> features.computeIfAbsent(k, x -> new HashMap<>()).putAll(v));
    }

    /** Location of an attribute if recorded, else of its object, else of the nearest located container. */
    public Optional<SourceLocation> locate(EObject o, String feature) {
        if (o == null) return Optional.empty();
        if (feature != null) {
            Map<String, SourceLocation> f = features.get(o);
            if (f != null && f.containsKey(feature)) return Optional.of(f.get(feature));
        }
        for (EObject e = o; e != null; e = e.eContainer()) {
            SourceLocation l = objects.get(e);
            if (l != null) return Optional.of(l);
        }
        return Optional.empty();
    }
}
