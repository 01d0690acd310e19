package dev.mmlint.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's {@code --help} renders cleanly: no format warning from picocli, '%' shown as written. */
class HelpTextTest {
    @Test void everyUsageMessageRendersWithoutWarnings() {
        CommandLine root = Main.commandLine();
        PrintStream saved = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        StringBuilder usage = new StringBuilder();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            usage.append(root.getUsageMessage());
            for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) usage.append(e.getValue().getUsageMessage());
        } finally {
            System.setErr(saved);
        }
        String w = warnings.toString(StandardCharsets.UTF_8);
        assertFalse(w.contains("picocli WARN"), w);
        assertTrue(usage.toString().contains("heap one file may hold: 50% (default"), "the memory budget's help shows '50%'");
    }
}
