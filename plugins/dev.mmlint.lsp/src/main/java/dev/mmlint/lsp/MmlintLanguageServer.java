package dev.mmlint.lsp;

import dev.mmlint.engine.api.Evidence;
import dev.mmlint.report.BufferAnalysis;
import dev.mmlint.report.Rationale;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.Fix;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.frontend.SourceText;
import dev.mmlint.model.api.ReferenceModel;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * mmlint as a language server: diagnostics for open C buffers (on open, on change after a pause,
 * on save), quick fixes from the findings' machine-applicable fixes, and the rule rationale on hover.
 * Analyses run on a small pool, never on the JSON-RPC thread; a newer version of a buffer makes the
 * running analysis of an older one stop at its next stage and its results are never published.
 */
public final class MmlintLanguageServer implements LanguageServer, LanguageClientAware, TextDocumentService, WorkspaceService {
    public static final String SOURCE = "mmlint";
    /** Default pause after the last change before a buffer is analysed again. */
    public static final long DEFAULT_DEBOUNCE_MS = 300;

    private static final class Doc {
        final String uri;
        final Path path;
        volatile int version;
        volatile String text;
        volatile Future<?> pending;
        /** The version and text {@link #pending} analyses. */
        volatile int pendingVersion;
        volatile String pendingText;
        volatile BufferAnalysis.Analysis last;

        Doc(String uri, Path path, int version, String text) {
            this.uri = uri;
            this.path = path;
            this.version = version;
            this.text = text;
        }
    }

    private final BufferAnalysis analyzer;
    private final long debounceMs;
    private final String serverVersion;
    private final Map<String, Doc> docs = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor pool;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final AtomicInteger threads = new AtomicInteger();
    /**
     * Everything the server sends on its own (diagnostics, log messages) goes out from this one
     * thread: in order, and never from an analysis thread (an interrupted thread must not touch the stream).
     */
    private final java.util.concurrent.ExecutorService outbound = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mmlint-lsp-outbound");
        t.setDaemon(true);
        return t;
    });
    private volatile LanguageClient client;
    private volatile boolean shutdown;

    public MmlintLanguageServer(FrontendOptions options, ReferenceModel model, long debounceMs, String serverVersion) {
        this.analyzer = new BufferAnalysis(options, model);
        this.debounceMs = debounceMs;
        this.serverVersion = serverVersion;
        int n = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        this.pool = new ScheduledThreadPoolExecutor(n, r -> {
            Thread t = new Thread(r, "mmlint-lsp-analysis-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, (r, ex) -> { });
        pool.setRemoveOnCancelPolicy(true);
    }

    public MmlintLanguageServer() { this(FrontendOptions.defaults(), null, DEFAULT_DEBOUNCE_MS, "0.1.0-SNAPSHOT"); }

    /** Completes with the exit status once the client sent {@code exit} (0 after {@code shutdown}, else 1). */
    public CompletableFuture<Integer> exited() { return exited; }

    /** Whether the client asked for {@code shutdown} (the server analyses nothing more). */
    public boolean isShutdown() { return shutdown; }

    /** An open buffer: its URI, the version and text the client last gave. */
    public record OpenDocument(String uri, int version, String text) {}

    /** The buffers open now. */
    public List<OpenDocument> openDocuments() {
        List<OpenDocument> out = new ArrayList<>();
        for (Doc d : docs.values()) {
            synchronized (d) {
                out.add(new OpenDocument(d.uri, d.version, d.text));
            }
        }
        return out;
    }

    @Override public void connect(LanguageClient c) { this.client = c; }

    // ---------------------------------------------------------------- lifecycle

    @Override public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Full);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        CodeActionOptions ca = new CodeActionOptions(List.of(CodeActionKind.QuickFix));
        caps.setCodeActionProvider(ca);
        caps.setHoverProvider(true);
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("mmlint", serverVersion)));
    }

    @Override public CompletableFuture<Object> shutdown() {
        shutdown = true;
        docs.values().forEach(this::cancel);
        pool.shutdown();
        // a running analysis stops at its next stage and publishes nothing; its front end is closed after it
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    pool.awaitTermination(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                analyzer.close();
                return null;
            }, outbound);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // a shutdown request after exit (a client out of protocol): nothing is left to stop
            return CompletableFuture.completedFuture(null);
        }
    }

    @Override public void exit() {
        if (!shutdown) pool.shutdown();
        outbound.shutdown();
        exited.complete(shutdown ? 0 : 1);
    }

    @Override public TextDocumentService getTextDocumentService() { return this; }

    @Override public WorkspaceService getWorkspaceService() { return this; }

    @Override public void didChangeConfiguration(DidChangeConfigurationParams params) { }

    @Override public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) { }

    // ---------------------------------------------------------------- documents

    @Override public void didOpen(DidOpenTextDocumentParams params) {
        if (params == null) return; // a notification without params: nothing to do
        var td = params.getTextDocument();
        Doc d = new Doc(td.getUri(), pathOf(td.getUri()), td.getVersion(), td.getText());
        Doc old = docs.put(td.getUri(), d);
        if (old != null) cancel(old);
        schedule(d, 0);
    }

    @Override public void didChange(DidChangeTextDocumentParams params) {
        if (params == null) return; // a notification without params: nothing to do
        Doc d = docs.get(params.getTextDocument().getUri());
        if (d == null) return;
        synchronized (d) {
            String text = d.text;
            for (TextDocumentContentChangeEvent ch : params.getContentChanges()) {
                if (ch.getRange() == null) text = ch.getText();
                else {
                    LineIndex li = new LineIndex(text);
                    int a = li.offset(ch.getRange().getStart()), b = li.offset(ch.getRange().getEnd());
                    text = text.substring(0, a) + ch.getText() + text.substring(Math.max(a, b));
                }
            }
            d.text = text;
            Integer v = params.getTextDocument().getVersion();
            d.version = v != null ? v : d.version + 1;
        }
        schedule(d, debounceMs);
    }

    @Override public void didSave(DidSaveTextDocumentParams params) {
        if (params == null) return; // a notification without params: nothing to do
        Doc d = docs.get(params.getTextDocument().getUri());
        if (d == null) return;
        if (params.getText() != null) d.text = params.getText();
        synchronized (d) {
            BufferAnalysis.Analysis a = d.last;
            if (a != null && a.version() == d.version && a.text().equals(d.text)) return;
            Future<?> f = d.pending;
            // already analysing (not merely waiting for the pause to end) exactly this text
            if (f != null && !f.isDone() && d.pendingVersion == d.version && d.text.equals(d.pendingText)
                    && ((java.util.concurrent.ScheduledFuture<?>) f).getDelay(TimeUnit.MILLISECONDS) <= 0) return;
            schedule(d, 0);
        }
    }

    @Override public void didClose(DidCloseTextDocumentParams params) {
        if (params == null) return; // a notification without params: nothing to do
        Doc d = docs.remove(params.getTextDocument().getUri());
        if (d == null) return;
        cancel(d);
        send(c -> c.publishDiagnostics(new PublishDiagnosticsParams(d.uri, List.of())));
    }

    private void cancel(Doc d) {
        Future<?> f = d.pending;
        // never interrupt a running parse (header reads must not be torn): it stops at its next stage
        if (f != null) f.cancel(false);
    }

    private void schedule(Doc d, long delayMs) {
        if (shutdown) return;
        synchronized (d) {
            cancel(d);
            int version = d.version;
            String text = d.text;
            d.pendingVersion = version;
            d.pendingText = text;
            d.pending = pool.schedule(() -> run(d, version, text), delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private boolean stale(Doc d, int version) {
        return shutdown || d.version != version || docs.get(d.uri) != d;
    }

    private void run(Doc d, int version, String text) {
        if (stale(d, version)) return;
        BufferAnalysis.Analysis a;
        try {
            a = analyzer.analyse(d.path, version, text, () -> stale(d, version));
        } catch (BufferAnalysis.Stale e) {
            log(MessageType.Log, d.uri + " v" + version + ": analysis dropped, a newer version arrived");
            return;
        } catch (RuntimeException | Error e) {
            log(MessageType.Error, d.uri + " v" + version + ": internal error: " + e);
            return;
        }
        if (stale(d, version)) return;
        List<Diagnostic> diags = diagnostics(d.uri, a);
        String line = "mmlint: " + a.displayPath() + " v" + version + ": " + a.findings().size()
                + (a.findings().size() == 1 ? " finding" : " findings") + " in " + a.millis() + " ms; " + a.mode()
                + (a.error() == null ? "" : "; not analysed: " + a.error()) + (a.warning() == null ? "" : "; " + a.warning());
        send(c -> {
            // checked again here, on the one thread that sends: an older version is never published after a newer one
            if (stale(d, version)) return;
            d.last = a;
            c.logMessage(new MessageParams(MessageType.Log, line)); // before the diagnostics: a client that has them has the log
            c.publishDiagnostics(new PublishDiagnosticsParams(d.uri, diags, version));
        });
    }

    private void log(MessageType type, String msg) {
        send(c -> c.logMessage(new MessageParams(type, "mmlint: " + msg)));
    }

    private void send(java.util.function.Consumer<LanguageClient> message) {
        LanguageClient c = client;
        if (c == null) return;
        try {
            outbound.execute(() -> message.accept(c));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // exiting: nothing more goes out
        }
    }

    // ---------------------------------------------------------------- findings to the protocol

    static List<Diagnostic> diagnostics(String uri, BufferAnalysis.Analysis a) {
        LineIndex li = new LineIndex(a.text());
        List<Diagnostic> out = new ArrayList<>();
        if (a.warning() != null) out.add(plain(li, 1, a.warning(), DiagnosticSeverity.Information));
        if (a.error() != null) out.add(plain(li, a.errorLine(), "not analysed: " + a.error(), DiagnosticSeverity.Warning));
        for (Finding f : a.findings()) out.add(diagnostic(uri, li, a.source(), f));
        return out;
    }

    private static Diagnostic plain(LineIndex li, int line, String msg, DiagnosticSeverity sev) {
        int l = Math.max(0, line - 1);
        Diagnostic d = new Diagnostic(new Range(new org.eclipse.lsp4j.Position(l, 0), new org.eclipse.lsp4j.Position(l, 0)), msg, sev, SOURCE);
        d.setRange(li.range(li.offset(d.getRange().getStart()), li.lineEnd(Math.min(l, li.position(li.text().length()).getLine()))));
        return d;
    }

    static Diagnostic diagnostic(String uri, LineIndex li, SourceText src, Finding f) {
        Diagnostic d = new Diagnostic(range(li, src, f), f.message() + " [" + f.ruleId() + "]", severity(f), SOURCE, f.ruleId());
        List<DiagnosticRelatedInformation> rel = new ArrayList<>();
        for (Evidence e : f.evidence()) {
            if (e.line() < 1 || e.line() > src.lineCount()) continue;
            int from = offset(src, e.line(), Math.max(1, e.column()));
            int eol = li.lineEnd(li.position(from).getLine());
            rel.add(new DiagnosticRelatedInformation(new Location(uri, li.range(from, eol)), e.message()));
        }
        if (!rel.isEmpty()) d.setRelatedInformation(rel);
        return d;
    }

    static Range range(LineIndex li, SourceText src, Finding f) {
        int from = offset(src, f.line(), f.column());
        int to = offset(src, f.endLine(), f.endColumn());
        return li.range(from, to);
    }

    /** The char offset of a 1-based line and column of the analysed text (clamped to the text). */
    static int offset(SourceText src, int line, int column) { return BufferAnalysis.offset(src, line, column); }

    static DiagnosticSeverity severity(Finding f) {
        return switch (f.severity()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case NOTE -> DiagnosticSeverity.Information;
        };
    }

    /** The current analysis of {@code uri}, when it is of the buffer's current text (else null: positions would be off). */
    private BufferAnalysis.Analysis current(String uri) {
        if (uri == null) return null;
        Doc d = docs.get(uri);
        if (d == null) return null;
        BufferAnalysis.Analysis a = d.last;
        return a != null && a.text().equals(d.text) ? a : null;
    }

    // ---------------------------------------------------------------- code actions and hover

    /**
     * A request that came without its params (JSON-RPC lets {@code params} be left out, so message
     * validation lets it through): answered "invalid params", never handed on to fail in a handler.
     */
    private static <T> CompletableFuture<T> invalidParams(String method) {
        return CompletableFuture.failedFuture(new org.eclipse.lsp4j.jsonrpc.ResponseErrorException(new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
                org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams, method + " without params", null)));
    }

    @Override public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        if (params == null) return invalidParams("textDocument/codeAction");
        String uri = params.getTextDocument().getUri();
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        BufferAnalysis.Analysis a = current(uri);
        if (a == null) return CompletableFuture.completedFuture(out);
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        if (only != null && !only.isEmpty() && only.stream().noneMatch(k -> CodeActionKind.QuickFix.startsWith(k)))
            return CompletableFuture.completedFuture(out);
        LineIndex li = new LineIndex(a.text());
        int qa = li.offset(params.getRange().getStart()), qb = li.offset(params.getRange().getEnd());
        for (Finding f : a.findings()) {
            if (f.fixes().isEmpty()) continue;
            int fa = offset(a.source(), f.line(), f.column()), fb = offset(a.source(), f.endLine(), f.endColumn());
            // the request's range touches the finding's (an empty range inside or at either end counts)
            if (qb < fa || qa > fb) continue;
            Diagnostic diag = diagnostic(uri, li, a.source(), f);
            for (Fix fix : f.fixes()) {
                List<TextEdit> edits = new ArrayList<>();
                for (dev.mmlint.engine.api.TextEdit e : fix.edits())
                    edits.add(new TextEdit(li.range(e.offset(), e.offset() + e.length()), e.replacement()));
                CodeAction ca = new CodeAction(fix.description() + " [" + f.ruleId() + "]");
                ca.setKind(CodeActionKind.QuickFix);
                ca.setDiagnostics(List.of(diag));
                ca.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
                ca.setIsPreferred(f.fixes().size() == 1);
                out.add(Either.forRight(ca));
            }
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override public CompletableFuture<Hover> hover(HoverParams params) {
        if (params == null) return invalidParams("textDocument/hover");
        BufferAnalysis.Analysis a = current(params.getTextDocument().getUri());
        if (a == null) return CompletableFuture.completedFuture(null);
        int line = params.getPosition().getLine();
        LineIndex li = new LineIndex(a.text());
        List<Finding> here = new ArrayList<>();
        Range first = null;
        for (Finding f : a.findings()) {
            Range r = range(li, a.source(), f);
            if (line < r.getStart().getLine() || line > r.getEnd().getLine()) continue;
            here.add(f);
            if (first == null) first = r;
        }
        if (here.isEmpty()) return CompletableFuture.completedFuture(null);
        StringBuilder md = new StringBuilder();
        Set<String> rules = new LinkedHashSet<>();
        for (Finding f : here) {
            if (md.length() > 0) md.append("\n\n---\n\n");
            md.append("**").append(f.ruleId()).append("** ").append(escape(f.message())).append("\n\n");
            if (f.fixHint() != null && !f.fixHint().isEmpty()) md.append("fix: ").append(escape(f.fixHint())).append("\n\n");
            md.append("model clause `").append(f.clause()).append("`; ").append(escape(f.applicability())).append("\n\n");
            md.append("confidence: ").append(f.confidence().label())
                    .append(f.confirmed() ? " (confirmed by the reference model)" : " (not confirmed by the reference model: " + escape(f.confirmation()) + ")");
            rules.add(f.ruleId());
        }
        for (String id : rules) {
            String r = Rationale.of(id);
            if (r != null) md.append("\n\n---\n\n").append(r.strip());
        }
        return CompletableFuture.completedFuture(new Hover(new MarkupContent(MarkupKind.MARKDOWN, md.toString()), first));
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;");
    }

    // ---------------------------------------------------------------- paths

    /** The file a document URI names; a non-file URI (an unsaved buffer) is a lone fragment under the temp directory. */
    static Path pathOf(String uri) {
        try {
            URI u = URI.create(uri);
            if ("file".equalsIgnoreCase(u.getScheme())) return Path.of(u).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            // not a URI we understand: treat as a fragment
        }
        String name = uri.substring(uri.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isEmpty()) name = "fragment.c";
        return Path.of(System.getProperty("java.io.tmpdir"), "mmlint-untitled", name).toAbsolutePath();
    }
}
