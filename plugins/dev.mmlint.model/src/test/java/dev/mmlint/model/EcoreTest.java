package dev.mmlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.model.api.Confidence;
import dev.mmlint.model.api.EffectKind;
import dev.mmlint.model.api.EffectSite;
import dev.mmlint.model.api.FieldAccess;
import dev.mmlint.model.api.FunctionKind;
import dev.mmlint.model.api.RangeBound;
import dev.mmlint.model.api.ReferenceKind;
import dev.mmlint.model.api.ValidationKind;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EValidator;
import org.junit.jupiter.api.Test;

class EcoreTest {

    @Test
    void packageLoadsAndRegistersItsValidator() {
        EPackage p = MmModel.ePackage();
        assertEquals(MmModel.NS_URI, p.getNsURI());
        assertTrue(EPackage.Registry.INSTANCE.containsKey(MmModel.NS_URI));
        assertNotNull(EValidator.Registry.INSTANCE.getEValidator(p));
    }

    @Test
    void facadeEnumsMirrorTheEcoreEnums() {
        for (Class<? extends Enum<?>> e : List.<Class<? extends Enum<?>>>of(Confidence.class, ReferenceKind.class, FunctionKind.class,
                EffectSite.class, EffectKind.class, ValidationKind.class, FieldAccess.class, RangeBound.class)) {
            Set<String> java = Arrays.stream(e.getEnumConstants()).map(c -> c.name().toLowerCase()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> ecore = new TreeSet<>(MmModel.literals(e.getSimpleName()));
            assertEquals(ecore, java, e.getSimpleName());
        }
    }

    @Test
    void ruleIdsAreNotAClosedEnumOfTheModel() {
        // the rules a clause may back are the ones the loader knows (dev.mmlint.checks.Checks and custom rules)
        assertTrue(MmModel.ePackage().getEClassifier("RuleId") == null);
    }
}
