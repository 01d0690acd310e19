package dev.mmlint.model;

import dev.mmlint.model.validation.MmlintValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;

/**
 * The mmlint metamodel, loaded at run time from {@code /model/mmlint.ecore} (dynamic EMF: there is no
 * generated code). Instances are EObjects created through the package's EFactory; the typed facade in
 * {@code dev.mmlint.model.api} wraps them. Loading registers the package and its {@link MmlintValidator}
 * in the global EMF registries, so {@code Diagnostician.INSTANCE} validates mmlint models.
 */
public final class MmModel {

    public static final String NS_URI = "https://mmlint.dev/model/1.0";
    public static final String ECORE_RESOURCE = "/model/mmlint.ecore";
    public static final String DOC_SOURCE = "https://mmlint.dev/model/doc";

    private static final EPackage PACKAGE = load();

    static {
        EValidator.Registry.INSTANCE.put(PACKAGE, new MmlintValidator());
    }

    private MmModel() {
    }

    private static EPackage load() {
        ResourceSet rs = new ResourceSetImpl();
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("ecore", new EcoreResourceFactoryImpl());
        Resource r = rs.createResource(URI.createURI("platform:/mmlint/model/mmlint.ecore"));
        try (InputStream in = MmModel.class.getResourceAsStream(ECORE_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + ECORE_RESOURCE + " on the class path");
            r.load(in, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + ECORE_RESOURCE, e);
        }
        EPackage p = (EPackage) r.getContents().get(0);
        if (!NS_URI.equals(p.getNsURI())) throw new IllegalStateException("unexpected nsURI " + p.getNsURI());
        EPackage.Registry.INSTANCE.put(p.getNsURI(), p);
        return p;
    }

    public static EPackage ePackage() {
        return PACKAGE;
    }

    /** Forces loading and validator registration (idempotent). */
    public static void init() {
        // class initialisation does the work
    }

    public static EClass eClass(String name) {
        EClass c = (EClass) PACKAGE.getEClassifier(name);
        if (c == null) throw new IllegalArgumentException("no EClass " + name + " in " + NS_URI);
        return c;
    }

    public static EEnum eEnum(String name) {
        EEnum e = (EEnum) PACKAGE.getEClassifier(name);
        if (e == null) throw new IllegalArgumentException("no EEnum " + name + " in " + NS_URI);
        return e;
    }

    public static EObject create(String className) {
        return PACKAGE.getEFactoryInstance().create(eClass(className));
    }

    /** The instance value of an EEnum literal (for dynamic EMF, the literal itself). */
    public static Enumerator literal(String enumName, String literal) {
        EEnumLiteral l = eEnum(enumName).getEEnumLiteral(literal);
        if (l == null) throw new IllegalArgumentException("no literal '" + literal + "' in " + enumName);
        return l.getInstance();
    }

    /** The ecore literal names of an EEnum, in declaration order (the DSL keywords). */
    public static List<String> literals(String enumName) {
        List<String> out = new ArrayList<>();
        for (EEnumLiteral l : eEnum(enumName).getELiterals()) out.add(l.getName());
        return out;
    }

    /** Converts a Java facade enum to the matching EEnum instance value (same simple name, lower-case literal). */
    public static Enumerator toEmf(Enum<?> value) {
        return literal(value.getDeclaringClass().getSimpleName(), value.name().toLowerCase(Locale.ROOT));
    }

    /** Converts an EEnum instance value to the facade enum of the same name. */
    public static <E extends Enum<E>> E toJava(Class<E> type, Object enumerator) {
        if (enumerator == null) return null;
        return Enum.valueOf(type, ((Enumerator) enumerator).getName().toUpperCase(Locale.ROOT));
    }
}
