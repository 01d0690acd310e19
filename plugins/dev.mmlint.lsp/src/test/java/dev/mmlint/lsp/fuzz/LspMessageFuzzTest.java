package dev.mmlint.lsp.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.frontend.testing.FuzzGuard;
import dev.mmlint.lsp.MmlintLanguageServer;
import dev.mmlint.lsp.MmlintLsp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;

/**
 * The language server on arbitrary client messages, over real JSON-RPC: after a valid
 * {@code initialize} / {@code initialized} / {@code didOpen} of a buffer in a temporary workspace, the
 * input's lines are sent as framed messages (first byte even) or the input goes raw onto the stream
 * (odd: the framing itself is fuzzed), then the stream ends. The server must end the stream within the
 * budget, answer no request with an internal error (-32603: a handler threw), and write nothing into
 * the workspace.
 *
 * <p>One server serves every input of a JVM, as one serves an editor session: each input is a new
 * client stream attached to it, and between inputs the server is reset (every buffer but the
 * workspace's {@code a.c} in its opening state is closed; a server the input shut down or exited is
 * replaced). A server start (its front end, engine and analysis pool) is paid once, not per input.
 */
class LspMessageFuzzTest {
    private static final String A_TEXT = "int x;\n";
    /**
     * lsp4j logs every unreadable message with its stack trace (SEVERE, to stderr): on fuzzed input that
     * is most inputs, and the logging cost more than the server's work. The invariants are checked on
     * the server's answers, not on its log. Held here so the logger's level is not collected away.
     */
    private static final Logger JSONRPC_LOG = Logger.getLogger("org.eclipse.lsp4j.jsonrpc");
    static {
        JSONRPC_LOG.setLevel(Level.OFF);
    }
    private static Path workspace;
    private static FuzzGuard.Snapshot snapshot;
    private static MmlintLanguageServer server;

    private static synchronized Path workspace() {
        if (workspace == null) {
            try {
                workspace = FuzzGuard.tempDirectory("mmlint-fuzz-lsp");
                Files.writeString(workspace.resolve("a.c"), "struct page; int f(struct page *p) { return 0; }\n");
                snapshot = FuzzGuard.Snapshot.of(workspace);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return workspace;
    }

    /**
     * The server for the next input, reset: a new one when the last input shut it down or exited it;
     * else every buffer closed except {@code a.c} still as it was opened. Whether {@code a.c} must be
     * opened (again) is the answer.
     */
    private static synchronized boolean reset(String aUri) {
        if (server == null || server.isShutdown() || server.exited().isDone()) {
            server = new MmlintLanguageServer(FrontendOptions.defaults(), null, 0, "fuzz");
            return true;
        }
        boolean open = true;
        for (MmlintLanguageServer.OpenDocument d : server.openDocuments()) {
            if (d.uri().equals(aUri) && d.version() == 1 && d.text().equals(A_TEXT)) open = false;
            else server.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(d.uri())));
        }
        return open;
    }

    private static void frame(ByteArrayOutputStream out, String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(b);
    }

    @FuzzTest
    void messages(byte[] data) {
        byte[] in = FuzzGuard.cap(data, 64 * 1024);
        Path ws = workspace();
        String uri = ws.toUri().toString();
        boolean openA = reset(uri + "a.c");
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        frame(stream, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"rootUri\":\"" + uri + "\",\"capabilities\":{}}}");
        frame(stream, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        // a.c as the server has it open already when the last input left it so (its analysis is not redone)
        if (openA)
            frame(stream, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"" + uri
                    + "a.c\",\"languageId\":\"c\",\"version\":1,\"text\":\"int x;\\n\"}}}");
        if (in.length > 0 && (in[0] & 1) == 0) {
            for (String line : FuzzGuard.text(in).substring(1).split("\n")) frame(stream, line);
        } else if (in.length > 0) {
            stream.write(in, 1, in.length - 1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MmlintLanguageServer s = server;
        FuzzGuard.run(() -> MmlintLsp.attach(s, new ByteArrayInputStream(stream.toByteArray()), out).awaitEndOfStream());
        String answer;
        synchronized (out) {
            answer = out.toString(StandardCharsets.UTF_8);
        }
        if (answer.contains("\"code\":-32603")) throw new AssertionError("a handler threw (internal error answered): " + answer);
        snapshot.assertUnchanged();
    }
}
