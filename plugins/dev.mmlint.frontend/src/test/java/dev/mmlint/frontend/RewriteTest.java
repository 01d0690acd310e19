package dev.mmlint.frontend;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.frontend.internal.HeaderBodyBlanker;
import dev.mmlint.frontend.internal.KernelRewriter;
import org.junit.jupiter.api.Test;

class RewriteTest {
    @Test void asmQualifiersAreBlankedKeepingLength() {
        String in = "asm goto(\"jmp %l[l]\" : : : : l);\n\tasm volatile goto(\"x\");\n__asm__ __volatile__ inline (\"y\");\nint gotoX;";
        String out = KernelRewriter.rewrite(in);
        assertEquals(in.length(), out.length());
        assertEquals("asm     (\"jmp %l[l]\" : : : : l);\n\tasm volatile     (\"x\");\n__asm__ __volatile__        (\"y\");\nint gotoX;", out);
    }

    @Test void headerBodiesAreBlankedButDirectivesAndLinesKept() {
        String in = """
                struct s { int a; };
                static inline int f(int x)
                {
                	int y = x + 1; /* } */
                #define INNER 1
                	return y;
                }
                static const int t[] = { 1, 2 };
                static inline int g(void)
                {
                #ifdef X
                	return 1;
                #endif
                	return 0;
                }
                """;
        String out = HeaderBodyBlanker.blank(in);
        assertEquals(in.length(), out.length());
        assertEquals(in.lines().count(), out.lines().count());
        assertTrue(out.contains("struct s { int a; };"));
        assertTrue(out.contains("#define INNER 1"));
        assertFalse(out.contains("return y;"));
        assertTrue(out.contains("{ 1, 2 }"), "initializers are not bodies");
        assertTrue(out.contains("#ifdef X\n\treturn 1;"), "bodies with conditionals are left alone");
    }
}
