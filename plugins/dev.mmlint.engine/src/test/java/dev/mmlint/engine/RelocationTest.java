package dev.mmlint.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mmlint.engine.api.TextEdit;
import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.flow.Bound;
import dev.mmlint.engine.flow.PageValue;
import dev.mmlint.frontend.SourceText;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Positions computed on a text carried over to an edited copy of it. */
class RelocationTest {
    // line 1 "int a;", line 2 "int b;", line 3 "int c;"; the edit inserts a line before line 2
    private static final String OLD = "int a;\nint b;\nint c;\n";
    private static final String NEW = "int a;\nint x;\nint b;\nint c;\n";
    private final Relocation move = Relocation.between(new SourceText(OLD), new SourceText(NEW));

    @Test void offsetsBeforeTheEditStayAndAfterItMove() throws Exception {
        assertEquals(0, move.offset(0));
        assertEquals(5, move.offset(5));
        assertEquals(OLD.indexOf("c;") + 7, move.offset(OLD.indexOf("c;")));
        assertEquals(NEW.indexOf("c;"), move.offset(OLD.indexOf("c;")));
        assertEquals(-1, move.offset(-1), "no position stays no position");
    }

    @Test void linesBeforeTheEditStayAndAfterItMove() throws Exception {
        assertEquals(1, move.line(1));
        assertEquals(4, move.line(3));
        assertEquals(0, move.line(0));
    }

    @Test void aPlaceTheEditChangedHasNoPlaceInTheCopy() {
        Relocation change = Relocation.between(new SourceText(OLD), new SourceText("int a;\nlong b;\nint c;\n"));
        assertThrows(Relocation.Unmappable.class, () -> change.offset(OLD.indexOf("int b")));
        assertEquals(OLD.indexOf("b;") + 1, assertDoesNotThrow(() -> change.offset(OLD.indexOf("b;"))), "what follows the edit on its line moves");
        assertThrows(Relocation.Unmappable.class, () -> change.line(2));
        // a stretch that reaches into the edit
        assertThrows(Relocation.Unmappable.class, () -> change.offset(0, OLD.indexOf("int b") + 1));
    }

    @Test void wordsNamingALineMoveWithIt() throws Exception {
        assertEquals("pfn_to_page() at line 4, then line 1", move.words("pfn_to_page() at line 3, then line 1"));
        assertEquals("no line here", move.words("no line here"));
        assertThrows(Relocation.Unmappable.class,
                () -> Relocation.between(new SourceText(OLD), new SourceText("int a;\nlong b;\nint c;\n")).words("(line 2)"));
    }

    @Test void recordsAreRebuiltWithTheirPositionsMoved() throws Exception {
        int c = OLD.indexOf("c;");
        Event.PointerArith e = new Event.PointerArith(c, 2, "page", "page + i", new Bound(false, "the count (line 3)", null, 3),
                new TextEdit(c, 1, "nth_page(c)"));
        Event.PointerArith m = move.map(e);
        int now = NEW.indexOf("c;");
        assertEquals(new Event.PointerArith(now, 2, "page", "page + i", new Bound(false, "the count (line 4)", null, 4),
                new TextEdit(now, 1, "nth_page(c)")), m);
        PageValue.Origin o = new PageValue.Origin(3, 1, "pte_page()");
        assertEquals(new PageValue.Origin(4, 1, "pte_page()"), move.map(o));
        // what nothing in moves is handed back as it was
        Event.PointerArith early = new Event.PointerArith(0, 3, "page", "page++", null, null);
        assertSame(early, move.map(early));
        Map<Integer, Bound> sorted = new TreeMap<>(Map.of(0, new Bound(true, "x", null, 3)));
        assertEquals(Map.of(0, new Bound(true, "x", null, 4)), move.map(sorted));
        assertEquals(List.of(new PageValue.Origin(4, 2, "y")), move.map(List.of(new PageValue.Origin(3, 2, "y"))));
    }

    @Test void whatItDoesNotKnowIsNotCarriedOver() {
        assertThrows(Relocation.Unmappable.class, () -> move.map(new Object()));
    }
}
