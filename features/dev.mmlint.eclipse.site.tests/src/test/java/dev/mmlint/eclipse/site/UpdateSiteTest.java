package dev.mmlint.eclipse.site;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The built p2 update site holds the feature and the three bundles, in its metadata and as files. */
class UpdateSiteTest {
    static final List<String> BUNDLES = List.of("dev.mmlint.eclipse", "dev.mmlint.eclipse.ui", "dev.mmlint.eclipse.runtime");
    static final String FEATURE = "dev.mmlint.eclipse.feature";

    static Path repo() {
        return Path.of(System.getProperty("mmlint.site")).resolve("repository");
    }

    /** The XML of a p2 index (content or artifacts), from its .jar (the form Install New Software reads first). */
    static String index(String name) throws IOException {
        Path jar = repo().resolve(name + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " exists");
        try (ZipFile z = new ZipFile(jar.toFile())) {
            ZipEntry e = z.getEntry(name + ".xml");
            assertNotNull(e, name + ".xml in " + jar);
            try (InputStream in = z.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    static Set<String> matches(String xml, String regex) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(xml);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test void contentMetadataHasTheFeatureTheBundlesAndTheCategory() throws IOException {
        String content = index("content");
        Set<String> units = matches(content, "<unit id='([^']+)'");
        assertTrue(units.contains(FEATURE + ".feature.group"), "installable feature group: " + units);
        assertTrue(units.contains(FEATURE + ".feature.jar"), units.toString());
        for (String b : BUNDLES) assertTrue(units.contains(b), b + " in " + units);
        assertTrue(content.contains("org.eclipse.equinox.p2.type.category"), "a category, so Install New Software lists it grouped");
        // nothing of the platform and no CDT bundle: those come from (or stay in) the user's Eclipse
        assertTrue(units.stream().noneMatch(u -> u.startsWith("org.eclipse.")), units.toString());
        assertTrue(units.stream().noneMatch(u -> u.contains("tests")), "no test bundle is published: " + units);
    }

    @Test void artifactsMetadataAndFilesMatch() throws IOException {
        String artifacts = index("artifacts");
        Set<String> bundles = matches(artifacts, "<artifact classifier='osgi.bundle' id='([^']+)'");
        assertEquals(new TreeSet<>(BUNDLES), bundles);
        assertEquals(Set.of(FEATURE), matches(artifacts, "<artifact classifier='org.eclipse.update.feature' id='([^']+)'"));
        for (String b : BUNDLES) {
            try (Stream<Path> s = Files.list(repo().resolve("plugins"))) {
                assertEquals(1, s.filter(p -> p.getFileName().toString().startsWith(b + "_")).count(), b + " jar in plugins/");
            }
        }
        try (Stream<Path> s = Files.list(repo().resolve("features"))) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().startsWith(FEATURE + "_")).count());
        }
    }

    @Test void theCdtParserIsNestedAndPrivate() throws IOException {
        Path runtime;
        try (Stream<Path> s = Files.list(repo().resolve("plugins"))) {
            runtime = s.filter(p -> p.getFileName().toString().startsWith("dev.mmlint.eclipse.runtime_")).findFirst().orElseThrow();
        }
        try (JarFile jar = new JarFile(runtime.toFile())) {
            Manifest mf = jar.getManifest();
            String cp = mf.getMainAttributes().getValue("Bundle-ClassPath");
            String exports = mf.getMainAttributes().getValue("Export-Package");
            assertEquals("dev.mmlint.eclipse.runtime", mf.getMainAttributes().getValue("Bundle-SymbolicName"));
            assertTrue(cp.contains("lib/eclipse-cdt-core.jar"), cp);
            assertNotNull(jar.getEntry("lib/eclipse-cdt-core.jar"));
            assertFalse(exports.contains("org.eclipse"), "only mmlint packages are exported: " + exports);
            for (String nested : cp.split(","))
                if (!nested.equals(".")) assertNotNull(jar.getEntry(nested.trim()), nested + " is in the bundle");
        }
    }

    @Test void theZippedSiteIsTheModulesArtifact() throws IOException {
        try (Stream<Path> s = Files.list(repo().getParent())) {
            Path zip = s.filter(p -> p.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow();
            try (ZipFile z = new ZipFile(zip.toFile())) {
                assertNotNull(z.getEntry("content.jar"));
                assertNotNull(z.getEntry("artifacts.jar"));
            }
        }
    }
}
