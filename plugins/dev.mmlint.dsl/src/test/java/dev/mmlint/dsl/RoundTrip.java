package dev.mmlint.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.emf.ecore.util.EcoreUtil;

/** parse -> model -> print -> parse gives an equal model, and printing is a fixed point. */
final class RoundTrip {

    private RoundTrip() {
    }

    static void assertRoundTrips(RuleSource src) {
        RuleParser.Parsed first = RuleParser.parse(src);
        assertEquals(java.util.List.of(), first.diagnostics(), src.name());
        assertNotNull(first.file());
        String printed = RulePrinter.print(first.file());
        RuleParser.Parsed second = RuleParser.parse(new RuleSource(src.name(), printed));
        assertEquals(java.util.List.of(), second.diagnostics(), () -> "printed text does not parse:\n" + printed);
        assertTrue(EcoreUtil.equals(first.file().eObject(), second.file().eObject()),
                () -> "model changed after print/parse of " + src.name() + ":\n" + printed);
        assertEquals(printed, RulePrinter.print(second.file()), "printing is not a fixed point");
    }
}
