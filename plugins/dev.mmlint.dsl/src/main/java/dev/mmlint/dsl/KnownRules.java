package dev.mmlint.dsl;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The rule ids a clause's {@code for MMnnn} may name: the rules the caller's loader knows, built-in
 * and custom. Called once per load with the custom rule classes compiled from the loaded Java
 * sources, so a custom rule may own clauses. The rule registry lives above this module
 * ({@code dev.mmlint.checks.Checks}); the loader only asks.
 */
@FunctionalInterface
public interface KnownRules {
    /** Checks only the form of a rule id (MMnnn): for tools that load rule files without the checks. */
    KnownRules ANY = custom -> null;

    /** The ids, or null to check the form only. */
    Collection<String> ids(List<Class<?>> customRules);

    static KnownRules of(Collection<String> ids) {
        Set<String> copy = Set.copyOf(ids);
        return custom -> copy;
    }
}
