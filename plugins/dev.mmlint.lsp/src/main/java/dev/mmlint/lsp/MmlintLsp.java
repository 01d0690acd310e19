package dev.mmlint.lsp;

import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.model.api.ReferenceModel;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Runs {@link MmlintLanguageServer} over a pair of streams (stdin/stdout for {@code mmlint lsp}). */
public final class MmlintLsp {
    private MmlintLsp() {}

    /** A server connected to {@code in}/{@code out}, listening; {@link Running#await} waits for the end. */
    public record Running(MmlintLanguageServer server, Launcher<LanguageClient> launcher, Future<Void> listening,
                          ExecutorService executor) {
        /**
         * Waits until the client sent {@code exit} (status 0 after {@code shutdown}, else 1) or closed
         * the input stream (status 0 after {@code shutdown}, else 1).
         */
        /**
         * Waits until the input stream ended (every message of it read and handled), leaving the
         * server as it is: running, to be {@link MmlintLsp#attach attached} to the next stream, unless
         * the client sent {@code exit}.
         */
        public void awaitEndOfStream() throws InterruptedException {
            try {
                listening.get();
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                // the stream ended
            } finally {
                executor.shutdownNow();
            }
        }

        public int await() throws InterruptedException {
            try {
                var either = java.util.concurrent.CompletableFuture.anyOf(server.exited(),
                        java.util.concurrent.CompletableFuture.runAsync(() -> {
                            try {
                                listening.get();
                            } catch (Exception e) {
                                // the stream ended
                            }
                        }, executor));
                either.get();
                return server.exited().isDone() ? server.exited().get() : (server.exited().complete(1) ? 1 : server.exited().get());
            } catch (ExecutionException e) {
                return 1;
            } finally {
                listening.cancel(true);
                executor.shutdownNow();
            }
        }
    }

    public static Running start(InputStream in, OutputStream out, FrontendOptions options, ReferenceModel model, long debounceMs,
                                String version) {
        return attach(new MmlintLanguageServer(options, model, debounceMs, version), in, out);
    }

    /**
     * {@code server} connected to a client over {@code in}/{@code out}, listening. A server outlives
     * the stream it was attached to (its buffers, analyses and caches stay) and may be attached to
     * the next one, as long as the client did not send {@code exit}.
     */
    public static Running attach(MmlintLanguageServer server, InputStream in, OutputStream out) {
        ExecutorService ex = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mmlint-lsp-jsonrpc");
            t.setDaemon(true);
            return t;
        });
        Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>()
                .setLocalService(server).setRemoteInterface(LanguageClient.class)
                .setInput(in).setOutput(out).setExecutorService(ex)
                // a message missing a required field (a request without its document) is answered
                // "invalid params", never handed to a handler that would fail on it
                .validateMessages(true).create();
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        return new Running(server, launcher, listening, ex);
    }
}
