package dev.mmlint.checks;

import dev.mmlint.engine.api.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a fixture file says it expects, read from the file itself:
 * <ul>
 * <li>{@code mmlint-fixture: <one sentence>} — required, or the file is "unmarked";</li>
 * <li>{@code mmlint-expect: none} — a negative fixture: no finding at all;</li>
 * <li>{@code mmlint-kernel: X.Y}, {@code mmlint-config: CONFIG_A=y CONFIG_B=n} — the tree it stands for;</li>
 * <li>line markers {@code /* expect: MM001 *}{@code /}, {@code /* expect: MM001 "text" *}{@code /},
 *     {@code /* expect@+1: MM002, MM004 *}{@code /}.</li>
 * </ul>
 * Closed world: {@link #compare} reports every expectation not met and every finding not expected.
 */
public final class FixtureExpectations {
    private static final Pattern MARK = Pattern.compile("/\\*\\s*expect(?:@([+-]\\d+))?:\\s*(.*?)\\s*\\*/");
    private static final Pattern ONE = Pattern.compile("(MM\\d{3})(?:\\s+\"([^\"]*)\")?");

    public record Expected(int line, String rule, String text) {}

    public final String description;
    public final boolean expectNone;
    public final String kernel;
    public final Map<String, String> config;
    public final List<Expected> expected;
    public final List<String> errors;

    private FixtureExpectations(String description, boolean none, String kernel, Map<String, String> config,
                                List<Expected> expected, List<String> errors) {
        this.description = description;
        this.expectNone = none;
        this.kernel = kernel;
        this.config = config;
        this.expected = expected;
        this.errors = errors;
    }

    public static FixtureExpectations parse(String text) {
        String desc = null, kernel = null;
        boolean none = false;
        Map<String, String> config = new TreeMap<>();
        List<Expected> exp = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int k;
            if ((k = l.indexOf("mmlint-fixture:")) >= 0) desc = l.substring(k + 15).trim();
            if (l.contains("mmlint-expect: none")) none = true;
            if ((k = l.indexOf("mmlint-kernel:")) >= 0) kernel = l.substring(k + 14).trim();
            if ((k = l.indexOf("mmlint-config:")) >= 0)
                for (String kv : l.substring(k + 14).trim().split("\\s+")) {
                    String[] p = kv.split("=", 2);
                    if (p.length == 2) config.put(p[0].replaceFirst("^CONFIG_", ""), p[1]);
                    else errors.add((i + 1) + ": malformed mmlint-config entry '" + kv + "'");
                }
            Matcher m = MARK.matcher(l);
            while (m.find()) {
                int target = i + 1 + (m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
                String body = m.group(2);
                Matcher o = ONE.matcher(body);
                int found = 0;
                while (o.find()) { exp.add(new Expected(target, o.group(1), o.group(2))); found++; }
                if (found == 0) errors.add((i + 1) + ": expect marker names no rule: " + m.group());
            }
        }
        if (desc == null || desc.isEmpty()) errors.add("unmarked fixture: no 'mmlint-fixture:' line");
        if (none && !exp.isEmpty()) errors.add("'mmlint-expect: none' but the file has expect markers");
        if (!none && exp.isEmpty() && desc != null) errors.add("no expectations: add expect markers or 'mmlint-expect: none'");
        return new FixtureExpectations(desc, none, kernel, config, exp, errors);
    }

    /** Empty when the findings are exactly what the fixture expects; else a merged listing of differences. */
    public List<String> compare(List<Finding> findings) {
        List<String> out = new ArrayList<>(errors);
        List<Finding> unmatched = new ArrayList<>(findings);
        for (Expected e : expected) {
            Finding hit = null;
            for (Finding f : unmatched)
                if (f.line() == e.line() && f.ruleId().equals(e.rule()) && (e.text() == null || f.message().contains(e.text()))) { hit = f; break; }
            if (hit != null) unmatched.remove(hit);
            else out.add(String.format("line %d: %s expected%s, not found", e.line(), e.rule(), e.text() == null ? "" : " (\"" + e.text() + "\")"));
        }
        for (Finding f : unmatched)
            out.add(String.format("line %d: %s unexpected: %s", f.line(), f.ruleId(), f.message()));
        out.sort(null);
        return out;
    }
}
