package dev.mmlint.lsp.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.frontend.testing.FuzzGuard;
import dev.mmlint.lsp.MmlintLsp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The language server on arbitrary client messages, over real JSON-RPC: after a valid
 * {@code initialize} / {@code initialized} / {@code didOpen} of a buffer in a temporary workspace, the
 * input's lines are sent as framed messages (first byte even) or the input goes raw onto the stream
 * (odd: the framing itself is fuzzed), then the stream ends. The server must end within the budget,
 * answer no request with an internal error (-32603: a handler threw), and write nothing into the workspace.
 */
class LspMessageFuzzTest {
    private static Path workspace;
    private static FuzzGuard.Snapshot snapshot;

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
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        frame(stream, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"rootUri\":\"" + uri + "\",\"capabilities\":{}}}");
        frame(stream, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        frame(stream, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"" + uri
                + "a.c\",\"languageId\":\"c\",\"version\":1,\"text\":\"int x;\\n\"}}}");
        if (in.length > 0 && (in[0] & 1) == 0) {
            for (String line : FuzzGuard.text(in).substring(1).split("\n")) frame(stream, line);
        } else if (in.length > 0) {
            stream.write(in, 1, in.length - 1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FuzzGuard.run(() -> {
            MmlintLsp.Running r = MmlintLsp.start(new ByteArrayInputStream(stream.toByteArray()), out, FrontendOptions.defaults(), null, 0, "fuzz");
            r.await();
        });
        String answer;
        synchronized (out) {
            answer = out.toString(StandardCharsets.UTF_8);
        }
        if (answer.contains("\"code\":-32603")) throw new AssertionError("a handler threw (internal error answered): " + answer);
        snapshot.assertUnchanged();
    }
}
