package dev.mmlint.frontend;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The macro-expansion budget on the shapes of macro bomb, with no time or memory budget set, so that
 * only the expansion budget can stop them: the outcome is the same on any machine and under any load.
 */
class MacroBudgetTest {
    private static String parse(String text) {
        FragmentFrontend fe = new FragmentFrontend();
        Budget b = Budget.start("bomb.c", Budgets.NONE);
        try (Budget.Scope s = b.open()) {
            fe.parseText(Path.of("/__mmlint_test__/bomb.c"), "bomb.c", text);
            return null;
        } catch (BudgetExceededException e) {
            return e.reason();
        } catch (InputException e) {
            return "input error: " + e.diagnostic().message();
        }
    }

    /**
     * Wide: forty object-like macros, each twice the one before: 2^40 nested expansions, each of
     * which reads its name (the identifier cap, the lower of the two, comes first).
     */
    @Test void wideObjectLikeBombMeetsTheExpansionBudget() {
        StringBuilder b = new StringBuilder("#define A0 x\n");
        for (int i = 1; i <= 40; i++) b.append("#define A").append(i).append(" A").append(i - 1).append(" A").append(i - 1).append('\n');
        String why = parse(b.append("int v = A40;\n").toString());
        assertNotNull(why);
        assertTrue(why.startsWith("macro expansion budget exceeded: one macro invocation "), why);
    }

    /**
     * Deep: one doubling function-like macro called thirty deep, thirty expansions in all but 2^30
     * tokens. It met no expansion cap before: only the time budget or the heap stopped it.
     */
    @Test void deepFunctionLikeBombMeetsTheIdentifierCap() {
        String why = parse("#define D(x) x x\nint v = " + "D(".repeat(30) + "y" + ")".repeat(30) + ";\n");
        assertNotNull(why, "the bomb was parsed to the end");
        assertTrue(why.startsWith("macro expansion budget exceeded: one macro invocation reads more than"), why);
    }

    /** Deep through a helper macro (the kernel's __stringify / __PASTE style of indirection). */
    @Test void deepBombThroughAnIndirectionMeetsTheIdentifierCap() {
        String why = parse("#define TWICE(x) x + x\n#define D(x) (TWICE(x))\nint v = " + "D(".repeat(28) + "y" + ")".repeat(28) + ";\n");
        assertNotNull(why, "the bomb was parsed to the end");
        assertTrue(why.startsWith("macro expansion budget exceeded"), why);
    }

    /** Kernel-style nesting (min()/max() in one another, a few levels deep) stays far below both caps. */
    @Test void kernelStyleNestingIsParsed() {
        String text = "#define __cmp(x, y, op) ((x) op (y) ? (x) : (y))\n"
                + "#define min(x, y) __cmp(x, y, <)\n#define max(x, y) __cmp(x, y, >)\n"
                + "#define clamp(v, lo, hi) min(max(v, lo), hi)\n"
                + "unsigned long f(unsigned long a, unsigned long b, unsigned long c)\n{\n"
                + "\treturn clamp(min(a, max(b, c)), min(b, c), max(clamp(a, b, c), clamp(c, b, a)));\n}\n";
        assertNull(parse(text));
    }
}
