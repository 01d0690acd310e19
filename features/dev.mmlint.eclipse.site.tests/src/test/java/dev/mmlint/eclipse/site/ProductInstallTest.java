package dev.mmlint.eclipse.site;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.checks.FixtureExpectations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * mmlint installed into an existing Eclipse and started by Eclipse's own launcher. The platform
 * repository module materializes {@code testplatform.product} (a headless Eclipse 4.34: framework, simple
 * configurator, launcher, runtime, resources, declarative services; no mmlint); this module copies it to
 * {@code target/product} and its {@code p2-install-into-product} execution runs the p2 director on that
 * copy with the product's own profile ({@code MmlintTestPlatform}), installing
 * {@code dev.mmlint.eclipse.feature.feature.group} from the built update site and what it requires from the
 * platform repository: what Install New Software does in an installed Eclipse. The tests read the result
 * ({@code configuration/org.eclipse.equinox.simpleconfigurator/bundles.info}, written by p2's configuration
 * units), then start the product with {@code java -jar plugins/org.eclipse.equinox.launcher_*.jar}, which
 * reads {@code config.ini} and {@code bundles.info}, and run mmlint's headless application
 * {@code dev.mmlint.eclipse.check} in it on rule fixtures.
 */
class ProductInstallTest {
    /** Two rules, a bad and an ok fixture each. */
    static final List<String> FIXTURES = List.of(
        "MM001-section-crossing-page-arithmetic/bad-gigantic-page-increment.c",
        "MM001-section-crossing-page-arithmetic/ok-nth-page.c",
        "MM002-tail-page-head-only-field/bad-pte-page-index.c",
        "MM002-tail-page-head-only-field/ok-head-and-folio.c");
    static final Pattern FINDING = Pattern.compile("^([^:\\s]+):(\\d+): \\[(MM\\d{3})\\] (.+)$");

    static Path product() {
        return Path.of(System.getProperty("mmlint.product"));
    }

    /** symbolic name -> "version,path,start level,auto start" of a bundles.info. */
    static Map<String, String[]> bundlesInfo(Path product) throws IOException {
        Path info = product.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
        assertTrue(Files.isRegularFile(info), info + " exists");
        Map<String, String[]> out = new TreeMap<>();
        for (String l : Files.readAllLines(info)) {
            if (l.startsWith("#") || l.isBlank()) continue;
            String[] f = l.split(",");
            assertEquals(5, f.length, "a bundles.info line is id,version,path,startlevel,autostart: " + l);
            out.put(f[0], new String[] {f[1], f[2], f[3], f[4]});
        }
        return out;
    }

    @Test void theDirectorWroteMmlintIntoTheProductsBundlesInfo() throws IOException {
        Map<String, String> site = P2InstallTest.repoUnits(UpdateSiteTest.repo());
        Map<String, String> profile = P2InstallTest.profileUnits(product(), System.getProperty("mmlint.product.profile"));
        // one profile: the product's own units and mmlint's feature, installed into it afterwards
        assertTrue(profile.containsKey("dev.mmlint.eclipse.testplatform"), "the product's profile: " + profile.keySet());
        assertEquals(site.get(P2InstallTest.FEATURE_GROUP), profile.get(P2InstallTest.FEATURE_GROUP), "the feature from the site");
        Map<String, String[]> info = bundlesInfo(product());
        for (String b : UpdateSiteTest.BUNDLES) {
            String[] e = info.get(b);
            assertNotNull(e, b + " in bundles.info: " + info.keySet());
            assertEquals(site.get(b), e[0], b + ": the site's version");
            assertTrue(Files.isRegularFile(product().resolve(e[1])), b + ": " + e[1] + " is in the product");
            assertEquals("4", e[2], b + ": default start level (p2's tooling.osgi.bundle.default configuration unit)");
        }
        // what mmlint requires and the headless product lacked came from the platform repository
        for (String req : List.of("org.eclipse.core.filebuffers", "org.eclipse.text", "org.eclipse.ui")) {
            assertNotNull(info.get(req), req + " installed as a requirement: " + info.keySet());
        }
        // the product's own start configuration is kept
        assertArrayEquals(new String[] {"1", "true"}, tail(info.get("org.eclipse.equinox.simpleconfigurator")));
        assertArrayEquals(new String[] {"4", "true"}, tail(info.get("org.eclipse.core.runtime")));
        // the install went into the copy (its roaming profile moved with it), not into the materialized product
        Path built = Path.of(System.getProperty("mmlint.product.built"));
        assertFalse(bundlesInfo(built).containsKey("dev.mmlint.eclipse"), "the materialized product itself stays without mmlint");
    }

    @Test void theInstalledProductRunsMmlintThroughItsOwnLauncher() throws Exception {
        Path work = product().resolveSibling("product-check");
        Path input = work.resolve("input");
        Files.createDirectories(input);
        Map<String, FixtureExpectations> expected = new LinkedHashMap<>();
        for (String fx : FIXTURES) {
            Path src = Path.of(System.getProperty("mmlint.root"), "test-fixtures/rules", fx);
            String text = Files.readString(src);
            FixtureExpectations e = FixtureExpectations.parse(text);
            assertEquals(List.of(), e.errors, fx + ": a well-formed fixture");
            expected.put(src.getFileName().toString(), e);
            Files.writeString(input.resolve(src.getFileName()), text);
        }
        Run r = launch(work, "-application", "dev.mmlint.eclipse.check", "-data", work.resolve("workspace").toString(), input.toString());
        assertEquals(1, r.exit, "exit status 1 (findings); stdout:\n" + r.out + "\nstderr:\n" + r.err);
        Map<String, List<Printed>> reported = new TreeMap<>();
        for (String l : r.out.split("\n")) {
            Matcher m = FINDING.matcher(l.strip());
            if (m.matches())
                reported.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(new Printed(Integer.parseInt(m.group(2)), m.group(3), m.group(4)));
        }
        assertFalse(r.out.contains("not analysed"), r.out);
        for (var e : expected.entrySet()) {
            List<Printed> got = reported.getOrDefault(e.getKey(), List.of());
            if (e.getValue().expectNone) {
                assertEquals(List.of(), got, e.getKey() + ": an ok fixture has no finding");
                continue;
            }
            List<FixtureExpectations.Expected> want = e.getValue().expected;
            assertEquals(want.stream().map(x -> x.line() + " " + x.rule()).sorted().toList(),
                got.stream().map(g -> g.line() + " " + g.rule()).sorted().toList(), e.getKey() + ": expected vs printed (line rule)");
            for (FixtureExpectations.Expected x : want) {
                if (x.text() == null) continue;
                assertTrue(got.stream().anyMatch(g -> g.line() == x.line() && g.rule().equals(x.rule()) && g.message().contains(x.text())),
                    e.getKey() + ":" + x.line() + " should say " + x.text() + ": " + got);
            }
        }
        assertTrue(reported.keySet().stream().allMatch(expected::containsKey), "findings only in the fixtures: " + reported.keySet());
        System.out.println("ProductInstallTest: the installed product's launcher ran dev.mmlint.eclipse.check on "
            + FIXTURES.size() + " files in " + r.millis + " ms (framework start, workspace, full build, exit)");
    }

    @Test void aMissingDirectoryIsAClearErrorWithExitStatus2() throws Exception {
        Path work = product().resolveSibling("product-check");
        Path missing = work.resolve("no-such-directory");
        Run r = launch(work, "-application", "dev.mmlint.eclipse.check", "-data", work.resolve("workspace-2").toString(), missing.toString());
        assertEquals(2, r.exit, "exit status 2; stderr:\n" + r.err);
        assertTrue(r.err.contains("mmlint: not a directory: " + missing), r.err);
    }

    record Run(int exit, String out, String err, long millis) {}

    /** One finding line the check application printed. */
    record Printed(int line, String rule, String message) {}

    /** Starts the installed product as {@code eclipse} would: its launcher jar, which reads config.ini. */
    static Run launch(Path work, String... args) throws IOException, InterruptedException {
        Path launcher;
        try (Stream<Path> s = Files.list(product().resolve("plugins"))) {
            launcher = s.filter(p -> p.getFileName().toString().matches("org\\.eclipse\\.equinox\\.launcher_.*\\.jar")).findFirst()
                .orElseThrow(() -> new AssertionError("no org.eclipse.equinox.launcher jar in " + product()));
        }
        Files.createDirectories(work);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g", "-jar", launcher.toString(), "-nosplash", "-consoleLog"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out", ".txt"), err = Files.createTempFile(work, "err", ".txt");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(product().toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the product did not exit in 300 s: " + cmd);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), millis);
    }

    static String[] tail(String[] bundlesInfoEntry) {
        assertNotNull(bundlesInfoEntry);
        return new String[] {bundlesInfoEntry[2], bundlesInfoEntry[3]};
    }
}
