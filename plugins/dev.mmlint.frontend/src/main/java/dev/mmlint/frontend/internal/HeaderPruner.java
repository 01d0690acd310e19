package dev.mmlint.frontend.internal;

import java.util.Arrays;
import java.util.List;
import org.eclipse.cdt.core.parser.IGCCToken;
import org.eclipse.cdt.core.parser.IToken;

/**
 * Chooses which file-scope declarations coming from headers the parser needs to see for one
 * translation unit. Input: the complete, macro-expanded token stream of the translation unit as
 * CDT's preprocessor delivered it, with, for each token, whether it came from the main file
 * (macro expansions in the main file count as main file). Output: the tokens to hand to the
 * parser - every main-file token, in order, plus the header declarations the main file can reach.
 *
 * <p>The stream is cut into file-scope declarations (at a {@code ;} outside any bracket, or at the
 * {@code }} closing a function body). A declaration made only of header tokens is kept when it
 * may declare a name that is needed; the names needed are every identifier of the main file's
 * tokens and, transitively, every identifier mentioned by a kept declaration (outside function
 * bodies, which the parser skips for headers anyway). Everything else in the stream is kept
 * unconditionally: main-file declarations, declarations mixing header and main-file tokens (an
 * {@code #include} inside an initializer), anything unbalanced.
 *
 * <p>Correctness rests on "may declare" being an over-approximation of the names a header
 * declaration introduces at file scope (ordinary identifiers, struct/union/enum tags and enum
 * constants are lumped together): a declarator's name (the last identifier before its
 * parameter list, array bound, initializer, bit-field, attribute or asm label, looking into
 * {@code (*name)} groups), a tag followed by <code>{</code> or {@code ;}, an enum constant.
 * Dropping a declaration that declares nothing reachable cannot change how a main-file name
 * resolves: C name lookup finds declarations by name only. Macro definitions are untouched (the
 * preprocessor ran over everything). What the parser never sees is not in the AST:
 * {@code tu.getDeclarations()} holds the kept header declarations only.
 *
 * <p>Pure and thread-safe (no shared state); cost is linear in the number of tokens.
 */
public final class HeaderPruner {
    private HeaderPruner() {}

    /** What was kept, for statistics. */
    public record Stats(int tokens, int mainTokens, int headerChunks, int keptChunks, int keptHeaderTokens) {}

    /**
     * @param dropped the identifiers of the declarations left out: whether any of a set of names is
     *                spelled by a token of one of them (a name no dropped token spells cannot be declared
     *                by a dropped declaration, whatever "may declare" concludes)
     */
    public record Result(IToken[] kept, boolean[] keptTop, Stats stats, Dropped dropped) {
        public Result(IToken[] kept, boolean[] keptTop, Stats stats) { this(kept, keptTop, stats, Dropped.NONE); }
    }

    /** The identifier tokens of the declarations pruning left out, by name ({@link #NONE}: not known, any name may be). */
    public static final class Dropped {
        static final Dropped NONE = new Dropped(null, new boolean[0]);
        private final NameTable names;
        private final boolean[] spelled;

        Dropped(NameTable names, boolean[] spelled) {
            this.names = names;
            this.spelled = spelled;
        }

        /** Whether a token of a dropped declaration spells one of {@code candidates}. */
        public boolean spellsAnyOf(java.util.Collection<String> candidates) {
            if (names == null) return true;
            for (String c : candidates) {
                int x = names.find(c.toCharArray());
                if (x >= 0 && x < spelled.length && spelled[x]) return true;
            }
            return false;
        }
    }

    /**
     * @param toks the token stream ({@code toks.size()} tokens; end of input not included)
     * @param top  {@code top[i]}: token i came from the main file
     */
    public static Result prune(List<IToken> toks, boolean[] top) {
        return prune(toks, top, null);
    }

    /**
     * The work of steps 1 to 3 on the first tokens of a stream, all from headers and ending where a
     * file-scope declaration ends, kept to resume from: a stream that starts with the same tokens
     * (a re-used preamble) is pruned without cutting, naming and analysing them again.
     */
    static final class Prefix {
        private final int length;
        private final Steps steps;

        private Prefix(int length, Steps steps) {
            this.length = length;
            this.steps = steps;
        }
    }

    /** Steps 1 to 3 on {@code headerTokens}; null when they do not end where a declaration ends. */
    static Prefix prefix(IToken[] headerTokens) {
        int n = headerTokens.length;
        Steps s = new Steps(n);
        return s.run(headerTokens, new boolean[n], 0, n) ? new Prefix(n, s) : null;
    }

    /**
     * Steps 1 to 3, resumable: cuts tokens into file-scope declarations, names the identifiers, and
     * records for each pruneable declaration what it may declare and what it mentions, and the
     * identifiers of the declarations kept whatever happens.
     */
    private static final class Steps {
        int[] type, id;
        final Cut cut;
        final NameTable names;
        final IntList declChunk, declName, ment, neededIds;
        int[] mentStart = new int[1];
        int headerChunks, mainTokens;

        Steps(int n) {
            type = new int[n];
            id = new int[n];
            cut = new Cut();
            names = new NameTable(1 << 16);
            declChunk = new IntList();
            declName = new IntList();
            ment = new IntList();
            neededIds = new IntList();
        }

        /** A copy of {@code p}'s state, for a stream of {@code n} tokens starting with p's. */
        Steps(Prefix p, int n) {
            Steps q = p.steps;
            type = Arrays.copyOf(q.type, n);
            id = Arrays.copyOf(q.id, n);
            cut = new Cut(q.cut, q.cut.chunks + (n - p.length) / 8 + 16);
            names = q.names.copy();
            declChunk = q.declChunk.copy();
            declName = q.declName.copy();
            ment = q.ment.copy();
            neededIds = q.neededIds.copy();
            mentStart = q.mentStart.clone();
            headerChunks = q.headerChunks;
            mainTokens = q.mainTokens;
        }

        /** Steps 1 to 3 on tokens [from, n) (from is where a declaration starts); whether they end where one ends. */
        boolean run(IToken[] t, boolean[] top, int from, int n) {
            for (int i = from; i < n; i++) type[i] = t[i].getType();
            // 1. cut into file-scope declarations: chunkStart[c] .. chunkStart[c+1]
            int c0 = cut.chunks;
            boolean atBoundary = cut.run(type, top, from, n);
            // 2. names: identifier images to dense ids
            for (int i = from; i < n; i++) id[i] = type[i] == IToken.tIDENTIFIER ? names.id(t[i].getCharImage()) : -1;
            // 3. per pruneable chunk: names it may declare, names it mentions
            mentStart = Arrays.copyOf(mentStart, cut.chunks + 1);
            Analyser an = new Analyser(type, id, declChunk, declName, ment);
            for (int c = c0; c < cut.chunks; c++) {
                mentStart[c] = ment.size;
                int a = cut.chunkStart[c], b = cut.chunkStart[c + 1];
                if (cut.pruneable[c]) {
                    headerChunks++;
                    an.analyse(c, a, b);
                } else {
                    for (int i = a; i < b; i++) {
                        if (top[i]) mainTokens++;
                        if (id[i] >= 0) neededIds.add(id[i]);
                    }
                }
            }
            mentStart[cut.chunks] = ment.size;
            return atBoundary;
        }
    }

    /** Step 1, resumable: cuts a token stream into file-scope declarations. */
    private static final class Cut {
        int[] chunkStart = new int[16];
        boolean[] pruneable = new boolean[16];
        int chunks;

        Cut() {}

        Cut(Cut p, int capacity) {
            chunkStart = Arrays.copyOf(p.chunkStart, Math.max(p.chunks + 2, capacity));
            pruneable = Arrays.copyOf(p.pruneable, Math.max(p.chunks + 2, capacity));
            chunks = p.chunks;
        }

        /** Cuts tokens [from, n) (from is where a declaration starts); whether they end where one ends. */
        boolean run(int[] type, boolean[] top, int from, int n) {
            int depth = 0, start = from;
            boolean bodyBrace = false, allHeader = true, broken = false;
            for (int i = from; i < n; i++) {
                int ty = type[i];
                if (top[i]) allHeader = false;
                boolean end = false;
                switch (ty) {
                    case IToken.tLBRACE -> {
                        if (depth == 0) bodyBrace = i > start && type[i - 1] == IToken.tRPAREN;
                        depth++;
                    }
                    case IToken.tLPAREN, IToken.tLBRACKET -> depth++;
                    case IToken.tRPAREN, IToken.tRBRACKET -> { if (depth > 0) depth--; else broken = true; }
                    case IToken.tRBRACE -> {
                        if (depth > 0) depth--; else broken = true;
                        if (depth == 0 && bodyBrace) end = true;
                    }
                    case IToken.tSEMI -> end = depth == 0;
                    default -> { }
                }
                if (end) {
                    add(start, allHeader && !broken);
                    start = i + 1;
                    allHeader = true;
                    broken = false;
                    bodyBrace = false;
                }
            }
            boolean atBoundary = start == n;
            if (!atBoundary) add(start, false); // unterminated tail: kept
            if (chunks + 1 >= chunkStart.length) chunkStart = Arrays.copyOf(chunkStart, chunks + 2);
            chunkStart[chunks] = n;
            return atBoundary;
        }

        private void add(int start, boolean canPrune) {
            if (chunks + 1 >= chunkStart.length) {
                chunkStart = Arrays.copyOf(chunkStart, chunkStart.length * 2);
                pruneable = Arrays.copyOf(pruneable, pruneable.length * 2);
            }
            chunkStart[chunks] = start;
            pruneable[chunks] = canPrune;
            chunks++;
        }
    }

    /**
     * As {@link #prune(List, boolean[])}; when {@code prefix} is not null the stream starts with the
     * tokens it was made from, and steps 1 to 3 resume after them.
     */
    static Result prune(List<IToken> toks, boolean[] top, Prefix prefix) {
        int n = toks.size();
        IToken[] t = toks.toArray(new IToken[0]);
        int p = prefix == null ? 0 : prefix.length;
        Steps steps = prefix == null ? new Steps(n) : new Steps(prefix, n);
        steps.run(t, top, p, n);
        int chunks = steps.cut.chunks;
        int[] chunkStart = steps.cut.chunkStart;
        boolean[] pruneable = steps.cut.pruneable;
        NameTable names = steps.names;
        IntList declChunk = steps.declChunk, declName = steps.declName, ment = steps.ment;
        int[] mentStart = steps.mentStart;
        boolean[] needed = new boolean[names.size()];
        IntList work = new IntList();
        for (int k = 0; k < steps.neededIds.size; k++) {
            int x = steps.neededIds.a[k];
            if (!needed[x]) { needed[x] = true; work.add(x); }
        }
        // CDT looks these typedefs up by name to type sizeof and pointer differences
        for (String implicit : new String[] {"size_t", "ptrdiff_t"}) {
            int x = names.id(implicit.toCharArray());
            if (x >= needed.length) needed = Arrays.copyOf(needed, names.size());
            if (!needed[x]) { needed[x] = true; work.add(x); }
        }

        // 4. closure: name -> declaring chunks (CSR)
        int[] firstDecl = new int[names.size() + 1];
        for (int k = 0; k < declName.size; k++) firstDecl[declName.a[k] + 1]++;
        for (int k = 0; k < names.size(); k++) firstDecl[k + 1] += firstDecl[k];
        int[] fill = Arrays.copyOf(firstDecl, firstDecl.length);
        int[] declaring = new int[declName.size];
        for (int k = 0; k < declName.size; k++) declaring[fill[declName.a[k]]++] = declChunk.a[k];
        boolean[] keep = new boolean[chunks];
        for (int c = 0; c < chunks; c++) keep[c] = !pruneable[c];
        while (work.size > 0) {
            int x = work.a[--work.size];
            for (int k = firstDecl[x]; k < firstDecl[x + 1]; k++) {
                int c = declaring[k];
                if (keep[c]) continue;
                keep[c] = true;
                for (int m = mentStart[c]; m < mentStart[c + 1]; m++) {
                    int y = ment.a[m];
                    if (!needed[y]) { needed[y] = true; work.add(y); }
                }
            }
        }

        // 5. output
        int count = 0, keptChunks = 0, keptHeaderTokens = 0;
        for (int c = 0; c < chunks; c++) if (keep[c]) {
            count += chunkStart[c + 1] - chunkStart[c];
            if (pruneable[c]) { keptChunks++; keptHeaderTokens += chunkStart[c + 1] - chunkStart[c]; }
        }
        IToken[] out = new IToken[count];
        boolean[] outTop = new boolean[count];
        int o = 0;
        for (int c = 0; c < chunks; c++) {
            if (!keep[c]) continue;
            for (int i = chunkStart[c]; i < chunkStart[c + 1]; i++) {
                out[o] = t[i];
                outTop[o++] = top[i];
            }
        }
        // the names the dropped declarations spell (tokens of a resumed prefix carry their ids too)
        boolean[] spelled = new boolean[names.size()];
        int[] ids = steps.id;
        for (int c = 0; c < chunks; c++) {
            if (keep[c]) continue;
            for (int i = chunkStart[c]; i < chunkStart[c + 1]; i++) if (ids[i] >= 0) spelled[ids[i]] = true;
        }
        return new Result(out, outTop, new Stats(n, steps.mainTokens, steps.headerChunks, keptChunks, keptHeaderTokens),
                new Dropped(names, spelled));
    }

    /**
     * Finds what one header declaration may declare and what it mentions. Declarator level: outside
     * any bracket, or inside parentheses that open a nested declarator ({@code (*fp)},
     * {@code u32 (name)}); there the last identifier before a terminator is a declared name.
     */
    private static final class Analyser {
        private final int[] type, id;
        private final IntList declChunk, declName, ment;
        // frame kinds
        private static final int PAREN_DECL = 1, PAREN_OTHER = 2, BRACKET = 3, BRACE_ENUM = 4, BRACE_OTHER = 5, BRACE_BODY = 6;
        private int[] frames = new int[64];
        private boolean[] frameInit = new boolean[64];

        Analyser(int[] type, int[] id, IntList declChunk, IntList declName, IntList ment) {
            this.type = type;
            this.id = id;
            this.declChunk = declChunk;
            this.declName = declName;
            this.ment = ment;
        }

        private void declare(int chunk, int name) {
            declChunk.add(chunk);
            declName.add(name);
        }

        void analyse(int chunk, int from, int to) {
            int sp = 0; // frame stack size
            int bodies = 0; // open function bodies
            int last = -1; // identifier pending at declarator level: a declared name or a type name
            boolean sawType = false; // a type specifier was seen in this declaration
            boolean named = false; // the current declarator has its name
            boolean init = false; // in an initializer
            int prev = IToken.tSEMI;
            for (int i = from; i < to; i++) {
                int ty = type[i];
                if (bodies > 0) { // inside a header function body: the parser skips it
                    if (ty == IToken.tLBRACE) { push(sp++, BRACE_BODY, init); bodies++; }
                    else if (ty == IToken.tRBRACE) { sp--; bodies--; }
                    prev = ty;
                    continue;
                }
                boolean declLevel = !init && allDecl(sp);
                if (ty == IToken.tIDENTIFIER) {
                    int x = id[i];
                    int next = i + 1 < to ? type[i + 1] : IToken.tSEMI;
                    if (prev == IToken.t_struct || prev == IToken.t_union || prev == IToken.t_enum) {
                        if (next == IToken.tLBRACE || next == IToken.tSEMI) declare(chunk, x); else ment.add(x);
                        sawType = true;
                    } else if (sp > 0 && frames[sp - 1] == BRACE_ENUM && (prev == IToken.tLBRACE || prev == IToken.tCOMMA)) {
                        declare(chunk, x); // enum constant
                    } else if (declLevel) {
                        if (last >= 0) { ment.add(last); sawType = true; } // two names in a row: the first is a type
                        last = x;
                    } else {
                        ment.add(x);
                    }
                    prev = ty;
                    continue;
                }
                if (declLevel) {
                    switch (ty) {
                        case IToken.tLPAREN -> {
                            boolean special = prev == IGCCToken.t_typeof || prev == IGCCToken.t__attribute__
                                    || prev == IToken.t_asm || prev == IToken.t_sizeof || prev == IGCCToken.t___alignof__
                                    || prev == IGCCToken.t__declspec;
                            if (special || last >= 0 && (sawType || named) || last < 0 && named) {
                                // attribute/typeof arguments, or the parameter list of a named declarator
                                if (last >= 0) { declare(chunk, last); last = -1; named = true; }
                            } else {
                                // a nested declarator: (*fp), (name); an implicit-int call-like
                                // declaration foo(x) also lands here, so a name before it counts as
                                // declared unless a '*' follows (then it was a type: u32 (*fp))
                                int next = i + 1 < to ? type[i + 1] : IToken.tSEMI;
                                if (last >= 0) {
                                    if (next == IToken.tSTAR) ment.add(last); else declare(chunk, last);
                                    last = -1;
                                }
                                sawType = true;
                                push(sp++, PAREN_DECL, init);
                                prev = ty;
                                continue;
                            }
                        }
                        case IToken.tLBRACKET, IToken.tASSIGN, IToken.tCOMMA, IToken.tSEMI, IToken.tCOLON, IToken.tLBRACE,
                             IToken.tRPAREN, IGCCToken.t__attribute__, IToken.t_asm -> {
                            if (last >= 0) { declare(chunk, last); last = -1; named = true; }
                        }
                        case IToken.tSTAR -> { if (last >= 0) { ment.add(last); last = -1; sawType = true; } }
                        default -> { if (isTypeKeyword(ty)) sawType = true; }
                    }
                }
                switch (ty) {
                    case IToken.tASSIGN -> { if (allDecl(sp)) init = true; }
                    case IToken.tCOMMA -> { if (sp == 0) { init = false; named = false; } }
                    case IToken.tSEMI -> { if (sp == 0) { init = false; named = false; sawType = false; } }
                    case IToken.tLPAREN -> push(sp++, PAREN_OTHER, init);
                    case IToken.tLBRACKET -> push(sp++, BRACKET, init);
                    case IToken.tLBRACE -> {
                        if (sp == 0 && prev == IToken.tRPAREN && !init) { push(sp++, BRACE_BODY, init); bodies++; }
                        else {
                            boolean enumBrace = prev == IToken.t_enum
                                    || prev == IToken.tIDENTIFIER && i >= from + 2 && type[i - 2] == IToken.t_enum;
                            push(sp++, enumBrace ? BRACE_ENUM : BRACE_OTHER, init);
                            if (!init) sawType = true;
                        }
                    }
                    case IToken.tRPAREN, IToken.tRBRACKET, IToken.tRBRACE -> { if (sp > 0) { sp--; init = frameInit[sp]; } }
                    default -> { }
                }
                prev = ty;
            }
            if (last >= 0) declare(chunk, last);
        }

        private boolean allDecl(int sp) {
            for (int k = 0; k < sp; k++) if (frames[k] != PAREN_DECL) return false;
            return true;
        }

        private void push(int at, int kind, boolean init) {
            if (at >= frames.length) {
                frames = Arrays.copyOf(frames, at * 2);
                frameInit = Arrays.copyOf(frameInit, at * 2);
            }
            frames[at] = kind;
            frameInit[at] = init;
        }
    }

    private static boolean isTypeKeyword(int ty) {
        return switch (ty) {
            case IToken.t_void, IToken.t_char, IToken.t_short, IToken.t_int, IToken.t_long, IToken.t_float, IToken.t_double,
                 IToken.t_signed, IToken.t_unsigned, IToken.t__Bool, IToken.t__Complex, IToken.t_struct, IToken.t_union,
                 IToken.t_enum, IGCCToken.t_typeof, IToken.t_bool -> true;
            default -> false;
        };
    }

    /** Growable int array. */
    static final class IntList {
        int[] a = new int[1024];
        int size;

        IntList copy() {
            IntList c = new IntList();
            c.a = Arrays.copyOf(a, Math.max(1024, size + (size >> 2)));
            c.size = size;
            return c;
        }

        void add(int v) {
            if (size == a.length) a = Arrays.copyOf(a, size * 2);
            a[size++] = v;
        }
    }

    /** Open-addressing map from identifier text to a dense id, without allocating per lookup. */
    static final class NameTable {
        private char[][] keys;
        private int[] vals;
        private int size;

        NameTable(int capacity) {
            keys = new char[capacity][];
            vals = new int[capacity];
        }

        int size() { return size; }

        NameTable copy() {
            NameTable c = new NameTable(1);
            c.keys = keys.clone();
            c.vals = vals.clone();
            c.size = size;
            return c;
        }


        /** The id of {@code k}, or -1 when the table has no such name (nothing is added). */
        int find(char[] k) {
            int mask = keys.length - 1;
            int h = hash(k) & mask;
            while (true) {
                char[] e = keys[h];
                if (e == null) return -1;
                if (e == k || Arrays.equals(e, k)) return vals[h];
                h = (h + 1) & mask;
            }
        }

        int id(char[] k) {
            int mask = keys.length - 1;
            int h = hash(k) & mask;
            while (true) {
                char[] e = keys[h];
                if (e == null) {
                    keys[h] = k;
                    vals[h] = size++;
                    if (size * 2 > keys.length) grow();
                    return size - 1;
                }
                if (e == k || Arrays.equals(e, k)) return vals[h];
                h = (h + 1) & mask;
            }
        }

        private void grow() {
            char[][] ok = keys;
            int[] ov = vals;
            keys = new char[ok.length * 2][];
            vals = new int[ok.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] == null) continue;
                int h = hash(ok[i]) & mask;
                while (keys[h] != null) h = (h + 1) & mask;
                keys[h] = ok[i];
                vals[h] = ov[i];
            }
        }

        private static int hash(char[] k) {
            int h = 0;
            for (char c : k) h = 31 * h + c;
            return h ^ (h >>> 16);
        }
    }
}
