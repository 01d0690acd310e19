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
        assertThrows(Relocation.Unmappable.class, () -> change.offset(OLD.indexOf("b;")), "a changed line changed as a whole");
        assertEquals(OLD.indexOf("c;") + 1, assertDoesNotThrow(() -> change.offset(OLD.indexOf("c;"))));
        assertThrows(Relocation.Unmappable.class, () -> change.line(2));
        // a stretch that reaches into the edit
        assertThrows(Relocation.Unmappable.class, () -> change.offset(0, OLD.indexOf("int b") + 1));
    }

    @Test void wordsNamingALineThatMovesAreNotCarriedOver() throws Exception {
        // "line 3" may be the engine's or an argument's comment: not rewritten, the run is made again
        assertThrows(Relocation.Unmappable.class, () -> move.words("pfn_to_page() at line 3, then line 1"));
        assertEquals("pfn_to_page() at line 1", move.words("pfn_to_page() at line 1"));
        assertEquals("no line here", move.words("no line here"));
        assertThrows(Relocation.Unmappable.class, () -> move.words("see line 99999999999999999999"));
        assertThrows(Relocation.Unmappable.class,
                () -> Relocation.between(new SourceText(OLD), new SourceText("int a;\nlong b;\nint c;\n")).words("(line 2)"));
    }

    @Test void recordsAreRebuiltWithTheirPositionsMoved() throws Exception {
        int c = OLD.indexOf("c;");
        Event.PointerArith e = new Event.PointerArith(c, 2, "page", "page + i", new Bound(false, "the count", null, 3),
                new TextEdit(c, 1, "nth_page(c)"));
        Event.PointerArith m = move.map(e);
        int now = NEW.indexOf("c;");
        assertEquals(new Event.PointerArith(now, 2, "page", "page + i", new Bound(false, "the count", null, 4),
                new TextEdit(now, 1, "nth_page(c)")), m);
        assertThrows(Relocation.Unmappable.class, () -> move.map(new Bound(false, "the count (line 3)", null, 3)));
        PageValue.Origin o = new PageValue.Origin(3, 1, "pte_page()");
        assertEquals(new PageValue.Origin(4, 1, "pte_page()"), move.map(o));
        // what nothing in moves is handed back as it was
        Event.PointerArith early = new Event.PointerArith(0, 3, "page", "page++", null, null);
        assertSame(early, move.map(early));
        Map<Integer, Bound> sorted = new TreeMap<>(Map.of(0, new Bound(true, "x", null, 3)));
        assertEquals(Map.of(0, new Bound(true, "x", null, 4)), move.map(sorted));
        assertEquals(List.of(new PageValue.Origin(4, 2, "y")), move.map(List.of(new PageValue.Origin(3, 2, "y"))));
    }

    @Test void editsFarApartEachMoveWhatFollowsThem() throws Exception {
        StringBuilder a = new StringBuilder(), b = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            a.append("line").append(i).append(";\n");
            if (i == 5) b.append("new;\n"); // inserted before old line 5
            if (i == 20) continue; // old line 20 deleted
            if (i == 30) { b.append("changed30;\nmore;\n"); continue; } // old line 30 replaced by two
            b.append("line").append(i).append(";\n");
        }
        SourceText o = new SourceText(a.toString()), n = new SourceText(b.toString());
        Relocation m = Relocation.between(o, n);
        assertEquals(3, m.regions());
        assertEquals(4, m.line(4));
        assertEquals(6, m.line(5));
        assertEquals(20, m.line(19));
        assertThrows(Relocation.Unmappable.class, () -> m.line(20));
        assertEquals(21, m.line(21));
        assertThrows(Relocation.Unmappable.class, () -> m.line(30));
        assertEquals(32, m.line(31));
        for (int l : new int[] {1, 4, 5, 19, 21, 29, 31, 40}) {
            int at = o.lineStart(l) + 2;
            assertEquals(o.content().substring(at, at + 3), n.content().substring(m.offset(at), m.offset(at) + 3), "line " + l);
        }
        // a stretch across an insertion is cut by it
        assertThrows(Relocation.Unmappable.class, () -> m.offset(o.lineStart(4), o.lineStart(6) - o.lineStart(4)));
    }

    @Test void aHugeTextEditedAtBothEndsIsOneEditFoundAtOnce() throws Exception {
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < 400_000; i++) a.append("x").append(i % 7).append(";\n");
        String b = "first;\n" + a.substring(a.indexOf("\n") + 1, a.length() - 4) + "last;\n";
        SourceText o = new SourceText(a.toString()), n = new SourceText(b);
        Relocation m = Relocation.between(o, n); // the search is bounded: about 20 M line comparisons at most
        assertEquals(2, m.regions(), "the two ends, each found as its own edit");
        assertThrows(Relocation.Unmappable.class, () -> m.line(1));
        assertEquals(2, m.line(2));
        assertEquals(399_999, m.line(399_999));
        assertThrows(Relocation.Unmappable.class, () -> m.line(400_000));
    }

    @Test void identicalTextsHaveNoEdit() throws Exception {
        Relocation m = Relocation.between(new SourceText(OLD), new SourceText(OLD));
        assertEquals(0, m.regions());
        assertEquals(9, m.offset(9));
    }

    @Test void whatItDoesNotKnowIsNotCarriedOver() {
        assertThrows(Relocation.Unmappable.class, () -> move.map(new Object()));
    }
}
