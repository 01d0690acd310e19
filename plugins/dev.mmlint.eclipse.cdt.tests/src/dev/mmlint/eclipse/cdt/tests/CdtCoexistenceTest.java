package dev.mmlint.eclipse.cdt.tests;

import static dev.mmlint.eclipse.tests.TestProjects.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.eclipse.MmlintBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * mmlint beside a user's CDT, in a real Equinox with a real workspace. The runtime holds, besides mmlint's
 * bundles and the Eclipse 4.34 platform, the bundle {@code org.eclipse.cdt.core} (singleton, 9.2.100)
 * built by {@code dev.mmlint.eclipse.cdt.testbundle}: CDT 9.2.100's org.eclipse.cdt.core classes, plugin.xml
 * and declarative-services component from {@code io.joern:eclipse-cdt-core} (the only copy of CDT reachable
 * from this build; CDT itself is on neither Maven Central nor Debian) under a manifest that follows CDT's
 * own: the same symbolic name, activator, exported packages with their x-internal / x-friends directives,
 * and Require-Bundle list. Requirements that cannot be met here are optional in it:
 * {@code org.eclipse.cdt.core.native} (not available), {@code org.eclipse.osgi.services} (not part of the
 * 4.34 platform) and the {@code javax.xml.bind} import (not in Java 17); it imports {@code org.slf4j},
 * which the re-release logs through. {@code org.eclipse.core.variables} and {@code com.google.gson}, which it
 * requires, are real bundles from Maven Central.
 * <p>
 * What this proves: with a bundle of that name, version and exports installed and ACTIVE, mmlint's bundles
 * still resolve and start, its builder still marks the rule fixtures as they expect, and the CDT classes
 * mmlint's analyzer links against come from mmlint's own nested copy while the same class loaded through
 * the user's bundle is that bundle's, with no wire between the two in either direction. What it does not
 * prove: the re-release replaces CDT's activator {@code CCorePlugin} with a small stub (no indexer, no
 * project-description manager starts), so the CDT UI, indexer and C editor of a real CDT install are not
 * exercised; and it is CDT 9.2.100 only.
 */
class CdtCoexistenceTest {
    static final String CDT = "org.eclipse.cdt.core", RUNTIME = "dev.mmlint.eclipse.runtime", CORE = "dev.mmlint.eclipse";
    static final String TU = "org.eclipse.cdt.core.dom.ast.IASTTranslationUnit";
    static final String[] FIXTURES = {"MM001-section-crossing-page-arithmetic/bad-gigantic-clear-loop.c",
            "MM001-section-crossing-page-arithmetic/ok-nth-page.c", "MM002-tail-page-head-only-field/bad-pte-page-index.c",
            "MM002-tail-page-head-only-field/ok-head-and-folio.c"};

    static Bundle bundle(String name) {
        Bundle[] b = Platform.getBundles(name, null);
        assertNotNull(b, name + " installed");
        assertEquals(1, b.length, name + ": one bundle of that name");
        return b[0];
    }

    @BeforeAll static void startTheUsersCdt() throws Exception {
        autoBuild(false);
        bundle(CDT).start(); // as an IDE does when a CDT class is first used (lazy activation)
    }

    @Test void theUsersCdtIsActiveBesideMmlintsBundles() throws Exception {
        Bundle cdt = bundle(CDT);
        assertEquals(Bundle.ACTIVE, cdt.getState(), "org.eclipse.cdt.core ACTIVE");
        Version v = cdt.getVersion();
        assertEquals(new Version(9, 2, 100), new Version(v.getMajor(), v.getMinor(), v.getMicro()));
        BundleRevision rev = cdt.adapt(BundleRevision.class);
        BundleCapability identity = rev.getDeclaredCapabilities(IdentityNamespace.IDENTITY_NAMESPACE).get(0);
        assertEquals("true", identity.getDirectives().get(IdentityNamespace.CAPABILITY_SINGLETON_DIRECTIVE), "a singleton, as CDT's");
        Set<String> exported = new TreeSet<>();
        for (BundleCapability c : cdt.adapt(BundleWiring.class).getCapabilities(BundleRevision.PACKAGE_NAMESPACE))
            exported.add((String) c.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE));
        for (String p : List.of("org.eclipse.cdt.core", "org.eclipse.cdt.core.dom.ast", "org.eclipse.cdt.core.dom.parser.c",
                "org.eclipse.cdt.internal.core.dom.parser.c", "org.eclipse.cdt.utils"))
            assertTrue(exported.contains(p), p + " exported by the user's CDT: " + exported);
        for (String name : List.of(RUNTIME, CORE)) {
            Bundle b = bundle(name);
            b.start();
            assertEquals(Bundle.ACTIVE, b.getState(), name + " ACTIVE beside the user's CDT");
        }
        List<String> unresolved = new ArrayList<>();
        for (Bundle b : cdt.getBundleContext().getBundles()) if (b.getState() == Bundle.INSTALLED) unresolved.add(b.getSymbolicName());
        assertEquals(List.of(), unresolved, "every bundle of the runtime resolved");
    }

    @Test void mmlintsAnalyzerUsesItsOwnCdtAndTheUsersBundleItsOwn() throws Exception {
        Bundle runtime = bundle(RUNTIME), cdt = bundle(CDT);
        // the CDT type mmlint's analyzer links against: the type of ParsedUnit.ast(), the parsed translation unit
        Class<?> parsedUnit = runtime.loadClass("dev.mmlint.frontend.ParsedUnit");
        Class<?> mmlintsTu = parsedUnit.getMethod("ast").getReturnType();
        assertEquals(TU, mmlintsTu.getName());
        assertSame(runtime, FrameworkUtil.getBundle(mmlintsTu), "mmlint's IASTTranslationUnit is defined by " + RUNTIME);
        assertSame(mmlintsTu, Class.forName(TU, false, parsedUnit.getClassLoader()), "what the analyzer's loader resolves");
        assertFalse(runtime.adapt(BundleWiring.class).listResources("org/eclipse/cdt/core/dom/ast", "IASTTranslationUnit.class",
                BundleWiring.LISTRESOURCES_LOCAL).isEmpty(), "from the runtime bundle's own class path (its nested CDT jar)");
        // the reverse: the class loaded through the user's org.eclipse.cdt.core is that bundle's, not mmlint's copy
        Class<?> usersTu = cdt.loadClass(TU);
        assertSame(cdt, FrameworkUtil.getBundle(usersTu), "the user's IASTTranslationUnit is defined by " + CDT);
        assertNotSame(mmlintsTu, usersTu);
        assertFalse(usersTu.isAssignableFrom(mmlintsTu) || mmlintsTu.isAssignableFrom(usersTu), "two distinct types");
        Class<?> usersGcc = Class.forName("org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage", false, usersTu.getClassLoader());
        assertSame(cdt, FrameworkUtil.getBundle(usersGcc));
        assertThrows(ClassNotFoundException.class, () -> cdt.loadClass("dev.mmlint.frontend.ParsedUnit"), "mmlint is invisible to CDT");
        // no wire either way: mmlint's bundles import nothing of the user's CDT, which in turn needs nothing of mmlint
        for (String name : List.of(RUNTIME, CORE, "dev.mmlint.eclipse.cdt.tests")) {
            for (BundleWire w : bundle(name).adapt(BundleWiring.class).getRequiredWires(null))
                assertNotEquals(CDT, w.getProvider().getSymbolicName(), name + " is wired to the user's CDT: " + w);
        }
        for (BundleWire w : cdt.adapt(BundleWiring.class).getProvidedWires(null))
            assertFalse(w.getRequirer().getSymbolicName().startsWith("dev.mmlint"), "an mmlint bundle uses the user's CDT: " + w);
        for (BundleWire w : cdt.adapt(BundleWiring.class).getRequiredWires(null))
            assertFalse(w.getProvider().getSymbolicName().startsWith("dev.mmlint"), "the user's CDT uses an mmlint bundle: " + w);
    }

    @Test void theBuilderMarksTheFixturesBesideTheUsersCdt() throws Exception {
        IProject p = create("beside-cdt", FIXTURES);
        p.build(IncrementalProjectBuilder.FULL_BUILD, null);
        assertEquals(FIXTURES.length, MmlintBuilder.lastBuild(p).checked().size(), "every C file analysed");
        for (String fx : FIXTURES) assertMarkedAsExpected(p, fx);
        assertEquals(Bundle.ACTIVE, bundle(CDT).getState(), "the user's CDT is still ACTIVE");
    }
}
