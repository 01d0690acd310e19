package dev.mmlint.frontend.internal;

import dev.mmlint.frontend.IncludeFact;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorIncludeStatement;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.parser.IToken;
import org.eclipse.cdt.core.parser.util.CharArrayMap;
import org.eclipse.cdt.internal.core.parser.scanner.AbstractCharArray;
import org.eclipse.cdt.internal.core.parser.scanner.CPreprocessor;
import org.eclipse.cdt.internal.core.parser.scanner.CounterMacro;
import org.eclipse.cdt.internal.core.parser.scanner.DynamicMacro;
import org.eclipse.cdt.internal.core.parser.scanner.ILocationCtx;
import org.eclipse.cdt.internal.core.parser.scanner.LocationMap;
import org.eclipse.cdt.internal.core.parser.scanner.ObjectStyleMacro;
import org.eclipse.cdt.internal.core.parser.scanner.PreprocessorMacro;
import org.eclipse.cdt.internal.core.parser.scanner.Token;

/**
 * A header's inclusion preprocessed once per state it depends on, and replayed in every later
 * translation unit of the run that includes it in that state: the per-file header work of a
 * {@code check} (some 600 headers preprocessed again for each file) done once per header and
 * configuration where the headers allow it.
 *
 * <p>What one inclusion of a header delivers (the tokens of the header and of everything it includes,
 * the macros it defines and undefines, the headers it marks as included) is a function of the state
 * the preprocessor is in when the inclusion starts, and only of the part of that state the inclusion
 * reads. Here every read is observed while the inclusion is preprocessed: each lookup in the macro
 * dictionary (CDT looks up every identifier of active code, every name in {@code #ifdef}, {@code
 * defined}, {@code #define} and {@code #undef}), with what it found, nothing included, and each
 * question whether a header was already included (CDT answers it from the headers whose include guard
 * it detected), with the answer. A read of something the inclusion itself wrote before is not a read
 * of the state it started from. An inclusion recorded so is kept, per thread and configuration (the
 * include search path and forced includes: what the header names resolve against), with its
 * tokens and its writes.
 *
 * <p>A later inclusion of the same header replays a recorded one when every read it made would find
 * the same now: the same macro under each name looked up (the same object, or the same kind with the
 * same parameters and the same replacement text), the same absence, the same answer for each header
 * asked about. The replay serves the header as padding exactly as long in sequence numbers as the
 * recorded inclusion with everything it included, applies the recorded writes to the dictionary,
 * marks the recorded headers as included, and has the token stream take the recorded tokens, shifted
 * to the padding's place, where the padding lies ({@link ReplayScanner}). Every main-file token then
 * has the sequence number of a parse from scratch, header tokens are the same tokens at the same
 * sequence numbers, and the macros in effect are the same: {@code -Dmmlint.checkInclusionMemo=true}
 * preprocesses each such unit again from scratch and fails on any difference.
 *
 * <p>An inclusion that missed is preprocessed as usual and its own nested inclusions are each tried
 * again, so a header whose state differs (a file's own {@code pr_fmt} read by {@code printk.h})
 * costs the headers on its path, not the whole tree beneath it. {@code __COUNTER__} is state like a
 * macro: an inclusion that reads it depends on the value it had at its first read and leaves it at the
 * value it had at the end (the kernel's {@code __UNIQUE_ID} reads it in many headers). Not recorded: a
 * header without an include guard CDT detects (included more than once on purpose, or ending where its
 * includer continues an expression), one naming {@code #include_next} (resolved against where it was
 * found, not its path), one reading another dynamic macro than {@code __FILE__}, {@code __LINE__} and
 * {@code __COUNTER__}, one pushed while the preprocessor looked ahead past a token before it (a string
 * literal to concatenate), one whose last token may join the includer's next one, and anything
 * containing them. A replayed inclusion that turns out to be met by such a look-ahead makes the unit
 * preprocess every header again.
 *
 * <p>What differs from a parse from scratch, as for a replayed {@link Preambles preamble}: nodes of
 * replayed header code report locations inside the padding, and the preprocessor's problems, macro
 * expansions and include directives inside replayed headers are not in the location map; the
 * directives are kept with the replay and given by {@link #includes} instead, for the result cache.
 *
 * <p>Relies on CDT internals (the content provider's calls around an inclusion, the macro dictionary's
 * map, the location map's current context), private to mmlint's pinned copy of CDT; without them
 * nothing is recorded.
 */
public final class InclusionMemo {
    private InclusionMemo() {}

    /** Inclusions replayed (by units preprocessed to their end), inclusions recorded, tokens replayed: all instances. */
    public static final dev.mmlint.frontend.Counter REPLAYED = new dev.mmlint.frontend.Counter();
    public static final dev.mmlint.frontend.Counter RECORDED = new dev.mmlint.frontend.Counter();
    public static final dev.mmlint.frontend.Counter REPLAYED_TOKENS = new dev.mmlint.frontend.Counter();
    /** Inclusions preprocessed from their text while inclusions were being recorded and replayed. */
    public static final dev.mmlint.frontend.Counter PREPROCESSED = new dev.mmlint.frontend.Counter();
    /** {@code -Dmmlint.debugInclusionMemo=true}: why each inclusion that had recorded states was not replayed, on stderr. */
    private static final boolean DEBUG = Boolean.getBoolean("mmlint.debugInclusionMemo");
    /** Units whose replayed stream was checked against a parse from scratch ({@link #CHECK}). */
    public static final dev.mmlint.frontend.Counter CHECKED = new dev.mmlint.frontend.Counter();

    private static final Field CURRENT_CTX = Preambles.field(LocationMap.class, "fCurrentContext");
    private static final Field MAP = Preambles.field(CharArrayMap.class, "map");
    private static final Field SEQUENCE_NUMBER = locationCtxField("fSequenceNumber");
    private static final Method SEQUENCE_LENGTH = locationCtxMethod("getSequenceLength");

    /** On unless {@code -Dmmlint.inclusionMemo=false}, and when this CDT has what it relies on. */
    static final boolean ENABLED = CURRENT_CTX != null && MAP != null && SEQUENCE_NUMBER != null && SEQUENCE_LENGTH != null
            && Preambles.supported() && !"false".equals(System.getProperty("mmlint.inclusionMemo"));
    /** {@code -Dmmlint.checkInclusionMemo=true}: every unit that replayed is preprocessed again from scratch and compared. */
    static final boolean CHECK = Boolean.getBoolean("mmlint.checkInclusionMemo");
    /** Recorded states kept per header. */
    private static final int VARIANTS = Integer.getInteger("mmlint.inclusionMemo.variants", 8);
    /**
     * Token copies kept per thread and configuration, over all headers (about 60 bytes each): a tenth of the
     * heap's maximum, shared by the threads of the machine's processors, and at most a million. What is kept is
     * live data that every young collection copies again: with the JVM's default heap (a quarter of the
     * machine's memory) the bound alone let 6.12 {@code mm/} keep about 700 MB live, and collections took 4 s
     * of a 23 s run; a million tokens per thread replays as much where it counts and halves the pauses
     * (bench/results/gc-2026-12-07.md).
     */
    private static final long MAX_TOKENS = Long.getLong("mmlint.inclusionMemo.tokens", Math.min(1_000_000L,
            Runtime.getRuntime().maxMemory() / 10 / 60 / Math.max(1, Runtime.getRuntime().availableProcessors())));

    private static Class<?> locationCtx() throws ClassNotFoundException {
        return Class.forName("org.eclipse.cdt.internal.core.parser.scanner.LocationCtx", false, LocationMap.class.getClassLoader());
    }

    private static Field locationCtxField(String name) {
        try {
            return Preambles.field(locationCtx(), name);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static Method locationCtxMethod(String name) {
        try {
            Method m = locationCtx().getDeclaredMethod(name);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** A recorded inclusion: what it read, what it wrote, what it delivered. */
    static final class Entry {
        final String path;
        final Object[] readKeys;
        final Object[] readValues; // a PreprocessorMacro, or ABSENT
        final String[] askedPaths;
        final boolean[] askedAnswers;
        final Object[] writeKeys;
        final PreprocessorMacro[] writeValues; // null: removed
        final String[] marked;
        final int base;
        final int length;
        /** The value {@code __COUNTER__} had at the inclusion's first read of it and at its end; -1: never read. */
        final long counterStart, counterEnd;
        /** The keys' hash codes, computed once. */
        final int[] readHashes, writeHashes;
        /** Its tokens are {@code tokens[from, to)} (copies, shared with the inclusions recorded with it). */
        IToken[] tokens;
        int from, to;
        IncludeFact[] includes;

        Entry(String path, Effects x, int base, int length, long counterEnd) {
            this.path = path;
            this.counterStart = x.counterStart;
            this.counterEnd = x.counterStart < 0 ? -1 : counterEnd;
            readKeys = x.readKeys.toArray();
            readValues = x.readValues.toArray();
            readHashes = Arrays.copyOf(x.readHashes.a, x.readHashes.size);
            writeHashes = Arrays.copyOf(x.writeHashes.a, x.writeHashes.size);
            askedPaths = x.askedPaths.toArray(new String[0]);
            askedAnswers = new boolean[x.askedAnswers.size()];
            for (int i = 0; i < askedAnswers.length; i++) askedAnswers[i] = x.askedAnswers.get(i);
            writeKeys = x.writeKeys.toArray();
            writeValues = x.writeValues.toArray(new PreprocessorMacro[0]);
            marked = x.marked.toArray(new String[0]);
            this.base = base;
            this.length = length;
        }
    }

    /** The inclusions recorded by one thread for one configuration. */
    static final class Store {
        final Map<String, List<Entry>> entries = new HashMap<>();
        long tokens;
    }

    /**
     * Whether the calling thread's next units record their inclusions: false when no later unit of the run can
     * replay them (the run's last file to be parsed), which saves the recording's work. Replays still happen.
     */
    private static final ThreadLocal<Boolean> RECORD = ThreadLocal.withInitial(() -> Boolean.TRUE);

    /** Sets whether the calling thread's units record their inclusions for later ones (see {@link #RECORD}); returns the setting before. */
    public static boolean recording(boolean on) {
        boolean before = RECORD.get();
        RECORD.set(on);
        return before;
    }

    /** A read that found no macro. */
    private static final Object ABSENT = new Object();
    /** The dictionary's key of {@code __COUNTER__}. */
    private static final Object COUNTER_KEY = counterKey();

    private static Object counterKey() {
        CharArrayMap<Object> m = new CharArrayMap<>(1);
        m.put("__COUNTER__".toCharArray(), Boolean.TRUE);
        try {
            @SuppressWarnings("unchecked")
            Map<Object, Object> inner = (Map<Object, Object>) MAP.get(m);
            return inner.keySet().iterator().next();
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    /** Kinds of the events a session logs while inclusions are open. */
    private static final byte READ = 0, WRITE = 1, ASK = 2, MARK = 3, REPLAY = 4, COUNT = 5;

    /** An inclusion being preprocessed (and recorded): its events are those logged from {@code from} to {@code to}. */
    private static final class Frame {
        final String path;
        /** The location map's context of the inclusion (null until the preprocessor pushed it). */
        Object ctx;
        boolean detecting;
        boolean guarded;
        boolean poisoned;
        final int from;
        int to;
        /** The sequence number the inclusion starts at (once pushed). */
        int start = -1;
        /** The value of {@code __COUNTER__} when the inclusion ended. */
        long counterEnd = -1;

        Frame(String path, boolean poisoned, int from) {
            this.path = path;
            this.poisoned = poisoned;
            this.from = from;
        }
    }

    /**
     * What a span of events amounts to for the state it started from: the first read of each name (unless a
     * write of it came first), every write in order, the first question about each header (unless it was
     * marked first), every header marked; a replayed inclusion counts as its own reads and writes.
     */
    private static final class Effects {
        final KeySet seen = new KeySet();
        final HeaderPruner.IntList readHashes = new HeaderPruner.IntList(), writeHashes = new HeaderPruner.IntList();
        final HashMap<String, Boolean> seenPaths = new HashMap<>();
        final ArrayList<Object> readKeys = new ArrayList<>(), readValues = new ArrayList<>(), writeKeys = new ArrayList<>();
        final ArrayList<PreprocessorMacro> writeValues = new ArrayList<>();
        final ArrayList<String> askedPaths = new ArrayList<>(), marked = new ArrayList<>();
        final ArrayList<Boolean> askedAnswers = new ArrayList<>();
        long counterStart = -1;

        void count(long value) {
            if (counterStart < 0) counterStart = value;
        }

        void read(Object k, int h, Object v) {
            if (seen.add(k, h)) {
                readKeys.add(k);
                readValues.add(v);
                readHashes.add(h);
            }
        }

        void write(Object k, int h, PreprocessorMacro v) {
            seen.add(k, h);
            writeKeys.add(k);
            writeValues.add(v);
            writeHashes.add(h);
        }

        void ask(String p, boolean answer) {
            if (seenPaths.putIfAbsent(p, Boolean.TRUE) == null) {
                askedPaths.add(p);
                askedAnswers.add(answer);
            }
        }

        void mark(String p) {
            seenPaths.putIfAbsent(p, Boolean.TRUE);
            marked.add(p);
        }

        void replayed(Entry e) {
            if (e.counterStart >= 0) count(e.counterStart);
            for (int i = 0; i < e.readKeys.length; i++) read(e.readKeys[i], e.readHashes[i], e.readValues[i]);
            for (int i = 0; i < e.writeKeys.length; i++) write(e.writeKeys[i], e.writeHashes[i], e.writeValues[i]);
            for (int i = 0; i < e.askedPaths.length; i++) ask(e.askedPaths[i], e.askedAnswers[i]);
            for (String p : e.marked) mark(p);
        }
    }

    /** A set of the dictionary's keys whose hash codes are given (computed once per key and event, not per set). */
    private static final class KeySet {
        private Object[] keys = new Object[256];
        private int[] hashes = new int[256];
        private int size;

        /** Adds {@code k} (hash code {@code h}); whether it was not there. */
        boolean add(Object k, int h) {
            int mask = keys.length - 1;
            for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
                Object e = keys[i];
                if (e == null) {
                    keys[i] = k;
                    hashes[i] = h;
                    if (++size * 2 > keys.length) grow();
                    return true;
                }
                if (hashes[i] == h && (e == k || e.equals(k))) return false;
            }
        }

        private static int spread(int h) { return (h ^ (h >>> 16)) * 0x9E3779B9; }

        private void grow() {
            Object[] ok = keys;
            int[] oh = hashes;
            keys = new Object[ok.length * 2];
            hashes = new int[ok.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < ok.length; j++) {
                if (ok[j] == null) continue;
                int i = spread(oh[j]) & mask;
                while (keys[i] != null) i = (i + 1) & mask;
                keys[i] = ok[j];
                hashes[i] = oh[j];
            }
        }
    }

    /** A replayed inclusion's tokens, to go where its padding lies in sequence numbers. */
    private static final class Splice {
        final Entry entry;
        int start = -1;

        Splice(Entry entry) { this.entry = entry; }
    }

    /** The include directives of a replayed inclusion, at the sequence number of its padding. */
    private record Placed(int offset, IncludeFact[] includes) {}

    /** Include directives inside replayed inclusions, by translation unit (weakly: they go with the AST). */
    private static final Map<IASTTranslationUnit, List<IncludeFact>> REPLAYED_INCLUDES = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Every include directive {@code tu}'s parse met: those of its location map and those inside the
     * inclusions it replayed.
     */
    public static List<IncludeFact> includes(IASTTranslationUnit tu) {
        List<IncludeFact> out = new ArrayList<>();
        for (IASTPreprocessorIncludeStatement s : tu.getIncludeDirectives()) out.add(fact(s));
        List<IncludeFact> r = REPLAYED_INCLUDES.get(tu);
        if (r != null) out.addAll(r);
        return out;
    }

    private static IncludeFact fact(IASTPreprocessorIncludeStatement s) {
        String p = s.isResolved() ? s.getPath() : null;
        return new IncludeFact(s.getName() == null ? "" : s.getName().toString(), s.isSystemInclude(), s.getContainingFilename(),
                p == null || p.isEmpty() ? null : p);
    }

    /** Texts naming {@code include_next}, by identity: never recorded. */
    private static final Map<AbstractCharArray, Boolean> INCLUDE_NEXT = Collections.synchronizedMap(new WeakHashMap<>());

    private static boolean namesIncludeNext(AbstractCharArray text) {
        return INCLUDE_NEXT.computeIfAbsent(text, t -> {
            int n = t.getLength();
            char[] c = new char[n];
            t.arraycopy(0, c, 0, n);
            return new String(c).contains("include_next");
        });
    }

    /**
     * The macro dictionary's map, reporting every read and write to the session. It sits right on the
     * dictionary's own map, below any budget check.
     */
    private static final class ObservedMap extends ForwardingMap {
        final Session s;

        ObservedMap(Map<Object, Object> m, Session s) {
            super(m);
            this.s = s;
        }

        @Override public Object get(Object k) {
            Object v = m.get(k);
            s.read(k, v);
            return v;
        }

        @Override public boolean containsKey(Object k) { return get(k) != null; }

        @Override public Object put(Object k, Object v) {
            s.write(k, (PreprocessorMacro) v);
            return m.put(k, v);
        }

        @Override public Object remove(Object k) {
            s.write(k, null);
            return m.remove(k);
        }
    }

    /**
     * Starts recording and replaying inclusions for the translation unit {@code pp} preprocesses (before
     * it delivered anything); null when this CDT lacks what it takes. {@code provider} serves {@code pp}.
     */
    @SuppressWarnings("unchecked")
    static Session start(CPreprocessor pp, CachingContentProvider provider, Store store) {
        if (!ENABLED || store == null) return null;
        boolean record = RECORD.get();
        if (!record && store.entries.isEmpty()) return null; // nothing to replay, nothing worth recording
        try {
            CharArrayMap<?> dict = (CharArrayMap<?>) Preambles.DICTIONARY.get(pp);
            Map<Object, Object> raw = (Map<Object, Object>) MAP.get(dict);
            Session s = new Session(store, (LocationMap) pp.getLocationResolver(), raw, provider, record);
            MAP.set(dict, new ObservedMap(raw, s));
            return s;
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    /** Recording and replay for one translation unit. Not thread-safe: one preprocessor's thread. */
    static final class Session {
        private final Store store;
        /** Whether this unit's inclusions are recorded (else it only replays). */
        private final boolean record;
        private final LocationMap lm;
        private final Map<Object, Object> raw;
        private final CachingContentProvider provider;
        private final ArrayDeque<Frame> stack = new ArrayDeque<>();
        /** Inclusions to record, their effects worked out, waiting for the unit's tokens. */
        private final List<Entry> recorded = new ArrayList<>();
        private final List<Frame> finished = new ArrayList<>();
        private final ArrayDeque<Splice> splices = new ArrayDeque<>();
        private final List<Placed> placed = new ArrayList<>();
        private Splice unplaced;
        private Object lastCtx;
        private int replays;
        // the events of the open inclusions, in order (reset when none is open)
        private byte[] kinds = new byte[1 << 14];
        private Object[] keys = new Object[1 << 14];
        private Object[] values = new Object[1 << 14];
        private int[] hashes = new int[1 << 14];
        private int events;

        private Session(Store store, LocationMap lm, Map<Object, Object> raw, CachingContentProvider provider, boolean record) {
            this.store = store;
            this.record = record;
            this.lm = lm;
            this.raw = raw;
            this.provider = provider;
        }

        /** Whether an inclusion was replayed in this unit. */
        boolean replayed() { return replays > 0; }

        private void log(byte kind, Object key, Object value) {
            if (events == kinds.length) {
                int n = kinds.length * 2;
                kinds = Arrays.copyOf(kinds, n);
                keys = Arrays.copyOf(keys, n);
                values = Arrays.copyOf(values, n);
                hashes = Arrays.copyOf(hashes, n);
            }
            // a name's hash code, computed once here for every inclusion that works out its effects
            if (kind == READ || kind == WRITE) hashes[events] = key.hashCode();
            kinds[events] = kind;
            keys[events] = key;
            values[events] = value;
            events++;
        }

        private Object currentCtx() {
            try {
                return CURRENT_CTX.get(lm);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Ends the frames whose context the preprocessor has left. */
        private void sync() {
            if (stack.isEmpty()) return;
            Object cur = currentCtx();
            if (cur == lastCtx) return;
            lastCtx = cur;
            while (!stack.isEmpty()) {
                Frame top = stack.peek();
                if (top.ctx == null || within(cur, top.ctx)) return;
                pop();
            }
        }

        /** The first sequence number of a location-map context. */
        private static int sequenceNumber(Object ctx) {
            try {
                return SEQUENCE_NUMBER.getInt(ctx);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        private static boolean within(Object ctx, Object ancestor) {
            for (ILocationCtx c = (ILocationCtx) ctx; c != null; c = c.getParent()) if (c == ancestor) return true;
            return false;
        }

        private void pop() {
            Frame f = stack.pop();
            f.to = events;
            f.counterEnd = counter(null);
            Frame parent = stack.peek();
            if (parent != null) parent.poisoned |= f.poisoned;
            if (f.guarded && f.ctx != null) finished.add(f);
            else if (DEBUG) System.err.println("mmlint: inclusion memo: not recorded (no guard detected): " + f.path);
        }

        /**
         * With no inclusion open (and the token being delivered seen by {@link #delivered}): works out what the
         * finished inclusions read and wrote, and starts the log anew.
         */
        private void settle() {
            if (!stack.isEmpty()) return;
            for (Frame g : finished) {
                if (!g.poisoned) effects(g);
                else if (DEBUG) System.err.println("mmlint: inclusion memo: not recorded (poisoned): " + g.path);
            }
            finished.clear();
            Arrays.fill(keys, 0, events, null);
            Arrays.fill(values, 0, events, null);
            events = 0;
        }

        /** Keeps {@code f} to record when the unit's tokens are known, with what its events amount to. */
        private void effects(Frame f) {
            if (!record || store.tokens >= MAX_TOKENS) return;
            List<Entry> vs = store.entries.get(f.path);
            if (vs != null && vs.size() >= VARIANTS) return;
            int start = sequenceNumber(f.ctx), length;
            try {
                length = (Integer) SEQUENCE_LENGTH.invoke(f.ctx);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (length <= 0) return;
            Effects x = new Effects();
            for (int i = f.from; i < f.to; i++) {
                switch (kinds[i]) {
                    case READ -> x.read(keys[i], hashes[i], values[i]);
                    case WRITE -> x.write(keys[i], hashes[i], (PreprocessorMacro) values[i]);
                    case ASK -> x.ask((String) keys[i], (Boolean) values[i]);
                    case MARK -> x.mark((String) keys[i]);
                    case COUNT -> x.count((Long) values[i]);
                    default -> x.replayed((Entry) keys[i]);
                }
            }
            recorded.add(new Entry(f.path, x, start, length, f.counterEnd));
        }

        void read(Object key, Object found) {
            sync();
            Frame top = stack.peek();
            if (top == null) return;
            top.detecting = false;
            if (found instanceof CounterMacro c) {
                // its value is state like a macro's: the inclusion depends on the value it starts from, and sets the one it ends with
                log(COUNT, key, Preambles.counter(c, null));
                return;
            }
            if (found instanceof DynamicMacro && !fileOrLine(found)) {
                if (DEBUG && !top.poisoned) System.err.println("mmlint: inclusion memo: poisons " + top.path + ": reads " + key);
                top.poisoned = true;
            }
            log(READ, key, found == null ? ABSENT : found);
        }

        void write(Object key, PreprocessorMacro value) {
            sync();
            Frame top = stack.peek();
            if (top == null) return;
            top.detecting = false;
            log(WRITE, key, value);
        }

        /** The provider was asked whether {@code path} was included (guard or pragma once). */
        void asked(String path, boolean included) {
            sync();
            if (!stack.isEmpty()) log(ASK, path, included);
        }

        /** The preprocessor marked {@code path} as included (its guard detected, or {@code #pragma once}). */
        void marked(String path) {
            sync();
            Frame top = stack.peek();
            if (top == null) return;
            if (top.detecting && top.path.equals(path)) top.guarded = true;
            top.detecting = false;
            log(MARK, path, null);
        }

        /**
         * The preprocessor pushed the inclusion of {@code path} (it is about to look for its guard):
         * the frame or the padding served for it gets its context.
         */
        void pushed(String path) {
            if (unplaced != null && unplaced.entry.path.equals(path)) {
                unplaced.start = sequenceNumber(currentCtx());
                splices.add(unplaced);
                opened.add(unplaced);
                if (unplaced.entry.includes.length > 0) placed.add(new Placed(unplaced.start, unplaced.entry.includes));
                unplaced = null;
                return;
            }
            Frame top = stack.peek();
            if (top != null && top.ctx == null && top.path.equals(path)) {
                top.ctx = currentCtx();
                top.detecting = true;
                lastCtx = top.ctx;
                top.start = sequenceNumber(top.ctx);
                opened.add(top);
            }
        }

        /** Inclusions (frames and replays) pushed since the preprocessor delivered its last token. */
        private final List<Object> opened = new ArrayList<>();

        /**
         * The preprocessor delivered {@code tok}. An inclusion pushed while it looked ahead past a token that
         * comes before it (for a string literal to concatenate, for the parenthesis of a function-like macro's
         * call) may have given that look-ahead its first tokens: such an inclusion is not recorded, and a
         * replayed one (which gave the look-ahead nothing) cannot stand for it.
         */
        void delivered(IToken tok) {
            if (!opened.isEmpty()) {
                int offset = tok.getOffset();
                for (Object o : opened) {
                    if (o instanceof Splice s && offset < s.start)
                        throw new ReplayScanner.NotReplayable("the inclusion of " + s.entry.path + " was replayed during a look-ahead");
                    if (o instanceof Frame f && offset < f.start) {
                        if (DEBUG && !f.poisoned) System.err.println("mmlint: inclusion memo: poisons " + f.path + ": look-ahead");
                        f.poisoned = true;
                    }
                }
                opened.clear();
            }
            if (events > 0 && !finished.isEmpty()) settle();
        }

        /**
         * An inclusion of {@code path} (text {@code text}) about to be served: the padding of a recorded
         * inclusion whose reads all find the same now (replayed), or null: served as source, and recorded.
         */
        org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent include(String path, AbstractCharArray text) {
            sync();
            if (unplaced != null) throw new ReplayScanner.NotReplayable("inclusion of " + unplaced.entry.path + " not pushed");
            List<Entry> vs = store.entries.get(path);
            if (vs != null) {
                for (Entry e : vs) {
                    if (valid(e)) {
                        replay(e);
                        return new org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent(path, Preambles.padding(e.length), 0, 0, 0);
                    }
                }
            }
            if (DEBUG && vs != null) System.err.println("mmlint: inclusion memo: " + path + " preprocessed: " + mismatch(vs.get(0)));
            PREPROCESSED.increment();
            boolean next = namesIncludeNext(text);
            if (DEBUG && next) System.err.println("mmlint: inclusion memo: poisons " + path + ": include_next");
            stack.push(new Frame(path, next, events));
            return null;
        }

        private boolean valid(Entry e) { return firstDifference(e) == SAME; }

        /** {@link #firstDifference}: every read of the entry finds the same now. */
        private static final int SAME = Integer.MIN_VALUE;
        /** {@link #firstDifference}: {@code __COUNTER__} has another value. */
        private static final int COUNTER_DIFFERS = -1;

        /**
         * The first read of {@code e} that finds something else now: {@link #SAME}, {@link #COUNTER_DIFFERS}, the
         * question {@code -2 - i} about {@code askedPaths[i]}, or the macro read {@code i}.
         */
        private int firstDifference(Entry e) {
            if (e.counterStart >= 0 && counter(null) != e.counterStart) return COUNTER_DIFFERS;
            // the headers asked about first: a few hundred questions, and what tells one state of the includer from another
            for (int i = 0; i < e.askedPaths.length; i++)
                if (provider.includedBefore(e.askedPaths[i]) != e.askedAnswers[i]) return -2 - i;
            for (int i = 0; i < e.readKeys.length; i++) {
                Object now = raw.get(e.readKeys[i]);
                Object then = e.readValues[i];
                if (then == ABSENT ? now != null : !same((PreprocessorMacro) now, (PreprocessorMacro) then)) return i;
            }
            return SAME;
        }

        /** Why {@code e} is not replayed now (for {@link #DEBUG}). */
        private String mismatch(Entry e) {
            int d = firstDifference(e);
            if (d == SAME) return "nothing differs";
            if (d == COUNTER_DIFFERS) return "__COUNTER__ was " + e.counterStart + ", now " + counter(null);
            if (d < 0) {
                int i = -2 - d;
                return e.askedPaths[i] + (e.askedAnswers[i] ? " was included, now not" : " was not included, now is");
            }
            Object then = e.readValues[d];
            return "macro " + e.readKeys[d] + " was " + (then == ABSENT ? "undefined" : then) + ", now " + raw.get(e.readKeys[d]);
        }

        /** The value of this unit's {@code __COUNTER__} (set to {@code value} first, when that is not null); -1 when it has none. */
        private long counter(Long value) {
            return raw.get(COUNTER_KEY) instanceof CounterMacro m ? Preambles.counter(m, value) : -1;
        }

        private Entry lastReplayed;

        /** The headers the inclusion replayed last marked as included (its own and its nested ones with a guard). */
        List<String> lastReplayedIncluded() { return lastReplayed == null ? List.of() : Arrays.asList(lastReplayed.marked); }

        private void replay(Entry e) {
            lastReplayed = e;
            for (int i = 0; i < e.writeKeys.length; i++) {
                if (e.writeValues[i] == null) raw.remove(e.writeKeys[i]);
                else raw.put(e.writeKeys[i], e.writeValues[i]);
            }
            for (String p : e.marked) provider.markIncluded(p);
            if (e.counterStart >= 0) counter(e.counterEnd);
            if (!stack.isEmpty()) log(REPLAY, e, null);
            unplaced = new Splice(e);
            replays++;
        }

        /**
         * The tokens of replayed inclusions that come before a token delivered at {@code [offset, end)},
         * shifted to their padding's place; null when none does. A token overlapping a padding (two
         * string literals concatenated across an inclusion) cannot be replayed.
         */
        IToken[] before(int offset, int end) {
            Splice s = splices.peek();
            if (s == null) return null;
            int startAt = s.start, endAt = s.start + s.entry.length;
            if (end <= startAt && offset < startAt) return null;
            if (offset < endAt) throw new ReplayScanner.NotReplayable("a token at " + offset + " overlaps the replayed inclusion of " + s.entry.path);
            splices.poll();
            int delta = startAt - s.entry.base;
            IToken[] out = new IToken[s.entry.to - s.entry.from];
            for (int i = 0; i < out.length; i++) {
                Token c = ((Token) s.entry.tokens[s.entry.from + i]).clone();
                c.shiftOffset(delta);
                c.setNext(null);
                out[i] = c;
            }
            REPLAYED_TOKENS.add(out.length);
            return out;
        }

        /** Whether replayed tokens are still waiting for their place. */
        boolean pending() { return !splices.isEmpty() || unplaced != null; }

        private final List<IncludeFact> replayedIncludes = new ArrayList<>();

        /**
         * The unit was preprocessed to its end and delivered {@code toks}: records the inclusions that
         * can be (their tokens copied, before the parser touches them) and gathers the replayed include
         * directives for {@link #attach}.
         */
        void finish(List<IToken> toks, CPreprocessor pp) {
            lastCtx = null;
            while (!stack.isEmpty()) pop();
            opened.clear(); // nothing came after them
            settle();
            REPLAYED.add(replays);
            for (Placed p : placed) replayedIncludes.addAll(Arrays.asList(p.includes()));
            if (recorded.isEmpty()) return;
            if (store.tokens >= MAX_TOKENS) {
                recorded.clear();
                return;
            }
            int n = toks.size();
            int[] offsets = new int[n];
            for (int i = 0; i < n; i++) {
                offsets[i] = toks.get(i).getOffset();
                if (i > 0 && offsets[i] < offsets[i - 1]) return; // not in sequence order: nothing is recorded
            }
            // every include directive of the unit, at its sequence number
            List<Placed> directives = new ArrayList<>(placed);
            for (IASTPreprocessorIncludeStatement s : pp.getLocationResolver().getIncludeDirectives()) {
                if (s instanceof org.eclipse.cdt.internal.core.dom.parser.ASTNode a)
                    directives.add(new Placed(a.getOffset(), new IncludeFact[] {fact(s)}));
            }
            directives.sort(java.util.Comparator.comparingInt(Placed::offset));
            int[] dirOffsets = new int[directives.size()];
            for (int i = 0; i < dirOffsets.length; i++) dirOffsets[i] = directives.get(i).offset();
            // the inclusions to record and their token ranges; nested ones share the copies of their tokens
            List<Entry> keep = new ArrayList<>();
            List<int[]> ranges = new ArrayList<>();
            int[] cover = new int[n + 1];
            for (Entry e : recorded) {
                List<Entry> vs = store.entries.get(e.path);
                if (vs != null && vs.size() >= VARIANTS) continue; // a guarded header is recorded once per unit: this holds for the adds below
                int lo = lowerBound(offsets, e.base), hi = lowerBound(offsets, e.base + e.length);
                if (!selfContained(toks, lo, hi, e.base + e.length)) {
                    if (DEBUG) System.err.println("mmlint: inclusion memo: not recorded (not self-contained): " + e.path);
                    continue;
                }
                keep.add(e);
                ranges.add(new int[] {lo, hi});
                cover[lo]++;
                cover[hi]--;
            }
            int[] index = new int[n + 1]; // token i's place among the copies (of the tokens before it, for one not copied)
            List<IToken> copies = new ArrayList<>();
            for (int i = 0, c = 0; i < n; i++) {
                c += cover[i];
                index[i] = copies.size();
                if (c > 0) {
                    Token t = ((Token) toks.get(i)).clone();
                    t.setNext(null);
                    Preambles.forgetSource(t);
                    copies.add(t);
                }
            }
            index[n] = copies.size();
            IToken[] shared = copies.toArray(new IToken[0]);
            for (int k = 0; k < keep.size(); k++) {
                Entry e = keep.get(k);
                List<Entry> vs = store.entries.computeIfAbsent(e.path, x -> new ArrayList<>(2));
                List<IncludeFact> inc = new ArrayList<>();
                for (int i = lowerBound(dirOffsets, e.base), end = lowerBound(dirOffsets, e.base + e.length); i < end; i++)
                    inc.addAll(Arrays.asList(directives.get(i).includes()));
                e.tokens = shared;
                e.from = index[ranges.get(k)[0]];
                e.to = index[ranges.get(k)[1]];
                e.includes = inc.toArray(new IncludeFact[0]);
                vs.add(e);
                RECORDED.increment();
            }
            store.tokens += shared.length;
            recorded.clear();
        }

        /**
         * Whether tokens [lo, hi), an inclusion's, stand alone: none reaches past the inclusion's end (a string
         * literal concatenated with one after it), and the last is neither an identifier (a function-like
         * macro's name whose parenthesis may follow elsewhere) nor a string literal.
         */
        private static boolean selfContained(List<IToken> toks, int lo, int hi, int end) {
            for (int i = lo; i < hi; i++) if (toks.get(i).getEndOffset() > end) return false;
            if (hi == lo) return true;
            int last = toks.get(hi - 1).getType();
            return last != IToken.tIDENTIFIER && last != IToken.tSTRING && last != IToken.tLSTRING && last != IToken.tUTF16STRING
                    && last != IToken.tUTF32STRING && last != IToken.tUSER_DEFINED_STRING_LITERAL;
        }

        /** Keeps the include directives inside the inclusions this unit replayed with its AST ({@link #includes}). */
        void attach(IASTTranslationUnit tu) {
            if (tu != null && !replayedIncludes.isEmpty()) REPLAYED_INCLUDES.put(tu, List.copyOf(replayedIncludes));
        }

        /** The macros in effect (the dictionary's own map). */
        Map<Object, Object> dictionary() { return raw; }
    }

    private static int lowerBound(int[] a, int key) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static boolean fileOrLine(Object macro) {
        String n = macro.getClass().getSimpleName();
        return n.equals("FileMacro") || n.equals("LineMacro");
    }

    /** Whether two macros expand alike: the same object, or the same kind, name, parameters and replacement text. */
    static boolean same(PreprocessorMacro a, PreprocessorMacro b) {
        if (a == b) return true;
        if (a == null || b == null || a.getClass() != b.getClass()) return false;
        if (a instanceof DynamicMacro) return fileOrLine(a) && Arrays.equals(a.getNameCharArray(), b.getNameCharArray());
        if (!Arrays.equals(a.getNameCharArray(), b.getNameCharArray()) || a.hasVarArgs() != b.hasVarArgs()
                || a.isFunctionStyle() != b.isFunctionStyle() || !Arrays.deepEquals(a.getParameterList(), b.getParameterList()))
            return false;
        if (a instanceof ObjectStyleMacro oa && b instanceof ObjectStyleMacro ob)
            return Arrays.equals(oa.getExpansionImage(), ob.getExpansionImage());
        return false;
    }

    /**
     * {@link #CHECK}: the tokens of a unit that replayed ({@code toks}, {@code top}: whether each came
     * from the main file) and its macros in effect at the end, against a preprocessing of the same unit
     * from scratch by {@code fresh}; an error naming the first difference.
     */
    static void check(String path, List<IToken> toks, boolean[] top, Map<Object, Object> dictionary, CPreprocessor fresh) {
        List<IToken> ref = new ArrayList<>(toks.size());
        List<Boolean> refTop = new ArrayList<>(toks.size());
        try {
            while (true) {
                IToken t = fresh.nextToken();
                ref.add(t);
                refTop.add(fresh.isOnTopContext());
            }
        } catch (org.eclipse.cdt.core.parser.EndOfFileException e) {
            // the end
        }
        int n = Math.min(ref.size(), toks.size());
        for (int i = 0; i < n; i++) {
            IToken a = toks.get(i), b = ref.get(i);
            if (a.getType() != b.getType() || a.getOffset() != b.getOffset() || a.getEndOffset() != b.getEndOffset()
                    || !Arrays.equals(a.getCharImage(), b.getCharImage()) || top[i] != refTop.get(i))
                throw new AssertionError(path + ": replayed inclusions: token " + i + " is " + a + "@" + a.getOffset() + (top[i] ? " (main)" : "")
                        + ", from scratch " + b + "@" + b.getOffset() + (refTop.get(i) ? " (main)" : ""));
        }
        if (ref.size() != toks.size())
            throw new AssertionError(path + ": replayed inclusions: " + toks.size() + " tokens, from scratch " + ref.size());
        Map<Object, Object> freshDict;
        try {
            @SuppressWarnings("unchecked")
            Map<Object, Object> m = (Map<Object, Object>) MAP.get(Preambles.DICTIONARY.get(fresh));
            freshDict = m;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        if (freshDict instanceof ObservedMap o) freshDict = o.m;
        if (freshDict.size() != dictionary.size())
            throw new AssertionError(path + ": replayed inclusions: " + dictionary.size() + " macros at the end, from scratch " + freshDict.size());
        for (Map.Entry<Object, Object> e : freshDict.entrySet()) {
            Object mine = dictionary.get(e.getKey());
            if (e.getValue() instanceof DynamicMacro ? mine == null || mine.getClass() != e.getValue().getClass()
                    : !same((PreprocessorMacro) mine, (PreprocessorMacro) e.getValue()))
                throw new AssertionError(path + ": replayed inclusions: macro " + e.getKey() + " is " + mine + ", from scratch " + e.getValue());
        }
        CHECKED.increment();
    }
}
