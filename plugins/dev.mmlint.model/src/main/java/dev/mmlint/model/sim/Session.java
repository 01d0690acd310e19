package dev.mmlint.model.sim;

import dev.mmlint.model.api.EffectInfo;
import dev.mmlint.model.api.EffectKind;
import dev.mmlint.model.api.FieldAccess;
import dev.mmlint.model.api.FieldInfo;
import dev.mmlint.model.api.FunctionSemantics;
import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.model.api.TreeContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One replay in progress: feed operations with {@link #step(Op)}, then {@link #finish()} for the
 * end-of-path checks. A step that breaks a clause returns its violations and is not applied (the
 * state stays consistent); a step no execution can take throws {@link InvalidWitnessException}.
 * Not thread-safe.
 */
public final class Session {

    private static final class Frame {
        final int pfn;
        boolean allocated;
        long life;
        int head;
        int order;
        boolean compound;
        int refcount;
        boolean frozen;
        int mapcount;
        int entire;
        int pincount;
        int mapRefs;
        int extRefs;
        int intentOrder = -1;
        int rangeStart = -1;
        boolean prepared;
        int allocStep = -1;
        int freeStep = -1;

        Frame(int pfn) {
            this.pfn = pfn;
            this.head = pfn;
        }

        void clear() {
            allocated = false;
            head = pfn;
            order = 0;
            compound = false;
            refcount = 0;
            frozen = false;
            mapcount = 0;
            entire = 0;
            pincount = 0;
            mapRefs = 0;
            extRefs = 0;
            intentOrder = -1;
            rangeStart = -1;
            prepared = false;
        }
    }

    private static final class Holding {
        int ref;
        int pin;
        int spec;
        String refFn;
        String pinFn;
        String specFn;
        int specStep = -1;

        int total() {
            return ref + pin + spec;
        }
    }

    private record Binding(int pfn, long life) {
    }

    private static final class GupArray {
        final int obtained;
        final boolean pin;
        final String fn;
        final boolean[] released;

        GupArray(int obtained, boolean pin, String fn) {
            this.obtained = obtained;
            this.pin = pin;
            this.fn = fn;
            this.released = new boolean[Math.max(obtained, 0)];
        }
    }

    private final ReferenceModel model;
    private final TreeContext ctx;
    private final SimConfig cfg;
    private final Frame[] frames;
    private final Map<String, Binding> vars = new HashMap<>();
    private final Map<Integer, Holding> holdings = new TreeMap<>();
    private final Map<String, GupArray> arrays = new HashMap<>();
    private final List<String> log = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();
    private long lifeCounter;
    private int step;
    private boolean finished;

    Session(ReferenceModel model, TreeContext ctx, SimConfig cfg) {
        this.model = model;
        this.ctx = ctx;
        this.cfg = cfg;
        this.frames = new Frame[cfg.frames()];
        for (int i = 0; i < frames.length; i++) frames[i] = new Frame(i);
    }

    public List<String> log() {
        return List.copyOf(log);
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public int stepCount() {
        return step;
    }

    // =================================================================== public stepping

    public List<Violation> step(Op op) {
        if (finished) throw new IllegalStateException("session finished");
        List<Violation> found = new ArrayList<>();
        apply(op, found);
        log.add(step + ": " + op.text() + (found.isEmpty() ? "" : "  -> " + found.get(0).kind()));
        violations.addAll(found);
        step++;
        return found;
    }

    /** End-of-path checks: references, speculative references and pins the path still holds. */
    public List<Violation> finish() {
        if (finished) return List.of();
        finished = true;
        List<Violation> found = new ArrayList<>();
        if (cfg.checkLeaks()) {
            for (Map.Entry<Integer, Holding> e : holdings.entrySet()) {
                Holding h = e.getValue();
                int pfn = e.getKey();
                if (h.ref > 0) found.add(v(ViolationKind.LEAK, h.refFn, new EffectKind[] {EffectKind.GETS_REF, EffectKind.COUNT_TAKEN},
                        h.ref + " reference(s) on the page at pfn " + pfn + " taken by " + h.refFn + "() are never dropped"));
                if (h.pin > 0) found.add(v(ViolationKind.LEAK, h.pinFn, new EffectKind[] {EffectKind.PINS},
                        h.pin + " pin(s) on the page at pfn " + pfn + " taken by " + h.pinFn + "() are never released with unpin_user_page*()"));
                if (h.spec > 0) found.add(v(ViolationKind.LEAK, h.specFn, new EffectKind[] {EffectKind.SPECULATIVE_REF},
                        "speculative reference on the page at pfn " + pfn + " taken by " + h.specFn + "() at step " + h.specStep
                                + " is never validated nor dropped"));
            }
        }
        violations.addAll(found);
        return found;
    }

    // =================================================================== views for tests and tools

    public FrameView frame(int pfn) {
        Frame f = frames[pfn];
        Holding h = holdings.get(pfn);
        return new FrameView(pfn, f.allocated, f.compound, f.head, f.order, f.refcount, f.frozen, f.mapcount, f.entire,
                f.pincount, f.mapRefs, f.extRefs, h == null ? 0 : h.ref + h.spec, h == null ? 0 : h.pin, h == null ? 0 : h.spec);
    }

    public List<FrameView> frames() {
        List<FrameView> out = new ArrayList<>();
        for (int i = 0; i < frames.length; i++) out.add(frame(i));
        return out;
    }

    /** The pfn a variable points at, if bound. */
    public Optional<Integer> pfnOf(String var) {
        Binding b = vars.get(var);
        return b == null ? Optional.empty() : Optional.of(b.pfn());
    }

    /** compound_head() of a pfn as the simulated machine would answer it now. */
    public int compoundHead(int pfn) {
        Frame f = frames[pfn];
        return f.allocated ? f.head : pfn;
    }

    /** Internal consistency of the simulated memory; empty when every invariant holds. */
    public List<String> invariantProblems() {
        List<String> p = new ArrayList<>();
        for (Frame f : frames) {
            Holding h = holdings.get(f.pfn);
            if (f.refcount < 0 || f.mapcount < 0 || f.pincount < 0 || f.entire < 0) p.add("pfn " + f.pfn + ": negative count");
            if (!f.allocated) {
                if (f.refcount != 0 || f.mapcount != 0 || f.pincount != 0 || (h != null && h.total() > 0)) {
                    p.add("pfn " + f.pfn + ": free page with counts or holders");
                }
                continue;
            }
            Frame head = frames[f.head];
            if (!head.allocated) p.add("pfn " + f.pfn + ": compound_head() is a free page");
            if (f.compound) {
                if (!head.compound || f.pfn < head.pfn || f.pfn >= head.pfn + (1 << head.order)) p.add("pfn " + f.pfn + ": outside its compound page");
            }
            boolean tail = f.compound && f.head != f.pfn;
            if (tail) {
                if (f.refcount != 0 || f.mapRefs != 0 || f.extRefs != 0 || f.pincount != 0 || (h != null && h.total() > 0)) {
                    p.add("pfn " + f.pfn + ": tail page with a refcount, pins or holders");
                }
                continue;
            }
            int actor = h == null ? 0 : h.total();
            if (f.frozen) {
                if (f.refcount != 0) p.add("pfn " + f.pfn + ": frozen with refcount " + f.refcount);
            } else if (f.refcount != f.mapRefs + f.extRefs + actor) {
                p.add("pfn " + f.pfn + ": refcount " + f.refcount + " != mappings " + f.mapRefs + " + foreign " + f.extRefs + " + path " + actor);
            }
            if (f.pincount != (h == null ? 0 : h.pin)) p.add("pfn " + f.pfn + ": pincount " + f.pincount + " != pins held");
            int maps = f.entire;
            for (int i = f.pfn; i < f.pfn + (f.compound ? 1 << f.order : 1); i++) maps += frames[i].mapcount;
            if (maps != f.mapRefs) p.add("pfn " + f.pfn + ": mapcounts " + maps + " != mapping references " + f.mapRefs);
        }
        return p;
    }

    // =================================================================== helpers

    private InvalidWitnessException invalid(String msg) {
        return new InvalidWitnessException(step, msg);
    }

    private Binding binding(String var) {
        Binding b = vars.get(var);
        if (b == null) throw invalid("unknown variable '" + var + "'");
        return b;
    }

    private Frame frameOf(String var) {
        return frames[binding(var).pfn()];
    }

    private boolean stale(Binding b) {
        Frame f = frames[b.pfn()];
        return !f.allocated || f.life != b.life();
    }

    private boolean isTail(Frame f) {
        return f.allocated && f.compound && f.head != f.pfn;
    }

    private Frame headOf(Frame f) {
        return f.allocated ? frames[f.head] : f;
    }

    private Holding holding(int pfn) {
        return holdings.computeIfAbsent(pfn, k -> new Holding());
    }

    private Holding holdingOrEmpty(int pfn) {
        Holding h = holdings.get(pfn);
        return h == null ? new Holding() : h;
    }

    private int section(int pfn) {
        return pfn / cfg.sectionPages();
    }

    private void bind(String var, int pfn) {
        vars.put(var, new Binding(pfn, frames[pfn].life));
    }

    private String describe(String var, Frame f) {
        String s = var + " (pfn " + f.pfn + ")";
        if (isTail(f)) s += ", a tail of the compound page at pfn " + f.head;
        return s;
    }

    private String staleStory(Binding b) {
        Frame f = frames[b.pfn()];
        if (!f.allocated) return "the page at pfn " + b.pfn() + " was freed at step " + f.freeStep;
        return "the page at pfn " + b.pfn() + " was freed at step " + f.freeStep + " and reallocated at step " + f.allocStep;
    }

    /** Builds a violation citing the clause of {@code fn}'s first effect among {@code kinds}. */
    private Violation v(ViolationKind kind, String fn, EffectKind[] kinds, String explanation) {
        String clause = null;
        String rule = null;
        if (fn != null) {
            Optional<FunctionSemantics> fs = model.function(fn, ctx);
            if (fs.isPresent()) {
                for (EffectKind k : kinds) {
                    Optional<EffectInfo> e = fs.get().find(k);
                    if (e.isPresent()) {
                        clause = e.get().clause().id();
                        rule = e.get().clause().rule();
                        break;
                    }
                }
            }
        }
        if (clause == null) return fallback(kind, explanation);
        return new Violation(kind, clause, rule, step, explanation);
    }

    private Violation fallback(ViolationKind kind, String explanation) {
        return new Violation(kind, "sim." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), kind.defaultRule(), step, explanation);
    }

    private Violation anyOfKind(ViolationKind kind, EffectKind effect, String explanation) {
        List<EffectInfo> es = model.effectsOfKind(effect, ctx);
        if (es.isEmpty()) return fallback(kind, explanation);
        return new Violation(kind, es.get(0).clause().id(), es.get(0).clause().rule(), step, explanation);
    }

    private Violation useAfterFree(String var, Binding b, String fn) {
        String what = var + " is used after " + staleStory(b);
        if (fn == null) return fallback(ViolationKind.USE_AFTER_FREE, what);
        Optional<FunctionSemantics> fs = model.function(fn, ctx);
        if (fs.isPresent() && !fs.get().effects().isEmpty()) {
            EffectInfo e = fs.get().effects().get(0);
            return new Violation(ViolationKind.USE_AFTER_FREE, e.clause().id(), e.clause().rule(), step, fn + "(): " + what);
        }
        return fallback(ViolationKind.USE_AFTER_FREE, what);
    }

    /** The path uses var while holding only an unvalidated speculative reference on its compound page. */
    private Optional<Violation> unvalidated(String var, Frame f) {
        Frame head = headOf(f);
        Holding h = holdings.get(head.pfn);
        if (h == null || h.spec == 0 || h.ref > 0 || h.pin > 0) return Optional.empty();
        return Optional.of(v(ViolationKind.UNVALIDATED_USE, h.specFn, new EffectKind[] {EffectKind.SPECULATIVE_REF},
                describe(var, f) + " is used at step " + step + " while the only reference is the speculative one "
                        + h.specFn + "() took at step " + h.specStep + ", never validated; it may pin an unrelated page"));
    }

    private void dropRef(Frame head) {
        head.refcount--;
        if (head.refcount == 0 && !head.frozen) freeCompound(head);
    }

    private void freeCompound(Frame head) {
        int n = head.compound ? 1 << head.order : 1;
        for (int i = head.pfn; i < head.pfn + n; i++) {
            frames[i].clear();
            frames[i].freeStep = step;
        }
        holdings.remove(head.pfn);
        log.add(step + ":   freed pfn " + head.pfn + (n > 1 ? ".." + (head.pfn + n - 1) : ""));
    }

    private int findFree(int order) {
        int n = 1 << order;
        for (int base = 0; base + n <= frames.length; base += n) {
            boolean free = true;
            for (int i = base; i < base + n && free; i++) free = !frames[i].allocated;
            if (free) return base;
        }
        throw invalid("out of simulated memory for an order-" + order + " allocation");
    }

    private int allocRange(String var, int order) {
        int base = findFree(order);
        for (int i = base; i < base + (1 << order); i++) {
            Frame f = frames[i];
            f.clear();
            f.allocated = true;
            f.life = ++lifeCounter;
            f.allocStep = step;
        }
        return base;
    }

    // =================================================================== semantics

    /** One handler per operation: what it does to the simulated pages, and the violations it raises. */
    @FunctionalInterface
    private interface Handler<O extends Op> {
        void apply(Session s, O op, List<Violation> out);
    }

    private static final java.util.Map<Class<? extends Op>, Handler<Op>> HANDLERS = new java.util.HashMap<>();

    @SuppressWarnings("unchecked")
    private static <O extends Op> void handle(Class<O> kind, Handler<O> h) {
        HANDLERS.put(kind, (Handler<Op>) (Handler<?>) h);
    }

    static {
        handle(Op.Alloc.class, Session::onAlloc);
        handle(Op.ExtAlloc.class, Session::onExtAlloc);
        handle(Op.AllocUnprepared.class, Session::onAllocUnprepared);
        handle(Op.AllocGigantic.class, Session::onAllocGigantic);
        handle(Op.Bind.class, Session::onBind);
        handle(Op.PtrAdd.class, Session::onPtrAdd);
        handle(Op.CompoundHead.class, Session::onCompoundHead);
        handle(Op.Get.class, Session::onGet);
        handle(Op.Put.class, Session::onPut);
        handle(Op.TryGetSpeculative.class, Session::onTryGetSpeculative);
        handle(Op.Validate.class, Session::onValidate);
        handle(Op.Pin.class, Session::onPin);
        handle(Op.Unpin.class, Session::onUnpin);
        handle(Op.Gup.class, Session::onGup);
        handle(Op.Release.class, Session::onRelease);
        handle(Op.Split.class, Session::onSplit);
        handle(Op.Free.class, Session::onFree);
        handle(Op.Map.class, Session::onMap);
        handle(Op.MapPmd.class, Session::onMapPmd);
        handle(Op.Unmap.class, Session::onUnmap);
        handle(Op.UnmapPmd.class, Session::onUnmapPmd);
        handle(Op.ReadField.class, Session::onReadField);
        handle(Op.CallHeadOnly.class, Session::onCallHeadOnly);
        handle(Op.PrepCompound.class, Session::onPrepCompound);
        handle(Op.Freeze.class, Session::onFreeze);
        handle(Op.Unfreeze.class, Session::onUnfreeze);
        handle(Op.SetRefcounted.class, Session::onSetRefcounted);
        handle(Op.SetPageCount.class, Session::onSetPageCount);
        handle(Op.Publish.class, Session::onPublish);
        handle(Op.AssumeExclusive.class, Session::onAssumeExclusive);
        handle(Op.ExtGet.class, Session::onExtGet);
        handle(Op.ExtPut.class, Session::onExtPut);
    }

    /** The operations the session has a handler for (every {@link Op} record; SimulatorTest checks it). */
    static java.util.Set<Class<? extends Op>> handled() {
        return java.util.Set.copyOf(HANDLERS.keySet());
    }

    private void apply(Op op, List<Violation> out) {
        Handler<Op> h = HANDLERS.get(op.getClass());
        if (h == null) throw new IllegalStateException("no handler for " + op.getClass().getSimpleName());
        h.apply(this, op, out);
    }

    private void onAlloc(Op.Alloc a, List<Violation> out) {
        if (a.order() < 0 || a.order() > cfg.maxOrder()) throw invalid("buddy order " + a.order() + " out of range 0.." + cfg.maxOrder());
        int base = allocRange(a.var(), a.order());
        for (int i = base; i < base + (1 << a.order()); i++) {
            frames[i].head = base;
            frames[i].compound = a.order() > 0;
        }
        Frame h = frames[base];
        h.order = a.order();
        h.prepared = true;
        h.refcount = 1;
        Holding hold = holding(base);
        hold.ref = 1;
        hold.refFn = "alloc_pages";
        bind(a.var(), base);
    }

    private void onExtAlloc(Op.ExtAlloc a, List<Violation> out) {
        if (a.order() < 0 || a.order() > cfg.maxOrder()) throw invalid("buddy order " + a.order() + " out of range 0.." + cfg.maxOrder());
        int base = allocRange(a.var(), a.order());
        for (int i = base; i < base + (1 << a.order()); i++) {
            frames[i].head = base;
            frames[i].compound = a.order() > 0;
        }
        Frame h = frames[base];
        h.order = a.order();
        h.prepared = true;
        h.refcount = 1;
        h.extRefs = 1;
        bind(a.var(), base);
    }

    private void onAllocUnprepared(Op.AllocUnprepared a, List<Violation> out) {
        if (a.order() < 0 || a.order() > cfg.maxOrder()) throw invalid("buddy order " + a.order() + " out of range 0.." + cfg.maxOrder());
        int base = allocRange(a.var(), a.order());
        for (int i = base; i < base + (1 << a.order()); i++) frames[i].rangeStart = base;
        frames[base].intentOrder = a.order();
        bind(a.var(), base);
    }

    private void onAllocGigantic(Op.AllocGigantic a, List<Violation> out) {
        if (a.order() < 0 || (1 << a.order()) > frames.length) throw invalid("gigantic order " + a.order() + " does not fit the simulated memory");
        int base = allocRange(a.var(), a.order());
        for (int i = base; i < base + (1 << a.order()); i++) {
            Frame f = frames[i];
            f.rangeStart = base;
            f.refcount = 1;
            Holding hold = holding(i);
            hold.ref = 1;
            hold.refFn = "alloc_contig_pages";
        }
        frames[base].intentOrder = a.order();
        bind(a.var(), base);
    }

    private void onBind(Op.Bind b, List<Violation> out) {
        int pfn = binding(b.base()).pfn() + b.offset();
        if (pfn < 0 || pfn >= frames.length) throw invalid("pfn " + pfn + " outside the simulated memory");
        bind(b.var(), pfn);
    }

    private void onPtrAdd(Op.PtrAdd p, List<Violation> out) {
        int from = binding(p.base()).pfn();
        int pfn = from + p.n();
        if (pfn < 0 || pfn >= frames.length) throw invalid("pfn " + pfn + " outside the simulated memory");
        if (section(from) != section(pfn)) {
            Optional<FunctionSemantics> add = model.function("page_add", ctx);
            Optional<EffectInfo> unsafe = add.flatMap(fs -> fs.find(EffectKind.CONTIGUITY_UNSAFE));
            if (unsafe.isPresent()) {
                out.add(new Violation(ViolationKind.SECTION_CROSSING, unsafe.get().clause().id(), unsafe.get().clause().rule(), step,
                        p.base() + " + " + p.n() + " goes from pfn " + from + " (section " + section(from) + ") to pfn " + pfn
                                + " (section " + section(pfn) + "): the memmap is not contiguous across sections here, the struct page is wrong"));
                return;
            }
        }
        bind(p.var(), pfn);
    }

    private void onCompoundHead(Op.CompoundHead c, List<Violation> out) {
        bind(c.var(), compoundHead(binding(c.page()).pfn()));
    }

    private void onGet(Op.Get g, List<Violation> out) {
        Binding b = binding(g.page());
        if (stale(b)) {
            out.add(useAfterFree(g.page(), b, g.fn()));
            return;
        }
        Frame head = headOf(frames[b.pfn()]);
        if (head.refcount == 0) {
            out.add(v(ViolationKind.GET_ON_ZERO_REFCOUNT, g.fn(), new EffectKind[] {EffectKind.GETS_REF},
                    g.fn() + "() on " + describe(g.page(), frames[b.pfn()]) + " whose refcount is zero (free, frozen or not yet published): use a speculative get"));
            return;
        }
        head.refcount++;
        Holding h = holding(head.pfn);
        h.ref++;
        h.refFn = g.fn();
    }

    private void onPut(Op.Put p, List<Violation> out) {
        Binding b = binding(p.page());
        Frame f = frames[b.pfn()];
        Frame head = headOf(f);
        Holding h = stale(b) ? new Holding() : holdingOrEmpty(head.pfn);
        if (h.ref > 0) {
            h.ref--;
            dropRef(head);
        } else if (h.spec > 0) {
            h.spec--;
            dropRef(head);
        } else if (h.pin > 0) {
            out.add(v(ViolationKind.PUT_ON_PINNED, h.pinFn, new EffectKind[] {EffectKind.PINS},
                    p.fn() + "() on " + describe(p.page(), f) + " which the path pinned with " + h.pinFn
                            + "(): the pin is never released, use unpin_user_page()"));
        } else if (stale(b)) {
            out.add(useAfterFree(p.page(), b, p.fn()));
        } else {
            out.add(v(ViolationKind.PUT_WITHOUT_REFERENCE, p.fn(), new EffectKind[] {EffectKind.PUTS_REF},
                    p.fn() + "() on " + describe(p.page(), f) + " drops a reference the path does not hold (refcount "
                            + head.refcount + " belongs to others)"));
        }
    }

    private void onTryGetSpeculative(Op.TryGetSpeculative t, List<Violation> out) {
        Binding b = binding(t.page());
        Frame f = frames[b.pfn()];
        if (isTail(f)) {
            out.add(v(ViolationKind.SPECULATIVE_ON_TAIL, t.fn(), new EffectKind[] {EffectKind.REQUIRES_HEAD, EffectKind.SPECULATIVE_REF},
                    t.fn() + "() on " + describe(t.page(), f) + ": a tail's refcount is always zero, take the speculative reference on compound_head()"));
            return;
        }
        if (!f.allocated || f.refcount == 0) {
            if (t.mustSucceed()) throw invalid(t.fn() + "() cannot succeed: the refcount of pfn " + f.pfn + " is zero");
            log.add(step + ":   " + t.fn() + "() failed");
            return;
        }
        f.refcount++;
        Holding h = holding(f.pfn);
        h.spec++;
        h.specFn = t.fn();
        h.specStep = step;
        if (stale(b)) log.add(step + ":   note: " + staleStory(b) + "; the speculative reference pins an unrelated page");
    }

    private void onValidate(Op.Validate va, List<Violation> out) {
        Binding pb = binding(va.page());
        Binding hb = binding(va.head());
        boolean pass = !stale(pb) && !stale(hb) && compoundHead(pb.pfn()) == hb.pfn();
        Holding h = holdings.get(hb.pfn());
        if (pass && h != null && h.spec > 0) {
            h.ref += h.spec;
            if (h.refFn == null) h.refFn = h.specFn;
            h.spec = 0;
        }
        log.add(step + ":   validation " + (pass ? "passes" : "fails"));
    }

    private void onPin(Op.Pin p, List<Violation> out) {
        Binding b = binding(p.page());
        if (stale(b)) {
            out.add(useAfterFree(p.page(), b, p.fn()));
            return;
        }
        Frame head = headOf(frames[b.pfn()]);
        if (head.refcount == 0) throw invalid("pin of pfn " + b.pfn() + " whose refcount is zero");
        head.refcount++;
        head.pincount++;
        Holding h = holding(head.pfn);
        h.pin++;
        h.pinFn = p.fn();
    }

    private void onUnpin(Op.Unpin u, List<Violation> out) {
        Binding b = binding(u.page());
        Frame f = frames[b.pfn()];
        Frame head = headOf(f);
        Holding h = stale(b) ? new Holding() : holdingOrEmpty(head.pfn);
        if (h.pin > 0) {
            h.pin--;
            head.pincount--;
            dropRef(head);
        } else {
            String why = h.ref > 0 ? "; the path holds a reference from " + h.refFn + "(), release it with put_page()" : "";
            out.add(v(ViolationKind.UNPIN_NOT_PINNED, u.fn(), new EffectKind[] {EffectKind.UNPINS},
                    u.fn() + "() on " + describe(u.page(), f) + " which the path did not pin" + why));
        }
    }

    private void onGup(Op.Gup g, List<Violation> out) {
        gup(g);
    }

    private void onRelease(Op.Release r, List<Violation> out) {
        release(r, out);
    }

    private void onSplit(Op.Split s, List<Violation> out) {
        split(s);
    }

    private void onFree(Op.Free fr, List<Violation> out) {
        Frame f = frameOf(fr.page());
        if (!f.allocated) throw invalid("free of pfn " + f.pfn + " which is already free");
        Frame head = headOf(f);
        int n = head.compound ? 1 << head.order : 1;
        for (int i = head.pfn; i < head.pfn + n; i++) frames[i].mapcount = 0;
        head.entire = 0;
        head.refcount -= head.mapRefs + head.extRefs;
        head.mapRefs = 0;
        head.extRefs = 0;
        if (head.refcount == 0 && !head.frozen) freeCompound(head);
        else log.add(step + ":   pfn " + head.pfn + " stays allocated: the path holds " + head.refcount + " reference(s)");
    }

    private void onMap(Op.Map m, List<Violation> out) {
        Binding b = binding(m.page());
        if (stale(b)) {
            out.add(useAfterFree(m.page(), b, null));
            return;
        }
        Frame f = frames[b.pfn()];
        if (unpreparedRange(f)) {
            out.add(anyOfKind(ViolationKind.PUBLISHED_BEFORE_PREPARED, EffectKind.PUBLISHES,
                    describe(m.page(), f) + " is mapped before prep_compound_page() set up the compound page it belongs to"));
            return;
        }
        Optional<Violation> u = unvalidated(m.page(), f);
        if (u.isPresent()) {
            out.add(u.get());
            return;
        }
        Frame head = headOf(f);
        if (head.refcount == 0) throw invalid("map of pfn " + f.pfn + " whose refcount is zero");
        f.mapcount++;
        head.mapRefs++;
        head.refcount++;
    }

    private void onMapPmd(Op.MapPmd m, List<Violation> out) {
        Frame f = frameOf(m.page());
        if (!f.allocated || !f.compound || f.head != f.pfn) throw invalid("map_pmd of pfn " + f.pfn + " which is not the head of a compound page");
        if (f.refcount == 0) throw invalid("map_pmd of pfn " + f.pfn + " whose refcount is zero (frozen or unpublished)");
        f.entire++;
        f.mapRefs++;
        f.refcount++;
    }

    private void onUnmap(Op.Unmap u, List<Violation> out) {
        Frame f = frameOf(u.page());
        if (!f.allocated || f.mapcount == 0) throw invalid("unmap of pfn " + f.pfn + " which is not mapped");
        Frame head = headOf(f);
        f.mapcount--;
        head.mapRefs--;
        dropRef(head);
    }

    private void onUnmapPmd(Op.UnmapPmd u, List<Violation> out) {
        Frame f = frameOf(u.page());
        Frame head = headOf(f);
        if (!f.allocated || head.entire == 0) throw invalid("unmap_pmd of pfn " + f.pfn + " which is not PMD-mapped");
        head.entire--;
        head.mapRefs--;
        dropRef(head);
    }

    private void onReadField(Op.ReadField r, List<Violation> out) {
        Binding b = binding(r.page());
        Optional<FieldInfo> fi = model.field(r.struct(), r.field(), ctx);
        if (stale(b)) {
            String what = r.page() + "->" + r.field() + " is read after " + staleStory(b);
            out.add(fi.map(x -> new Violation(ViolationKind.USE_AFTER_FREE, x.clause().id(), x.clause().rule(), step, what))
                    .orElseGet(() -> fallback(ViolationKind.USE_AFTER_FREE, what)));
            return;
        }
        Frame f = frames[b.pfn()];
        if (fi.isPresent() && fi.get().access() == FieldAccess.HEAD_ONLY && isTail(f) && "page".equals(r.struct())) {
            out.add(new Violation(ViolationKind.HEAD_ONLY_FIELD_ON_TAIL, fi.get().clause().id(), fi.get().clause().rule(), step,
                    describe(r.page(), f) + ": page->" + r.field() + " is only meaningful on the head; read it through compound_head() or the folio"));
            return;
        }
        unvalidated(r.page(), f).ifPresent(out::add);
    }

    private void onCallHeadOnly(Op.CallHeadOnly c, List<Violation> out) {
        Binding b = binding(c.page());
        if (stale(b)) {
            out.add(useAfterFree(c.page(), b, c.fn()));
            return;
        }
        Frame f = frames[b.pfn()];
        Optional<EffectInfo> req = model.function(c.fn(), ctx).flatMap(fs -> fs.requiresHead(c.arg()));
        if (req.isPresent() && isTail(f)) {
            out.add(new Violation(ViolationKind.HEAD_ONLY_CALL_ON_TAIL, req.get().clause().id(), req.get().clause().rule(), step,
                    c.fn() + "() requires a head page as argument " + (c.arg() + 1) + " but gets " + describe(c.page(), f)));
            return;
        }
        unvalidated(c.page(), f).ifPresent(out::add);
    }

    private void onPrepCompound(Op.PrepCompound p, List<Violation> out) {
        Frame f = frameOf(p.page());
        if (f.intentOrder < 0 || f.rangeStart != f.pfn || f.prepared) {
            throw invalid("prep_compound of pfn " + f.pfn + " which does not start an unprepared allocation");
        }
        int n = 1 << f.intentOrder;
        for (int i = f.pfn + 1; i < f.pfn + n; i++) {
            Frame t = frames[i];
            if (t.refcount > 0 && !t.frozen) {
                out.add(v(ViolationKind.PREP_OVER_LIVE_REFCOUNT, p.fn(), new EffectKind[] {EffectKind.PREPARES},
                        p.fn() + "() turns pfn " + i + " into a tail while its refcount is " + t.refcount
                                + " and not frozen: a concurrent speculative reference on it is lost; page_ref_freeze() it first"));
                return;
            }
        }
        for (int i = f.pfn; i < f.pfn + n; i++) {
            Frame t = frames[i];
            t.compound = n > 1;
            t.head = f.pfn;
            if (i != f.pfn) {
                t.frozen = false;
                t.refcount = 0;
                holdings.remove(i);
            }
        }
        f.order = f.intentOrder;
        f.prepared = true;
    }

    private void onFreeze(Op.Freeze fz, List<Violation> out) {
        Frame f = frameOf(fz.page());
        if (isTail(f)) {
            out.add(v(ViolationKind.REFCOUNT_ON_TAIL, fz.fn(), new EffectKind[] {EffectKind.REQUIRES_HEAD, EffectKind.FREEZES},
                    fz.fn() + "() on " + describe(fz.page(), f) + ": the refcount lives on the head"));
            return;
        }
        if (f.allocated && !f.frozen && f.refcount == fz.expected() && fz.expected() > 0) {
            if (f.mapRefs > 0 || f.pincount > 0) throw invalid("freeze of pfn " + f.pfn + " which is mapped or pinned");
            holdings.remove(f.pfn);
            f.extRefs = 0;
            f.refcount = 0;
            f.frozen = true;
            log.add(step + ":   frozen");
        } else {
            log.add(step + ":   " + fz.fn() + "() fails (refcount " + f.refcount + ", expected " + fz.expected() + ")");
        }
    }

    private void onUnfreeze(Op.Unfreeze uf, List<Violation> out) {
        Frame f = frameOf(uf.page());
        if (isTail(f)) {
            out.add(v(ViolationKind.REFCOUNT_ON_TAIL, uf.fn(), new EffectKind[] {EffectKind.REQUIRES_HEAD, EffectKind.UNFREEZES},
                    uf.fn() + "() on " + describe(uf.page(), f) + ": the refcount lives on the head"));
            return;
        }
        if (!f.frozen) {
            out.add(v(ViolationKind.UNFREEZE_NOT_FROZEN, uf.fn(), new EffectKind[] {EffectKind.UNFREEZES},
                    uf.fn() + "() on pfn " + f.pfn + " whose refcount (" + f.refcount + ") is not frozen: concurrent references are overwritten"));
            return;
        }
        f.frozen = false;
        f.refcount = uf.count();
        if (uf.count() > 0) {
            Holding h = holding(f.pfn);
            h.ref += uf.count();
            h.refFn = uf.fn();
        } else if (f.refcount == 0) {
            f.frozen = false;
        }
    }

    private void onSetRefcounted(Op.SetRefcounted s, List<Violation> out) {
        setCount(s.page(), 1, s.fn(), out);
    }

    private void onSetPageCount(Op.SetPageCount s, List<Violation> out) {
        setCount(s.page(), s.n(), s.fn(), out);
    }

    private void onPublish(Op.Publish pu, List<Violation> out) {
        Binding b = binding(pu.page());
        if (stale(b)) {
            out.add(useAfterFree(pu.page(), b, pu.fn()));
            return;
        }
        Frame f = frames[b.pfn()];
        if (unpreparedRange(f)) {
            out.add(v(ViolationKind.PUBLISHED_BEFORE_PREPARED, pu.fn(), new EffectKind[] {EffectKind.PUBLISHES},
                    pu.fn() + "() makes " + describe(pu.page(), f) + " reachable before its compound page is prepared: others see a head without order or tails without compound_head"));
        }
    }

    private void onAssumeExclusive(Op.AssumeExclusive ae, List<Violation> out) {
        Binding b = binding(ae.page());
        if (stale(b)) {
            out.add(useAfterFree(ae.page(), b, ae.fn()));
            return;
        }
        Frame f = frames[b.pfn()];
        Frame head = headOf(f);
        Optional<FunctionSemantics> fs = model.function(ae.fn(), ctx);
        boolean proof = fs.flatMap(x -> x.find(EffectKind.EXCLUSIVITY_PROOF)).isPresent();
        Optional<EffectInfo> weak = fs.flatMap(x -> x.find(EffectKind.NOT_EXCLUSIVITY_PROOF));
        int n = head.compound ? 1 << head.order : 1;
        int mappings = head.entire;
        for (int i = head.pfn; i < head.pfn + n; i++) mappings += frames[i].mapcount;
        Holding h = holdingOrEmpty(head.pfn);
        int foreign = head.extRefs + (head.pincount - h.pin);
        boolean exclusive = mappings <= 1 && foreign == 0 && head.pincount == 0;
        if (!proof && weak.isPresent() && !exclusive) {
            out.add(new Violation(ViolationKind.NOT_EXCLUSIVE, weak.get().clause().id(), weak.get().clause().rule(), step,
                    ae.fn() + "() is no exclusivity proof: the compound page at pfn " + head.pfn + " has " + mappings
                            + " mapping(s), " + head.extRefs + " foreign reference(s) and " + head.pincount
                            + " pin(s); use PageAnonExclusive() or copy"));
        }
    }

    private void onExtGet(Op.ExtGet e, List<Violation> out) {
        Frame f = frameOf(e.page());
        if (!f.allocated || f.refcount == 0 || isTail(f)) {
            log.add(step + ":   foreign speculative get fails");
            return;
        }
        f.refcount++;
        f.extRefs++;
    }

    private void onExtPut(Op.ExtPut e, List<Violation> out) {
        Frame f = frameOf(e.page());
        Frame head = headOf(f);
        if (head.extRefs == 0) throw invalid("ext_put without a foreign reference on pfn " + head.pfn);
        head.extRefs--;
        dropRef(head);
    }

    private boolean unpreparedRange(Frame f) {
        return f.allocated && f.rangeStart >= 0 && !frames[f.rangeStart].prepared;
    }

    private void setCount(String var, int n, String fn, List<Violation> out) {
        Frame f = frameOf(var);
        if (!f.allocated) throw invalid(fn + "() on pfn " + f.pfn + " which is free");
        if (isTail(f) && n != 0) {
            out.add(v(ViolationKind.REFCOUNT_ON_TAIL, fn, new EffectKind[] {EffectKind.REQUIRES_HEAD, EffectKind.SETS_REFCOUNT},
                    fn + "() on " + describe(var, f) + ": a tail's refcount must stay zero"));
            return;
        }
        if (f.refcount != 0 && !f.frozen) {
            out.add(v(ViolationKind.REFCOUNT_SET_UNFROZEN, fn, new EffectKind[] {EffectKind.SETS_REFCOUNT},
                    fn + "() overwrites the refcount " + f.refcount + " of pfn " + f.pfn + " without page_ref_freeze(): a concurrent get_page_unless_zero() may hold one of those references"));
            return;
        }
        f.frozen = false;
        f.refcount = n;
        f.extRefs = 0;
        holdings.remove(f.pfn);
        if (n > 0) {
            Holding h = holding(f.pfn);
            h.ref = n;
            h.refFn = fn;
        }
    }

    private void gup(Op.Gup g) {
        Binding ub = binding(g.user());
        if (stale(ub)) throw invalid("gup over freed memory at pfn " + ub.pfn());
        if (g.obtained() > g.requested()) throw invalid("gup returned " + g.obtained() + " > requested " + g.requested());
        for (int i = 0; i < g.obtained(); i++) {
            int pfn = ub.pfn() + i;
            if (pfn >= frames.length || !frames[pfn].allocated) throw invalid("gup page " + i + " (pfn " + pfn + ") is not allocated");
            if (headOf(frames[pfn]).refcount == 0) throw invalid("gup page " + i + " (pfn " + pfn + ") has a zero refcount");
        }
        for (int i = 0; i < g.obtained(); i++) {
            int pfn = ub.pfn() + i;
            Frame head = headOf(frames[pfn]);
            head.refcount++;
            Holding h = holding(head.pfn);
            if (g.pin()) {
                head.pincount++;
                h.pin++;
                h.pinFn = g.fn();
            } else {
                h.ref++;
                h.refFn = g.fn();
            }
            bind(g.array() + "[" + i + "]", pfn);
        }
        arrays.put(g.array(), new GupArray(g.obtained(), g.pin(), g.fn()));
        if (g.obtained() <= 0) log.add(step + ":   " + g.fn() + "() returned " + g.obtained() + ": no page taken");
    }

    private void release(Op.Release r, List<Violation> out) {
        GupArray arr = arrays.get(r.array());
        if (arr == null) throw invalid("release of '" + r.array() + "' which no gup filled");
        int taken = Math.max(arr.obtained, 0);
        if (r.n() > taken) {
            String what = arr.obtained <= 0
                    ? arr.fn + "() returned " + arr.obtained + " (nothing taken) but " + r.fn() + "() releases " + r.n() + " page(s)"
                    : arr.fn + "() took " + taken + " page(s) but " + r.fn() + "() releases " + r.n() + ": release only what was obtained";
            out.add(v(ViolationKind.RELEASE_NOT_TAKEN, arr.fn, new EffectKind[] {EffectKind.COUNT_TAKEN, arr.pin ? EffectKind.PINS : EffectKind.GETS_REF}, what));
            return;
        }
        for (int i = 0; i < r.n(); i++) {
            if (arr.released[i]) {
                out.add(v(r.unpin() ? ViolationKind.UNPIN_NOT_PINNED : ViolationKind.PUT_WITHOUT_REFERENCE, r.fn(),
                        new EffectKind[] {r.unpin() ? EffectKind.UNPINS : EffectKind.PUTS_REF}, r.array() + "[" + i + "] is released twice"));
                return;
            }
            if (r.unpin() && !arr.pin) {
                out.add(v(ViolationKind.UNPIN_NOT_PINNED, r.fn(), new EffectKind[] {EffectKind.UNPINS},
                        r.fn() + "() on pages obtained by " + arr.fn + "() (references, not pins): release them with put_page()/release_pages()"));
                return;
            }
            if (!r.unpin() && arr.pin) {
                out.add(v(ViolationKind.PUT_ON_PINNED, arr.fn, new EffectKind[] {EffectKind.PINS},
                        r.fn() + "() on pages pinned by " + arr.fn + "(): the pins are never released, use unpin_user_pages()"));
                return;
            }
        }
        for (int i = 0; i < r.n(); i++) {
            Binding b = vars.get(r.array() + "[" + i + "]");
            Frame head = headOf(frames[b.pfn()]);
            Holding h = holdingOrEmpty(head.pfn);
            // an element already released on its own (unpin_user_page(pages[i]), put_page(pages[i])) holds nothing
            if (arr.pin ? h.pin <= 0 : h.ref <= 0) {
                out.add(v(arr.pin ? ViolationKind.UNPIN_NOT_PINNED : ViolationKind.PUT_WITHOUT_REFERENCE, r.fn(),
                        new EffectKind[] {arr.pin ? EffectKind.UNPINS : EffectKind.PUTS_REF},
                        r.array() + "[" + i + "] was already released: " + r.fn() + "() releases it again"));
                return;
            }
            if (arr.pin) {
                h.pin--;
                head.pincount--;
            } else {
                h.ref--;
            }
            arr.released[i] = true;
            dropRef(head);
        }
    }

    private void split(Op.Split s) {
        Frame f = frameOf(s.page());
        if (!f.allocated) throw invalid("split of pfn " + f.pfn + " which is free");
        Frame head = headOf(f);
        if (!head.compound || head.order == 0) {
            log.add(step + ":   split: not a compound page");
            return;
        }
        int others = head.refcount - head.mapRefs;
        if (head.pincount > 0 || others > 1 || head.frozen) {
            log.add(step + ":   split fails: " + head.pincount + " pin(s), " + others + " non-mapping reference(s)");
            return;
        }
        int n = 1 << head.order;
        int entire = head.entire;
        int keep = head.refcount - head.mapRefs;
        for (int i = head.pfn; i < head.pfn + n; i++) {
            Frame t = frames[i];
            t.compound = false;
            t.head = i;
            t.order = 0;
            t.mapcount += entire;
            t.entire = 0;
            t.mapRefs = t.mapcount;
            t.refcount = t.mapcount + (i == head.pfn ? keep : 0);
        }
        log.add(step + ":   split into " + n + " pages");
        for (int i = head.pfn; i < head.pfn + n; i++) {
            if (frames[i].allocated && frames[i].refcount == 0) freeCompound(frames[i]);
        }
    }
}
