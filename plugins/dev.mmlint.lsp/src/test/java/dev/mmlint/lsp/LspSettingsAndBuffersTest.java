package dev.mmlint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .mmlint.json as the CLI reads it, unsaved buffers, save, and exit without shutdown. */
class LspSettingsAndBuffersTest {
    @Test void settingsUntitledBuffersSaveAndExitStatus(@TempDir Path dir) throws Exception {
        String text = Files.readString(LspServerTest.MM002);
        Files.createDirectory(dir.resolve(".git"));
        Path settings = dir.resolve(".mmlint.json");
        Files.writeString(settings, "{ \"rules\": { \"MM002\": \"error\" } }\n");
        Path file = dir.resolve("gup-user.c");
        Files.writeString(file, text);
        String uri = file.toUri().toString();
        try (LspTestClient c = new LspTestClient(50)) {
            c.initialize();
            c.open(uri, text);
            List<Diagnostic> v1 = c.awaitDiagnostics(uri, 1, 60_000).getDiagnostics();
            assertEquals(1, v1.size(), v1.toString());
            assertEquals(DiagnosticSeverity.Error, v1.get(0).getSeverity(), "severity from .mmlint.json");

            Files.writeString(settings, "{ \"rules\": { \"MM002\": \"off\" } }\n");
            Files.setLastModifiedTime(settings, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
            c.change(uri, 2, text + "\n");
            assertEquals(List.of(), c.awaitDiagnostics(uri, 2, 60_000).getDiagnostics(), "rule turned off in .mmlint.json");

            // a save of an already analysed version publishes nothing new
            int before = c.publishedFor(uri).size();
            c.server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri)));
            Thread.sleep(300);
            assertEquals(before, c.publishedFor(uri).size());

            // an unsaved buffer: a lone fragment
            String untitled = "untitled:Untitled-1";
            c.open(untitled, text);
            List<Diagnostic> u = c.awaitDiagnostics(untitled, 1, 60_000).getDiagnostics();
            assertEquals(1, u.size(), u.toString());
            assertEquals("MM002", u.get(0).getCode().getLeft());
            assertEquals(DiagnosticSeverity.Warning, u.get(0).getSeverity());

            // binary text: one "not analysed" warning, not silence
            c.change(untitled, 2, "int x;\0\n");
            List<Diagnostic> bin = c.awaitDiagnostics(untitled, 2, 60_000).getDiagnostics();
            assertEquals(1, bin.size(), bin.toString());
            assertTrue(bin.get(0).getMessage().startsWith("not analysed: "), bin.toString());

            // exit without shutdown: status 1
            c.server.exit();
            assertEquals(1, c.status.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
    }
}
