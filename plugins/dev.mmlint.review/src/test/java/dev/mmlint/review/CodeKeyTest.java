package dev.mmlint.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.frontend.FragmentFrontend;
import dev.mmlint.frontend.ParsedUnit;
import dev.mmlint.model.api.Confidence;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code key of a flagged span: what a refactoring keeps matches, what a real change alters does not. */
class CodeKeyTest {
    static final String BASE = """
            static unsigned long skip(unsigned long pfn)
            {
            	struct page *page = pfn_to_page(pfn);

            	if (PageTransHuge(page))
            		return pfn + thp_nr_pages(page) - 1;
            	return pfn;
            }
            """;

    /** The key of a finding on the {@code nth} occurrence (0-based, whole words) of {@code flagged} in {@code text}. */
    static CodeKey.Key key(String text, String flagged, int nth, boolean expand) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!\\w)" + java.util.regex.Pattern.quote(flagged) + "(?!\\w)").matcher(text);
        for (int i = 0; i <= nth; i++) if (!m.find()) throw new AssertionError("no " + flagged + " #" + nth);
        int off = m.start();
        ParsedUnit u = new FragmentFrontend().parseText(Path.of("/__t__/mm/x.c"), "mm/x.c", text);
        int line = u.text().line(off), col = u.text().column(off);
        Finding f = new Finding("MM004", Severity.WARNING, Confidence.HIGH, "mm/x.c", "skip", line, col, line, col + flagged.length(),
                "m", List.of(), null, List.of(), "c", "a", List.of(), true, "", "fp");
        CodeKey.Key k = CodeKey.of(u, f, expand);
        assertNotNull(k, "key of " + flagged);
        return k;
    }

    @Test void whiteSpaceAndRenamedLocalsKeepTheKey() throws Exception {
        String renamed = BASE.replace("struct page *page", "struct page *p").replace("(page)", "( p )");
        for (boolean expand : new boolean[] {true, false})
            assertEquals(key(BASE, "page", 3, expand).full(), key(renamed, "p", 2, expand).full(), "expand " + expand);
    }

    @Test void aValueMovedIntoALocalKeepsTheExpandedKey() throws Exception {
        String before = "unsigned long f(unsigned long addr)\n{\n\treturn base(addr) + ((addr & ~MASK) >> SHIFT);\n}\n";
        String after = "unsigned long f(unsigned long addr)\n{\n\tunsigned long off = (addr & ~MASK) >> SHIFT;\n\n\treturn base(addr) + off;\n}\n";
        assertEquals(key(before, "base(addr) + ((addr & ~MASK) >> SHIFT)", 0, true).full(), key(after, "base(addr) + off", 0, true).full());
        assertNotEquals(key(before, "base(addr) + ((addr & ~MASK) >> SHIFT)", 0, false).full(), key(after, "base(addr) + off", 0, false).full());
    }

    @Test void aLocalWrittenTwiceIsNotExpanded() throws Exception {
        String a = "unsigned long f(unsigned long addr)\n{\n\tunsigned long off = addr >> SHIFT;\n\n\toff++;\n\treturn base(addr) + off;\n}\n";
        String b = "unsigned long f(unsigned long addr)\n{\n\treturn base(addr) + (addr >> SHIFT);\n}\n";
        assertNotEquals(key(a, "base(addr) + off", 0, true).full(), key(b, "base(addr) + (addr >> SHIFT)", 0, true).full());
    }

    @Test void anotherArgumentOrAnotherConditionIsAnotherKey() throws Exception {
        CodeKey.Key k = key(BASE, "page", 3, true);
        String head = BASE.replace("thp_nr_pages(page)", "thp_nr_pages(head_of(page))");
        assertNotEquals(k.full(), key(head, "head_of(page)", 0, true).full());
        String other = BASE.replace("PageTransHuge(page)", "PageHuge(page)");
        assertNotEquals(k.full(), key(other, "page", 3, true).full());
        assertEquals(0, k.ordinal());
        assertEquals(-1, key(BASE, "page", 2, true).ordinal(), "the condition itself is at the top of the function");
    }
}
