package dev.mmlint.eclipse.site;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * mmlint installed with p2 from the built update site into a fresh installation: the build's
 * {@code p2-install-from-site} execution (tycho-p2-director-plugin's {@code director}, the p2 director
 * application in Tycho's embedded p2) installs {@code dev.mmlint.eclipse.feature.feature.group} from
 * {@code dev.mmlint.eclipse.site/target/repository}, resolving its requirements against the platform
 * repository ({@code dev.mmlint.eclipse.platform.repo}: Eclipse 4.34 from mmlint.target, no mmlint bundle or feature),
 * into {@code target/eclipse} with the profile {@code MmlintTestProfile}. This test reads the profile the
 * director wrote, then boots the installed Equinox ({@code plugins/org.eclipse.osgi_*.jar} of the
 * installation) on the installed bundles and checks that mmlint's three bundles resolve there.
 */
class P2InstallTest {
    static final List<String> BUNDLES = UpdateSiteTest.BUNDLES;
    static final String FEATURE_GROUP = UpdateSiteTest.FEATURE + ".feature.group";
    static final int RESOLVED = 0x04, STARTING = 0x08, ACTIVE = 0x20;

    static Path install() {
        return Path.of(System.getProperty("mmlint.p2.install"));
    }

    /** id -> version of the units in the newest state of the director's profile. */
    static Map<String, String> profileUnits() throws IOException {
        return profileUnits(install(), System.getProperty("mmlint.p2.profile"));
    }

    /** id -> version of the units in the newest state of {@code profile} of the installation {@code install}. */
    static Map<String, String> profileUnits(Path install, String profile) throws IOException {
        Path dir = install.resolve("p2/org.eclipse.equinox.p2.engine/profileRegistry").resolve(profile + ".profile");
        assertTrue(Files.isDirectory(dir), "the director made the profile " + dir);
        Path newest;
        try (Stream<Path> s = Files.list(dir)) {
            newest = s.filter(p -> p.getFileName().toString().endsWith(".profile.gz"))
                .max(Comparator.comparing(p -> Long.parseLong(p.getFileName().toString().replace(".profile.gz", ""))))
                .orElseThrow(() -> new AssertionError("no profile state in " + dir));
        }
        String xml;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(newest))) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> units = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<unit id='([^']+)' version='([^']+)'").matcher(xml);
        while (m.find()) units.put(m.group(1), m.group(2));
        return units;
    }

    /** id -> version of the units in a p2 repository's content.jar. */
    static Map<String, String> repoUnits(Path repo) throws IOException {
        String xml;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(repo.resolve("content.jar").toFile());
             InputStream in = z.getInputStream(z.getEntry("content.xml"))) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> units = new HashMap<>();
        Matcher m = Pattern.compile("<unit id='([^']+)' version='([^']+)'").matcher(xml);
        while (m.find()) units.put(m.group(1), m.group(2));
        return units;
    }

    @Test void theDirectorInstalledTheFeatureFromTheSite() throws IOException {
        Map<String, String> installed = profileUnits();
        Map<String, String> site = repoUnits(UpdateSiteTest.repo());
        Map<String, String> platform = repoUnits(Path.of(System.getProperty("mmlint.platform.repo")));
        // the platform repository has no mmlint bundle or feature (only the test product over the platform):
        // mmlint can only have come from the update site
        assertTrue(concat(List.of(FEATURE_GROUP), BUNDLES).stream().noneMatch(platform::containsKey), platform.keySet().toString());
        assertTrue(platform.containsKey("org.eclipse.ui") && platform.containsKey("org.eclipse.core.resources"));
        for (String iu : concat(List.of(FEATURE_GROUP), BUNDLES)) {
            assertTrue(installed.containsKey(iu), iu + " in the profile: " + installed.keySet());
            assertEquals(site.get(iu), installed.get(iu), iu + ": the site's version is installed");
        }
        // and what they require, from the platform repository: mmlint's requirements were resolved by p2
        for (String req : List.of("org.eclipse.core.resources", "org.eclipse.core.filebuffers", "org.eclipse.text",
                                  "org.eclipse.ui", "org.eclipse.ui.ide", "org.eclipse.jface", "org.eclipse.swt")) {
            assertTrue(installed.containsKey(req), req + " installed as a requirement: " + installed.keySet());
        }
        assertFalse(installed.containsKey("org.eclipse.cdt.core"), "no CDT bundle comes with mmlint");
        // the artifacts were laid out in the installation
        for (String b : BUNDLES) {
            Path jar = install().resolve("plugins").resolve(b + "_" + installed.get(b) + ".jar");
            assertTrue(Files.isRegularFile(jar), jar + " installed");
        }
        assertTrue(Files.isDirectory(install().resolve("features").resolve(UpdateSiteTest.FEATURE + "_" + installed.get(FEATURE_GROUP))));
    }

    @Test void theInstalledBundlesResolveInTheInstalledEquinox() throws Exception {
        Path plugins = install().resolve("plugins");
        List<Path> jars;
        try (Stream<Path> s = Files.list(plugins)) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
        Path osgi = jars.stream().filter(p -> p.getFileName().toString().startsWith("org.eclipse.osgi_")).findFirst()
            .orElseThrow(() -> new AssertionError("org.eclipse.osgi installed in " + plugins));
        Path storage = install().resolveSibling("eclipse-osgi-storage");
        try (URLClassLoader fwLoader = new URLClassLoader(new URL[] {osgi.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> factoryType = fwLoader.loadClass("org.osgi.framework.launch.FrameworkFactory");
            Object factory = ServiceLoader.load(factoryType, fwLoader).findFirst().orElseThrow();
            Map<String, String> config = new HashMap<>();
            config.put("org.osgi.framework.storage", storage.toString()); // also its configuration area
            config.put("org.osgi.framework.storage.clean", "onFirstInit");
            config.put("osgi.os", "linux");
            config.put("osgi.ws", "gtk");
            config.put("osgi.arch", "x86_64");
            config.put("osgi.instance.area", storage.resolve("workspace").toUri().toString());
            Object framework = call(factory, factoryType, "newFramework", new Class<?>[] {Map.class}, config);
            Class<?> fwType = fwLoader.loadClass("org.osgi.framework.launch.Framework");
            Class<?> bundleType = fwLoader.loadClass("org.osgi.framework.Bundle");
            Class<?> contextType = fwLoader.loadClass("org.osgi.framework.BundleContext");
            call(framework, fwType, "start", new Class<?>[0]);
            try {
                Object context = call(framework, bundleType, "getBundleContext", new Class<?>[0]);
                Map<String, Object> bundles = new LinkedHashMap<>();
                for (Path jar : jars) {
                    if (jar.equals(osgi)) continue;
                    Object b = call(context, contextType, "installBundle", new Class<?>[] {String.class}, jar.toUri().toString());
                    bundles.put((String) call(b, bundleType, "getSymbolicName", new Class<?>[0]), b);
                }
                Class<?> wiringType = fwLoader.loadClass("org.osgi.framework.wiring.FrameworkWiring");
                Object wiring = call(framework, bundleType, "adapt", new Class<?>[] {Class.class}, wiringType);
                call(wiring, wiringType, "resolveBundles", new Class<?>[] {java.util.Collection.class}, (Object) null);
                Set<String> unresolved = new TreeSet<>();
                for (var e : bundles.entrySet()) {
                    int state = (Integer) call(e.getValue(), bundleType, "getState", new Class<?>[0]);
                    if ((state & (RESOLVED | STARTING | ACTIVE)) == 0) unresolved.add(e.getKey());
                }
                for (String b : BUNDLES) {
                    assertTrue(bundles.containsKey(b), b + " installed in the framework");
                    assertFalse(unresolved.contains(b), b + " resolved (unresolved: " + unresolved + ")");
                }
                // headless start: declarative services first (the platform's content-type manager is a DS
                // component), then the runtime bundle and the core bundle (its activator opens the
                // workspace through org.eclipse.core.resources) become ACTIVE
                call(bundles.get("org.apache.felix.scr"), bundleType, "start", new Class<?>[0]);
                for (String b : List.of("dev.mmlint.eclipse.runtime", "dev.mmlint.eclipse")) {
                    call(bundles.get(b), bundleType, "start", new Class<?>[0]);
                    assertEquals(ACTIVE, (int) (Integer) call(bundles.get(b), bundleType, "getState", new Class<?>[0]), b + " ACTIVE");
                }
                assertNotNull(call(bundles.get("dev.mmlint.eclipse"), bundleType, "loadClass", new Class<?>[] {String.class}, "dev.mmlint.eclipse.MmlintPlugin"));
                // with CDT absent, the nested parser is still the runtime's own (its packages stay private)
                Object cdtFromUi = tryLoad(bundles.get("dev.mmlint.eclipse.ui"), bundleType, "org.eclipse.cdt.core.dom.ast.IASTNode");
                assertNull(cdtFromUi, "the CDT parser is not visible outside dev.mmlint.eclipse.runtime");
                System.out.println("P2InstallTest: " + bundles.size() + " bundles installed by p2 into " + install()
                    + "; unresolved in the installed Equinox: " + unresolved);
            } finally {
                call(framework, bundleType, "stop", new Class<?>[0]);
                call(framework, fwType, "waitForStop", new Class<?>[] {long.class}, 20_000L);
            }
        }
    }

    static Object tryLoad(Object bundle, Class<?> bundleType, String cls) throws Exception {
        try {
            return call(bundle, bundleType, "loadClass", new Class<?>[] {String.class}, cls);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** A method of the framework's own API (loaded by the installed org.eclipse.osgi jar), reflectively. */
    static Object call(Object target, Class<?> type, String name, Class<?>[] params, Object... args) throws Exception {
        Method m = type.getMethod(name, params);
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception ex) throw ex;
            throw e;
        }
    }

    static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toList());
    }
}
