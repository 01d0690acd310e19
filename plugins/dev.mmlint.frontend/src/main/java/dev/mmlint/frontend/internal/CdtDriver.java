package dev.mmlint.frontend.internal;

import dev.mmlint.frontend.Budget;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.parser.c.GCCScannerExtensionConfiguration;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;
import org.eclipse.cdt.core.parser.FileContent;
import org.eclipse.cdt.core.parser.NullLogService;
import org.eclipse.cdt.core.parser.ParserLanguage;
import org.eclipse.cdt.core.parser.ParserMode;
import org.eclipse.cdt.internal.core.parser.scanner.CPreprocessor;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContentProvider;

/**
 * Runs CDT's preprocessor and GNU C parser on one translation unit, without an index.
 *
 * <p>{@code headerBodies=false} (the default for kernel trees) uses CDT's
 * {@link ParserMode#SELECTION_PARSE}: identical to a complete parse except that a function body is
 * parsed only when it comes from the main file (CPreprocessor#isOnTopContext: macro expansions in
 * the main file count as the main file). Bodies of static inline functions in headers are skipped
 * token-wise; their declarations, and every macro, type and variable, are still in the AST. The
 * preprocessor still runs over every header, so macro meaning is exactly as in a full parse.
 *
 * <p>With {@code pruneHeaders} (only together with {@code headerBodies=false}) the preprocessor
 * first runs to the end of the translation unit, its token stream is recorded, and the parser is
 * given only the main file's tokens and the header declarations they can reach
 * ({@link HeaderPruner}); the tokens keep their positions, so locations are those of a direct
 * parse. About nine tenths of the header declarations of an mm file are never looked at.
 */
public final class CdtDriver {
    private CdtDriver() {}

    /** A parse: the AST, what pruning kept (null when the parse was not pruned) and what it left out. */
    public record Outcome(IASTTranslationUnit tu, HeaderPruner.Stats pruning, HeaderPruner.Dropped dropped) {
        public Outcome(IASTTranslationUnit tu, HeaderPruner.Stats pruning) { this(tu, pruning, HeaderPruner.Dropped.NONE); }
    }

    public static IASTTranslationUnit parse(String path, char[] text, ExtendedScannerInfo info,
                                            InternalFileContentProvider provider, boolean headerBodies) {
        return parse(path, text, info, () -> provider, headerBodies, false).tu();
    }

    /**
     * @param providers a new content provider per call (CDT keeps per-translation-unit state in it);
     *                  called twice when a recorded stream cannot be replayed
     */
    public static Outcome parse(String path, char[] text, ExtendedScannerInfo info,
                                java.util.function.Supplier<? extends InternalFileContentProvider> providers,
                                boolean headerBodies, boolean pruneHeaders) {
        if (pruneHeaders && !headerBodies) {
            for (boolean memo : new boolean[] {true, false}) {
                InternalFileContentProvider provider = providers.get();
                ReplayScanner replay = new ReplayScanner(scanner(path, text, info, provider, memo));
                InclusionMemo.Session session = takeReplays(replay, provider, path, text, info, providers);
                Outcome o = pruned(replay);
                if (o != null) {
                    if (session != null) session.attach(o.tu());
                    return o;
                }
                if (session == null) break; // else: a stream the replay of inclusions could not reproduce, pruned again without
            }
        }
        return direct(scanner(path, text, info, providers.get()), headerBodies);
    }

    /**
     * Has {@code replay} take the tokens of the inclusions {@code provider}'s session replays ({@link InclusionMemo}),
     * compared with a preprocessing from scratch under {@link InclusionMemo#CHECK}; the session, or null when the
     * provider records and replays none.
     */
    private static InclusionMemo.Session takeReplays(ReplayScanner replay, InternalFileContentProvider provider, String path, char[] text,
                                                     ExtendedScannerInfo info, java.util.function.Supplier<? extends InternalFileContentProvider> providers) {
        InclusionMemo.Session session = provider instanceof CachingContentProvider c ? c.memo() : null;
        if (session != null) replay.memo(session, () -> scanner(path, text, info, providers.get(), false));
        return session;
    }

    /**
     * A pruned parse that re-uses the preamble {@code preambles} holds for {@code path} when the
     * text still starts with it, and records the preamble for the next parse otherwise. Without
     * pruning (or with header bodies) as {@link #parse(String, char[], ExtendedScannerInfo,
     * java.util.function.Supplier, boolean, boolean)}.
     */
    public static Outcome parse(String path, char[] text, ExtendedScannerInfo info,
                                java.util.function.Supplier<CachingContentProvider> providers,
                                boolean headerBodies, boolean pruneHeaders, Preambles preambles) {
        if (preambles != null && !pruneHeaders && !headerBodies && Preambles.supported()) {
            // a full parse (a pruned one had doubts): the headers of a preamble recorded for this text
            // are not preprocessed again, and the parser is given every token
            Outcome o = fromPreamble(path, text, info, providers, preambles, true);
            if (o != null) return o;
        }
        if (preambles == null || !pruneHeaders || headerBodies || !Preambles.supported())
            return parse(path, text, info, providers, headerBodies, pruneHeaders);
        Outcome reused = fromPreamble(path, text, info, providers, preambles, false);
        if (reused != null) return reused;
        for (boolean memo : new boolean[] {true, false}) {
            // recorded with inclusions replayed from other files' parses when it can be ({@link InclusionMemo})
            CachingContentProvider provider = providers.get();
            CPreprocessor scanner = scanner(path, text, info, provider, memo);
            provider.recordPreamble(scanner, path);
            ReplayScanner replay = new ReplayScanner(scanner, path, text, provider, true, null);
            InclusionMemo.Session session = takeReplays(replay, provider, path, text, info, providers);
            Outcome o = pruned(replay);
            if (o != null) {
                if (replay.recorded() != null) preambles.put(path, replay.recorded());
                if (session != null) session.attach(o.tu());
                return o;
            }
            if (session == null) break;
        }
        return direct(scanner(path, text, info, providers.get()), false);
    }

    /**
     * A parse that starts from the preamble recorded for {@code path}'s text, its headers not preprocessed
     * again: a full one ({@code full}: every token to the parser) or a pruned one, whose failure drops the
     * preamble. Null when there is none, another thread holds it, or the parse did not succeed.
     */
    private static Outcome fromPreamble(String path, char[] text, ExtendedScannerInfo info,
                                        java.util.function.Supplier<CachingContentProvider> providers,
                                        Preambles preambles, boolean full) {
        Preambles.Preamble p = preambles.get(path);
        if (p == null || !p.matches(text) || !p.lock().tryLock()) return null;
        try {
            CachingContentProvider provider = providers.get();
            CPreprocessor scanner = scanner(path, text, info, provider);
            provider.replay(p, scanner);
            Outcome o = full ? full(new ReplayScanner(scanner, path, text, provider, false, p, true), false)
                    : pruned(new ReplayScanner(scanner, path, text, provider, false, p));
            if (o != null) (full ? Preambles.REUSED_FULL : Preambles.REUSED).increment();
            else if (!full) preambles.remove(path, p);
            return o;
        } finally {
            p.lock().unlock();
        }
    }

    /**
     * A full parse (every token to the parser; header bodies parsed when {@code headerBodies}) whose
     * forced include is not preprocessed again: the prelude {@code preludes} recorded for this
     * configuration (recorded now when there is none), then the main file. Null when the
     * configuration has no re-usable prelude, every recorded copy is busy, or the stream cannot be
     * replayed: the caller then parses from scratch.
     */
    public static Outcome afterPrelude(String path, char[] text, ExtendedScannerInfo info, HeaderCache cache,
                                       java.util.function.Supplier<CachingContentProvider> providers,
                                       boolean headerBodies, Preludes preludes) {
        if (preludes == null || !Preambles.supported()) return null;
        Preludes.Key key = Preludes.key(info, cache);
        if (key == null) return null;
        Preambles.Preamble p = preludes.acquire(key);
        if (p == null) {
            if (!preludes.room(key)) return null;
            p = recordPrelude(path, info, providers.get(), key.include());
            preludes.add(key, p);
            if (p == null) return null;
            p.lock().lock();
        }
        try {
            CachingContentProvider provider = providers.get();
            CPreprocessor scanner = scanner(path, text, info, provider);
            provider.replay(p, scanner);
            Outcome o = full(new ReplayScanner(scanner, path, text, provider, false, p, true), headerBodies);
            if (o != null) Preludes.REUSED.increment();
            return o;
        } finally {
            p.lock().unlock();
        }
    }

    /**
     * Preprocesses {@code include} alone (the forced include of an empty main file) and records what it
     * delivered; null when it delivered nothing or looked at any other file.
     */
    private static Preambles.Preamble recordPrelude(String path, ExtendedScannerInfo info, CachingContentProvider provider, String include) {
        CPreprocessor pp = scanner(path, new char[0], info, provider);
        provider.recordPrelude(pp, path, java.util.Set.of(include));
        java.util.List<org.eclipse.cdt.core.parser.IToken> toks = new java.util.ArrayList<>(1 << 14);
        int end;
        try {
            while (true) {
                org.eclipse.cdt.core.parser.IToken t = pp.nextToken();
                int ty = t.getType();
                if (pp.isOnTopContext() || ty == org.eclipse.cdt.core.parser.IToken.tINACTIVE_CODE_START
                        || ty == org.eclipse.cdt.core.parser.IToken.tINACTIVE_CODE_SEPARATOR
                        || ty == org.eclipse.cdt.core.parser.IToken.tINACTIVE_CODE_END
                        || ty == org.eclipse.cdt.core.parser.IToken.tCOMPLETION || ty == org.eclipse.cdt.core.parser.IToken.tEOC)
                    return null;
                toks.add(t);
            }
        } catch (org.eclipse.cdt.core.parser.EndOfFileException e) {
            end = e.getEndOffset();
        }
        boolean elsewhere = provider.lookedElsewhere();
        CachingContentProvider.Recorded r = provider.endOfPreamble();
        if (elsewhere || r == null || !r.top().equals(java.util.List.of(include)) || !r.all().equals(java.util.Set.of(include))) return null;
        for (org.eclipse.cdt.core.parser.IToken t : toks) t.setNext(null);
        // the empty main file's end lies after the preprocessor's synthetic "#include <include>\n" and the include
        int length = end - ("#include <".length() + include.length() + 2);
        Preambles.Preamble p = Preambles.prelude(pp, toks, r, length);
        if (p != null) Preludes.RECORDED.increment();
        return p;
    }

    private static Outcome direct(CPreprocessor scanner, boolean headerBodies) {
        KernelCParser parser = new KernelCParser(scanner,
                headerBodies ? ParserMode.COMPLETE_PARSE : ParserMode.SELECTION_PARSE, new NullLogService(), null);
        parser.setAutoTypeMainFileOnly(!headerBodies);
        return new Outcome(bound(cancellable(parser)), null);
    }

    /**
     * Parses under the thread's {@link Budget} (if any): the watchdog cancels the parser when the
     * budget runs out, and a budget that ran out while the parser swallowed the exception still
     * ends the parse with it.
     */
    private static IASTTranslationUnit cancellable(KernelCParser parser) {
        Budget b = Budget.current();
        if (b == null) return parser.parse();
        Runnable remove = b.onCancel(parser::cancel);
        try {
            IASTTranslationUnit tu = parser.parse();
            b.throwIfExceeded();
            return tu;
        } catch (RuntimeException | org.eclipse.cdt.core.parser.ParseError e) {
            b.throwIfExceeded(); // a cancelled parser throws ParseError
            throw e;
        } finally {
            remove.run();
        }
    }

    private static IASTTranslationUnit bound(IASTTranslationUnit tu) {
        if (tu != null) TagBinder.bind(tu);
        return tu;
    }

    private static CPreprocessor scanner(String path, char[] text, ExtendedScannerInfo info, InternalFileContentProvider provider) {
        return scanner(path, text, info, provider, false);
    }

    /** @param memo record and replay inclusions ({@link InclusionMemo}): only for a stream a {@link ReplayScanner} takes */
    private static CPreprocessor scanner(String path, char[] text, ExtendedScannerInfo info, InternalFileContentProvider provider, boolean memo) {
        CPreprocessor scanner = new CPreprocessor(FileContent.create(path, text), info, ParserLanguage.C,
                new NullLogService(), GCCScannerExtensionConfiguration.getInstance(info), provider);
        scanner.setComputeImageLocations(true);
        scanner.setProcessInactiveCode(false);
        if (provider instanceof CachingContentProvider c) {
            c.answerGuards(scanner);
            if (memo) c.startMemo(scanner, info); // on the dictionary's own map, below the budget's checks
        }
        BudgetHooks.install(scanner, Budget.current());
        return scanner;
    }

    /** Parses every token of a replayed stream, as {@link #direct} would; null when the stream cannot be replayed. */
    private static Outcome full(ReplayScanner replay, boolean headerBodies) {
        KernelCParser parser = new KernelCParser(replay,
                headerBodies ? ParserMode.COMPLETE_PARSE : ParserMode.SELECTION_PARSE, new NullLogService(), null);
        parser.setAutoTypeMainFileOnly(!headerBodies);
        try {
            return new Outcome(bound(cancellable(parser)), null);
        } catch (ReplayScanner.NotReplayable e) {
            if (Boolean.getBoolean("mmlint.debugPrune")) System.err.println("mmlint: token stream not replayed: " + e.getMessage());
            return null;
        }
    }

    /** Parses what {@link HeaderPruner} keeps of the token stream; null when the stream cannot be replayed. */
    private static Outcome pruned(ReplayScanner replay) {
        KernelCParser parser = new KernelCParser(replay, ParserMode.SELECTION_PARSE, new NullLogService(), null);
        parser.setAutoTypeMainFileOnly(true);
        IASTTranslationUnit tu;
        try {
            tu = cancellable(parser);
        } catch (ReplayScanner.NotReplayable e) {
            if (Boolean.getBoolean("mmlint.debugPrune")) System.err.println("mmlint: token stream not replayed: " + e.getMessage());
            return null;
        }
        return new Outcome(bound(tu), replay.stats(), replay.dropped());
    }
}
