package dev.mmlint.engine.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.BinaryOperator;

/** The semilattice laws of a join, over every combination of the given states (compared by their equals). */
final class StateLaws {
    private StateLaws() {}

    static <T> void check(List<T> xs, BinaryOperator<T> join) {
        for (T a : xs) {
            assertEquals(a, join.apply(a, a), "idempotent");
            for (T b : xs) {
                assertEquals(join.apply(a, b), join.apply(b, a), "commutative");
                for (T c : xs) assertEquals(join.apply(join.apply(a, b), c), join.apply(a, join.apply(b, c)), "associative");
            }
        }
    }
}
