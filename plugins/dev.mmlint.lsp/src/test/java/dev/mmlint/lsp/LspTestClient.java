package dev.mmlint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mmlint.frontend.FrontendOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * An in-process LSP client talking real JSON-RPC to a server started with {@link MmlintLsp#start}
 * over two pipes; it records what the server publishes and logs.
 */
final class LspTestClient implements LanguageClient, AutoCloseable {
    final List<PublishDiagnosticsParams> published = new CopyOnWriteArrayList<>();
    final List<String> logs = new CopyOnWriteArrayList<>();
    final LanguageServer server;
    final MmlintLsp.Running running;
    final CompletableFuture<Integer> status = new CompletableFuture<>();
    private final OutputStream toServer;

    LspTestClient(long debounceMs) throws IOException {
        Pipe c2s = Pipe.open(), s2c = Pipe.open();
        InputStream serverIn = Channels.newInputStream(c2s.source());
        OutputStream serverOut = Channels.newOutputStream(s2c.sink());
        running = MmlintLsp.start(serverIn, serverOut, FrontendOptions.defaults(), null, debounceMs, "test");
        Thread t = new Thread(() -> {
            try {
                status.complete(running.await());
            } catch (InterruptedException e) {
                status.completeExceptionally(e);
            }
        }, "lsp-test-await");
        t.setDaemon(true);
        t.start();
        toServer = Channels.newOutputStream(c2s.sink());
        Launcher<LanguageServer> l = LSPLauncher.createClientLauncher(this, Channels.newInputStream(s2c.source()), toServer);
        l.startListening();
        server = l.getRemoteProxy();
    }

    InitializeResult initialize() throws Exception {
        InitializeParams p = new InitializeParams();
        p.setCapabilities(new ClientCapabilities());
        p.setProcessId((int) ProcessHandle.current().pid());
        InitializeResult r = server.initialize(p).get(60, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return r;
    }

    void open(String uri, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "c", 1, text)));
    }

    void change(String uri, int version, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** Waits for the diagnostics of {@code version} of {@code uri}. */
    PublishDiagnosticsParams awaitDiagnostics(String uri, int version, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            for (PublishDiagnosticsParams p : published)
                if (p.getUri().equals(uri) && p.getVersion() != null && p.getVersion() == version) return p;
            Thread.sleep(10);
        }
        fail("no diagnostics for " + uri + " version " + version + " within " + timeoutMs + " ms; published: " + published + "; log: " + logs);
        return null;
    }

    List<PublishDiagnosticsParams> publishedFor(String uri) {
        List<PublishDiagnosticsParams> r = new ArrayList<>();
        for (PublishDiagnosticsParams p : published) if (p.getUri().equals(uri)) r.add(p);
        return r;
    }

    /** shutdown + exit; the server's exit status. */
    int shutdownAndExit() throws Exception {
        server.shutdown().get(30, TimeUnit.SECONDS);
        server.exit();
        return status.get(30, TimeUnit.SECONDS);
    }

    @Override public void close() throws IOException {
        toServer.close();
    }

    @Override public void telemetryEvent(Object object) { }

    @Override public void publishDiagnostics(PublishDiagnosticsParams diagnostics) { published.add(diagnostics); }

    @Override public void showMessage(MessageParams messageParams) { logs.add(messageParams.getMessage()); }

    @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
        return CompletableFuture.completedFuture(null);
    }

    @Override public void logMessage(MessageParams message) { logs.add(message.getMessage()); }

    static void assertExitedCleanly(LspTestClient c) throws Exception {
        assertEquals(0, c.shutdownAndExit(), "exit status after shutdown + exit");
    }
}
