package dev.mmlint.cfg;

import java.util.Set;

/**
 * Options of {@link CfgBuilder}.
 *
 * @param noreturnFunctions       names of functions (or of macros left unexpanded, like {@code BUG} when
 *                                parsing without includes) whose call never returns: an expression statement or
 *                                declaration that unconditionally calls one gets a single EXCEPTIONAL_NONE edge to
 *                                EXIT
 * @param noreturnAttribute       also treat as never returning a function the translation unit declares at file
 *                                scope with {@code __attribute__((noreturn))} / {@code __noreturn__} (by name, on
 *                                the declaration specifiers or the declarator; with includes this covers panic,
 *                                do_exit, make_task_dead...)
 * @param expectWrappers          calls that are transparent in a condition: {@code if (__builtin_expect(e, 0))} and,
 *                                unexpanded, {@code if (unlikely(e))} test {@code e}
 * @param iteratorMacroHeuristic  when parsing without macro definitions, {@code list_for_each_entry(p, h, m) { body }}
 *                                parses as a call without semicolon, a problem statement, then the body: model it
 *                                as a loop whose head is a PROBLEM node (the macro call) and whose body is the
 *                                statement after the problem
 */
public record CfgOptions(Set<String> noreturnFunctions, boolean noreturnAttribute, Set<String> expectWrappers,
        boolean iteratorMacroHeuristic) {

    /**
     * BUG, panic, __builtin_unreachable, unreachable, do_exit, plus the kernel's other {@code __noreturn}
     * exits (make_task_dead, do_group_exit, kthread_exit, do_task_dead) and __builtin_trap. Not BUG_ON: it is
     * conditional (its expanded form {@code if (c) BUG();} is handled through BUG / __builtin_unreachable).
     */
    public static final Set<String> DEFAULT_NORETURN = Set.of("BUG", "panic", "__builtin_unreachable", "unreachable",
            "do_exit", "__builtin_trap", "make_task_dead", "do_group_exit", "kthread_exit", "do_task_dead");

    public static final Set<String> DEFAULT_EXPECT_WRAPPERS = Set.of("__builtin_expect",
            "__builtin_expect_with_probability", "likely", "unlikely");

    public static final CfgOptions DEFAULT = new CfgOptions(DEFAULT_NORETURN, true, DEFAULT_EXPECT_WRAPPERS, true);

    public CfgOptions {
        noreturnFunctions = Set.copyOf(noreturnFunctions);
        expectWrappers = Set.copyOf(expectWrappers);
    }

    public static CfgOptions defaults() {
        return DEFAULT;
    }

    public CfgOptions withNoreturnFunctions(Set<String> names) {
        return new CfgOptions(names, noreturnAttribute, expectWrappers, iteratorMacroHeuristic);
    }

    public CfgOptions withNoreturnAttribute(boolean on) {
        return new CfgOptions(noreturnFunctions, on, expectWrappers, iteratorMacroHeuristic);
    }

    public CfgOptions withExpectWrappers(Set<String> names) {
        return new CfgOptions(noreturnFunctions, noreturnAttribute, names, iteratorMacroHeuristic);
    }

    public CfgOptions withIteratorMacroHeuristic(boolean on) {
        return new CfgOptions(noreturnFunctions, noreturnAttribute, expectWrappers, on);
    }
}
