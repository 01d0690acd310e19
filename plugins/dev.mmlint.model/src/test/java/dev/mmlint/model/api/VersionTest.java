package dev.mmlint.model.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @Test
    void parsesAndOrdersKernelReleases() {
        KernelVersion v = KernelVersion.parse("6.1.117");
        assertEquals(new KernelVersion(6, 1, 117, 0), v);
        assertTrue(KernelVersion.parse("6.18-rc1").isBefore(KernelVersion.parse("6.18")));
        assertTrue(KernelVersion.parse("6.17.13").isBefore(KernelVersion.parse("6.18-rc1")));
        assertTrue(KernelVersion.parse("4.9").isBefore(KernelVersion.parse("4.10")));
        assertEquals("6.18-rc2", KernelVersion.parse("v6.18-rc2").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6", "6.", "6.x", "06.1", "6.01", "1.0", "6.1.2.3", "6.1-rc0", "", "4..5"})
    void rejectsMalformedVersions(String s) {
        assertThrows(IllegalArgumentException.class, () -> KernelVersion.parse(s));
        assertFalse(KernelVersion.isValid(s));
    }

    @Test
    void windowsAreHalfOpenOnReleaseLines() {
        VersionWindow w = VersionWindow.parse("4.5", "6.18");
        assertTrue(w.contains(KernelVersion.parse("4.5-rc1")));
        assertTrue(w.contains(KernelVersion.parse("6.17.9")));
        assertFalse(w.contains(KernelVersion.parse("6.18-rc1")));
        assertFalse(w.contains(KernelVersion.parse("4.4.302")));
        assertEquals("4.5 .. < 6.18", w.toString());
        assertTrue(VersionWindow.parse("6.1", "6.1").isEmpty());
        assertFalse(VersionWindow.parse("6.0", "6.1").isEmpty());
    }

    @Test
    void intersectsAndOverlaps() {
        VersionWindow a = VersionWindow.parse("4.5", "6.5");
        VersionWindow b = VersionWindow.parse("6.5", null);
        assertFalse(a.overlaps(b));
        assertTrue(a.overlaps(VersionWindow.parse(null, "4.6")));
        assertEquals(VersionWindow.parse("5.6", "6.5"), a.intersect(VersionWindow.parse("5.6", null)).orElseThrow());
        assertTrue(VersionWindow.parse("5.6", "6.1").within(a));
        assertFalse(VersionWindow.parse("4.4", "6.1").within(a));
        assertFalse(VersionWindow.ALL.within(a));
    }

    @Test
    void readsDotConfig() {
        var k = TreeContext.parseDotConfig("""
                # Memory Management options
                CONFIG_SPARSEMEM=y
                # CONFIG_SPARSEMEM_VMEMMAP is not set
                CONFIG_ZSMALLOC=m
                CONFIG_ARCH_MMAP_RND_BITS=28
                CONFIG_LOCALVERSION="-mm"
                """);
        assertEquals(java.util.Map.of("SPARSEMEM", "y", "SPARSEMEM_VMEMMAP", "n", "ZSMALLOC", "m", "ARCH_MMAP_RND_BITS", "28",
                "LOCALVERSION", "-mm"), k);
        var ctx = new TreeContext(KernelVersion.parse("6.1"), k);
        assertEquals(Tri.YES, dev.mmlint.model.kconfig.KconfigExpr.parse("SPARSEMEM && !SPARSEMEM_VMEMMAP && ZSMALLOC").eval(ctx.kconfig()));
    }
}
