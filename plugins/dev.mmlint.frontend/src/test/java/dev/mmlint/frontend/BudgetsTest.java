package dev.mmlint.frontend;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Budget values as users write them, how they combine, and a running budget's time and function limits. */
class BudgetsTest {
    @Test void timesAndSizesAsWritten() {
        assertEquals(Duration.ofSeconds(60), Budgets.parseTime("60s"));
        assertEquals(Duration.ofSeconds(20), Budgets.parseTime("20"));
        assertEquals(Duration.ofMillis(500), Budgets.parseTime("500ms"));
        assertEquals(Duration.ofMinutes(2), Budgets.parseTime("2m"));
        assertEquals(Duration.ZERO, Budgets.parseTime("off"));
        assertThrows(IllegalArgumentException.class, () -> Budgets.parseTime("soon"));
        assertThrows(IllegalArgumentException.class, () -> Budgets.parseTime("-1s"));
        assertEquals(new Budgets.Memory(0, 50), Budgets.parseMemory("50%"));
        assertEquals(new Budgets.Memory(2L << 30, 0), Budgets.parseMemory("2g"));
        assertEquals(new Budgets.Memory(512L << 20, 0), Budgets.parseMemory("512M"));
        assertTrue(Budgets.parseMemory("off").unlimited());
        assertThrows(IllegalArgumentException.class, () -> Budgets.parseMemory("150%"));
        assertThrows(IllegalArgumentException.class, () -> Budgets.parseMemory("lots"));
        assertEquals("20 s", Budgets.seconds(Duration.ofSeconds(20)));
        assertEquals("1.5 s", Budgets.seconds(Duration.ofMillis(1500)));
        assertEquals("250 ms", Budgets.seconds(Duration.ofMillis(250)));
    }

    @Test void unsetComponentsComeFromTheNextSourceThenTheDefaults() {
        Budgets cli = Budgets.UNSET.withFileTime(Duration.ofSeconds(5));
        Budgets settings = Budgets.UNSET.withFileTime(Duration.ofSeconds(9)).withFunctionTime(Duration.ofSeconds(2));
        Budgets b = cli.orElse(settings).resolved();
        assertEquals(Duration.ofSeconds(5), b.fileTime());
        assertEquals(Duration.ofSeconds(2), b.functionTime());
        assertEquals(Budgets.DEFAULT_MEMORY, b.memory());
        assertEquals(Budgets.DEFAULTS, Budgets.UNSET.resolved());
    }

    @Test void theFileDeadlineThrowsWithTheReasonAndStaysExceeded() throws Exception {
        Budget b = Budget.start("a.c", Budgets.NONE.withFileTime(Duration.ofMillis(50)));
        try (Budget.Scope s = b.open()) {
            BudgetExceededException e = assertThrows(BudgetExceededException.class, () -> {
                long end = System.nanoTime() + 10_000_000_000L;
                while (System.nanoTime() < end) Budget.checkCurrent();
            });
            assertEquals("time budget exceeded after 50 ms", e.reason());
            assertNull(e.function());
            assertThrows(BudgetExceededException.class, Budget::checkCurrent);
        }
        assertNull(Budget.current());
        Budget.checkCurrent(); // no budget open: nothing to check
    }

    @Test void theWatchdogCancelsWhatDoesNotCheck() throws Exception {
        Budget b = Budget.start("a.c", Budgets.NONE.withFileTime(Duration.ofMillis(50)));
        java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
        try (Budget.Scope s = b.open()) {
            b.onCancel(cancelled::countDown);
            assertTrue(cancelled.await(10, java.util.concurrent.TimeUnit.SECONDS), "cancelled at the deadline");
            assertNotNull(b.exceeded());
        }
    }

    @Test void aFunctionOverItsBudgetThrowsForThatFunctionOnly() {
        Budget b = Budget.start("a.c", Budgets.NONE.withFunctionTime(Duration.ofMillis(20)));
        try (Budget.Scope s = b.open()) {
            b.startFunction("slow", 3);
            BudgetExceededException e = assertThrows(BudgetExceededException.class, () -> {
                long end = System.nanoTime() + 10_000_000_000L;
                while (System.nanoTime() < end) Budget.checkCurrent();
            });
            b.endFunction();
            assertEquals("slow", e.function());
            assertEquals(3, e.line());
            assertEquals("time budget exceeded after 20 ms", e.reason());
            assertNull(b.exceeded(), "the file goes on");
            b.startFunction("fast", 9);
            for (int i = 0; i < 5000; i++) Budget.checkCurrent();
            b.endFunction();
        }
    }
}
