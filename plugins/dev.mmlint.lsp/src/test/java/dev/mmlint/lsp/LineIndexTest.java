package dev.mmlint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mmlint.frontend.SourceText;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;

/** Engine columns (1-based char offsets) to LSP positions (0-based UTF-16 code units). */
class LineIndexTest {
    @Test void utf16AndLineEnds() {
        // U+1F600 is two UTF-16 code units (one Java char pair), é is one
        String t = "a\r\nb\u00e9\uD83D\uDE00x\rcd\nlast";
        LineIndex li = new LineIndex(t);
        assertEquals(new Position(0, 0), li.position(0));
        assertEquals(new Position(1, 0), li.position(3));
        int x = t.indexOf('x');
        assertEquals(new Position(1, 4), li.position(x), "the emoji counts two code units, é one");
        assertEquals(new Position(2, 0), li.position(t.indexOf('c')), "a lone CR ends a line for LSP");
        assertEquals(new Position(3, 4), li.position(t.length()));
        assertEquals(x, li.offset(new Position(1, 4)));
        assertEquals(t.indexOf('\r', 3), li.offset(new Position(1, 99)), "past the end of a line is its end");
        assertEquals(1, li.lineEnd(0));
    }

    @Test void engineColumnsMapThroughOffsets() {
        String t = "int \u00e9\uD83D\uDE00;\n\tpage->mapping;\n";
        SourceText src = new SourceText(t);
        LineIndex li = new LineIndex(t);
        int off = MmlintLanguageServer.offset(src, 2, 2); // "page": column 2 after a tab
        assertEquals(new Position(1, 1), li.position(off));
        int semi = MmlintLanguageServer.offset(src, 1, src.column(t.indexOf(';')));
        assertEquals(new Position(0, 7), li.position(semi));
    }
}
