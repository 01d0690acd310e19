package dev.mmlint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.checks.Mmlint;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.frontend.FragmentFrontend;
import dev.mmlint.frontend.ParsedUnit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server over real JSON-RPC (piped streams) on the rule fixtures: lone fragments. */
class LspServerTest {
    static final Path ROOT = dev.mmlint.frontend.testing.RepoRoot.path();
    static final Path MM002 = ROOT.resolve("test-fixtures/rules/MM002-tail-page-head-only-field/bad-gup-page-mapping.c");
    static final Path MM001 = ROOT.resolve("test-fixtures/rules/MM001-section-crossing-page-arithmetic/bad-gigantic-clear-loop.c");
    static final Path MM001_FIXED = ROOT.resolve("test-fixtures/rules/MM001-section-crossing-page-arithmetic/bad-gigantic-clear-loop.fixed.c");

    static LspTestClient client;
    static InitializeResult init;

    @BeforeAll static void start() throws Exception {
        client = new LspTestClient(MmlintLanguageServer.DEFAULT_DEBOUNCE_MS);
        init = client.initialize();
    }

    @AfterAll static void stop() throws Exception {
        if (client == null) return;
        try {
            LspTestClient.assertExitedCleanly(client);
        } finally {
            client.close();
        }
    }

    /** What the CLI reports for a lone fragment: the engine run directly on the file. */
    static List<Finding> direct(Path file) throws Exception {
        try (FragmentFrontend fe = new FragmentFrontend()) {
            ParsedUnit u = fe.parse(file);
            List<Finding> fs = new ArrayList<>(Mmlint.engine().analyze(u).findings());
            fs.sort(Finding.ORDER);
            return fs;
        }
    }

    static String read(Path p) throws Exception { return Files.readString(p, StandardCharsets.UTF_8); }

    static List<Diagnostic> sorted(List<Diagnostic> ds) {
        List<Diagnostic> r = new ArrayList<>(ds);
        r.sort(Comparator.<Diagnostic>comparingInt(d -> d.getRange().getStart().getLine())
                .thenComparingInt(d -> d.getRange().getStart().getCharacter()).thenComparing(Diagnostic::getMessage));
        return r;
    }

    /** Diagnostics match findings one for one: position (0-based), end, message [id], code, source, severity. */
    static void assertSame(List<Finding> expected, List<Diagnostic> actual) {
        List<Diagnostic> got = sorted(actual);
        assertEquals(expected.size(), got.size(), "diagnostics " + got + " vs findings " + expected);
        for (int i = 0; i < expected.size(); i++) {
            Finding f = expected.get(i);
            Diagnostic d = got.get(i);
            assertEquals(f.line() - 1, d.getRange().getStart().getLine(), "line");
            assertEquals(f.column() - 1, d.getRange().getStart().getCharacter(), "column");
            assertEquals(f.endLine() - 1, d.getRange().getEnd().getLine(), "end line");
            assertEquals(f.endColumn() - 1, d.getRange().getEnd().getCharacter(), "end column");
            assertEquals(f.message() + " [" + f.ruleId() + "]", d.getMessage());
            assertEquals(f.ruleId(), d.getCode().getLeft());
            assertEquals("mmlint", d.getSource());
            assertEquals(MmlintLanguageServer.severity(f), d.getSeverity());
            assertEquals(f.evidence().size(), d.getRelatedInformation() == null ? 0 : d.getRelatedInformation().size(), "related information");
            for (int k = 0; k < f.evidence().size(); k++) {
                var e = f.evidence().get(k);
                var ri = d.getRelatedInformation().get(k);
                assertEquals(e.message(), ri.getMessage());
                assertEquals(e.line() - 1, ri.getLocation().getRange().getStart().getLine());
            }
        }
    }

    @Test void initializeAdvertisesCapabilities() {
        var caps = init.getCapabilities();
        assertEquals(TextDocumentSyncKind.Full, caps.getTextDocumentSync().getRight().getChange());
        assertTrue(caps.getTextDocumentSync().getRight().getOpenClose());
        assertNotNull(caps.getTextDocumentSync().getRight().getSave());
        assertNotNull(caps.getCodeActionProvider());
        assertTrue(caps.getHoverProvider().getLeft());
        assertEquals("mmlint", init.getServerInfo().getName());
    }

    @Test void fragmentDiagnosticsAsTheCliThenClearedByTheFix() throws Exception {
        String uri = MM002.toUri().toString();
        String text = read(MM002);
        List<Finding> expected = direct(MM002);
        assertTrue(expected.stream().anyMatch(f -> f.ruleId().equals("MM002")), "the fixture's finding: " + expected);

        client.open(uri, text);
        PublishDiagnosticsParams v1 = client.awaitDiagnostics(uri, 1, 60_000);
        assertSame(expected, v1.getDiagnostics());
        assertTrue(client.logs.stream().anyMatch(l -> l.contains("v1:") && l.contains("lone fragment")), client.logs.toString());

        // hover on the finding's line: the rule's rationale, the clause, the applicability
        Diagnostic mm002 = v1.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("MM002")).findFirst().orElseThrow();
        Finding f = expected.stream().filter(x -> x.ruleId().equals("MM002")).findFirst().orElseThrow();
        Hover h = client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                new Position(mm002.getRange().getStart().getLine(), 0))).get(30, TimeUnit.SECONDS);
        assertNotNull(h);
        assertEquals(MarkupKind.MARKDOWN, h.getContents().getRight().getKind());
        String md = h.getContents().getRight().getValue();
        String rationale = read(ROOT.resolve("plugins/dev.mmlint.checks/rationale/MM002.md")).strip();
        assertTrue(md.contains(rationale), "hover carries the rationale:\n" + md);
        assertTrue(md.contains("`" + f.clause() + "`"), md);
        assertTrue(md.contains(f.applicability().replace("_", "\\_").replace("*", "\\*").replace("<", "&lt;")), md);
        // a line with no finding: nothing
        assertNull(client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                new Position(0, 0))).get(30, TimeUnit.SECONDS));

        // two quick edits: the first (fixing) is superseded before its pause ends, only the second is analysed
        String fixed = text.replace("page->mapping", "page_folio(page)->mapping");
        assertFalse(fixed.equals(text));
        client.change(uri, 2, fixed);
        client.change(uri, 3, text + "\n");
        PublishDiagnosticsParams v3 = client.awaitDiagnostics(uri, 3, 60_000);
        assertSame(expected, v3.getDiagnostics());
        assertTrue(client.publishedFor(uri).stream().noneMatch(p -> p.getVersion() != null && p.getVersion() == 2),
                "version 2 was superseded while debouncing: never analysed, never published");

        // the fix: diagnostics cleared
        client.change(uri, 4, fixed);
        PublishDiagnosticsParams v4 = client.awaitDiagnostics(uri, 4, 60_000);
        assertEquals(List.of(), v4.getDiagnostics());
        assertEquals(List.of(), direct(writeTemp(fixed)), "the engine agrees the edited text is clean");

        client.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    @org.junit.jupiter.api.io.TempDir static Path tmp;

    static Path writeTemp(String text) throws Exception {
        Path p = Files.createTempDirectory(tmp, "fragment").resolve("fragment.c");
        Files.writeString(p, text);
        return p;
    }

    static String stripExpect(String s) {
        return s.replaceAll("[ \\t]*/\\* expect:[^*]*\\*/", "");
    }

    /** Applies LSP edits (UTF-16 positions) to {@code text}, last first. */
    static String apply(String text, List<TextEdit> edits) {
        LineIndex li = new LineIndex(text);
        List<TextEdit> es = new ArrayList<>(edits);
        es.sort(Comparator.comparingInt((TextEdit e) -> li.offset(e.getRange().getStart())).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : es) sb.replace(li.offset(e.getRange().getStart()), li.offset(e.getRange().getEnd()), e.getNewText());
        return sb.toString();
    }

    @Test void quickFixGivesTheFixedFixture() throws Exception {
        String uri = MM001.toUri().toString();
        String text = read(MM001);
        client.open(uri, text);
        PublishDiagnosticsParams v1 = client.awaitDiagnostics(uri, 1, 60_000);
        assertSame(direct(MM001), v1.getDiagnostics());
        Diagnostic d = v1.getDiagnostics().stream().filter(x -> x.getCode().getLeft().equals("MM001")).findFirst().orElseThrow();
        // the cursor on the finding, as an editor asks
        var range = new org.eclipse.lsp4j.Range(d.getRange().getStart(), d.getRange().getStart());
        List<Either<Command, CodeAction>> actions = client.server.getTextDocumentService()
                .codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), range, new CodeActionContext(List.of(d))))
                .get(30, TimeUnit.SECONDS);
        assertEquals(1, actions.size(), actions.toString());
        CodeAction ca = actions.get(0).getRight();
        assertEquals(CodeActionKind.QuickFix, ca.getKind());
        assertEquals(List.of(d.getMessage()), ca.getDiagnostics().stream().map(Diagnostic::getMessage).toList());
        List<TextEdit> edits = ca.getEdit().getChanges().get(uri);
        assertNotNull(edits);
        String result = apply(text, edits);
        assertEquals(stripExpect(read(MM001_FIXED)), stripExpect(result));

        // a line without a finding offers nothing
        assertEquals(List.of(), client.server.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(uri),
                new org.eclipse.lsp4j.Range(new Position(0, 0), new Position(0, 0)), new CodeActionContext(List.of())))
                .get(30, TimeUnit.SECONDS));

        // the fixed buffer has nothing to say
        client.change(uri, 2, result);
        assertEquals(List.of(), client.awaitDiagnostics(uri, 2, 60_000).getDiagnostics());
        client.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    @Test void severityMapping() {
        assertEquals(DiagnosticSeverity.Error, MmlintLanguageServer.severity(finding(dev.mmlint.engine.api.Severity.ERROR)));
        assertEquals(DiagnosticSeverity.Warning, MmlintLanguageServer.severity(finding(dev.mmlint.engine.api.Severity.WARNING)));
        assertEquals(DiagnosticSeverity.Information, MmlintLanguageServer.severity(finding(dev.mmlint.engine.api.Severity.NOTE)));
    }

    static Finding finding(dev.mmlint.engine.api.Severity s) {
        return new Finding("MM001", s, dev.mmlint.model.api.Confidence.LOW, "f.c", "fn", 1, 1, 1, 2, "m", List.of(), null,
                List.of(), "c", "a", List.of(), true, "", "fp");
    }
}
