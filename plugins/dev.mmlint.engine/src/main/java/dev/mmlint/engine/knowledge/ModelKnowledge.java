package dev.mmlint.engine.knowledge;

import dev.mmlint.model.api.Confidence;
import dev.mmlint.engine.knowledge.ApiEffect.ArgEffect;
import dev.mmlint.frontend.KernelContext;
import dev.mmlint.model.api.Applicability;
import dev.mmlint.model.api.ClauseInfo;
import dev.mmlint.model.api.EffectInfo;
import dev.mmlint.model.api.EffectKind;
import dev.mmlint.model.api.EffectSite;
import dev.mmlint.model.api.ExprPattern;
import dev.mmlint.model.api.FieldAccess;
import dev.mmlint.model.api.FunctionSemantics;
import dev.mmlint.model.api.KernelVersion;
import dev.mmlint.model.api.RangeBound;
import dev.mmlint.model.api.RangeInfo;
import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.model.api.Tri;
import dev.mmlint.model.api.TreeContext;
import dev.mmlint.model.api.ValidatorInfo;
import dev.mmlint.model.api.VersionWindow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's view of the reference model for one analysed tree: every kernel function, field,
 * range and validator the rules/ files describe, specialised to the tree's kernel version and
 * (stated) Kconfig, with each clause's applicability in words.
 */
public final class ModelKnowledge implements ApiKnowledge {
    private final ReferenceModel model;
    private final TreeContext ctx;
    private final java.nio.file.Path filesystem;
    /** {@link #smallFolioFilesystem()}, once computed */
    private volatile Optional<SmallFolioFilesystem> smallFolios;
    private final Map<String, AppliedClause> clauses = new LinkedHashMap<>();
    /** clauses as cited through entries with a narrower window, by clause id and window */
    private final Map<String, AppliedClause> narrowed = new ConcurrentHashMap<>();
    private final Map<String, Optional<ApiEffect>> calls = new ConcurrentHashMap<>();
    private final Map<String, Boolean> tailElsewhere = new ConcurrentHashMap<>();
    private final Map<String, Optional<RangeClass>> sizes = new ConcurrentHashMap<>();
    private final Map<String, List<Validation>> checks = new ConcurrentHashMap<>();
    private final Set<String> names = new HashSet<>();
    /** the macro constants and callees the model's range patterns are written with (HPAGE_PMD_NR, PUD_MASK, huge_page_size) */
    private final Set<String> rangeWords = new HashSet<>();

    public ModelKnowledge(ReferenceModel model, KernelContext kc) {
        this.model = model;
        this.ctx = treeContext(kc);
        this.filesystem = kc.filesystem();
        for (ClauseInfo ci : model.clauses()) clauses.put(ci.id(), clause(ci));
        names.addAll(model.functionNames());
        // object-like names and callees of range patterns (HPAGE_PMD_NR, pages_per_huge_page(...))
        for (RangeInfo r : model.ranges(ctx)) {
            List<String> t = ExprPattern.tokenize(r.pattern().source());
            for (int i = 0; i < t.size(); i++) {
                if (t.get(i).matches("[A-Za-z_]\\w*") && (t.size() == 1 || (i + 1 < t.size() && t.get(i + 1).equals("("))))
                    names.add(t.get(i));
                // a macro constant (PUD_MASK) or a callee (huge_page_size(...)), not a field or a local's name (skb->data)
                if (t.get(i).matches("[A-Z_][A-Z0-9_]*") || t.get(i).matches("[A-Za-z_]\\w*") && i + 1 < t.size() && t.get(i + 1).equals("("))
                    rangeWords.add(t.get(i));
            }
        }
        // the conversion between bytes and pages is in every other pattern: an argument written with it alone names no size
        rangeWords.removeAll(Set.of("PAGE_SHIFT", "PAGE_SIZE"));
    }

    /**
     * The model's context for a kernel context: Kconfig only when the values were stated; symbols a
     * partial statement (a fragment's {@code mmlint-config:}) leaves out are unknown, not off.
     */
    public static TreeContext treeContext(KernelContext kc) {
        KernelVersion v = kc.version();
        Map<String, String> k = kc.config().stated() ? kc.config().values() : null;
        if (k != null && kc.config().partial()) {
            k = new java.util.LinkedHashMap<>(k);
            k.put(TreeContext.UNSTATED, TreeContext.UNKNOWN_VALUE);
        }
        return new TreeContext(v, k);
    }

    private AppliedClause clause(ClauseInfo ci) { return clause(ci, ci.window()); }

    /**
     * The clause as cited through one of its entries, whose window {@code w} may be narrower than the
     * clause's: a finding states the window that actually gated it.
     */
    private AppliedClause clause(ClauseInfo ci, VersionWindow w) {
        boolean own = w.equals(ci.window());
        Applicability a = own ? model.applicability(ci.id(), ctx) : model.applicability(ci.id(), w, ctx);
        Confidence conf = switch (ci.confidence()) {
            case HIGH -> Confidence.HIGH;
            case MEDIUM -> Confidence.MEDIUM;
            default -> Confidence.LOW;
        };
        String why = a.reason();
        if (a.result() == Tri.UNKNOWN) {
            List<String> unknown = new ArrayList<>();
            if (ctx.version() == null && !w.toString().equals("all kernels")) unknown.add("kernel version");
            if ((ctx.kconfig() == null || ctx.kconfigPartial()) && ci.kconfig() != null) unknown.add("Kconfig");
            why = "applies on " + ci.applicabilityText(w) + (unknown.isEmpty() ? "" : "; " + String.join(" and ", unknown) + " of this code not known");
        }
        String summary = ci.rationale() == null ? ci.id() : ci.rationale().split("(?<=\\.)\\s")[0];
        return new AppliedClause(ci.id(), ci.rule(), conf, a.mayApply(), a.result() == Tri.UNKNOWN, why, summary);
    }

    private AppliedClause of(ClauseInfo ci) { return clauses.getOrDefault(ci.id(), clause(ci)); }

    /** As {@link #of(ClauseInfo)} for an entry whose own window is {@code w} (the clause's, or narrower). */
    private AppliedClause of(ClauseInfo ci, VersionWindow w) {
        if (w == null || w.equals(ci.window())) return of(ci);
        return narrowed.computeIfAbsent(ci.id() + "|" + w, k -> clause(ci, w));
    }

    @Override public Optional<ApiEffect> call(String name) {
        return calls.computeIfAbsent(name, n -> model.function(n, ctx).map(this::effect));
    }

    @Override public boolean tailSourceOnlyElsewhere(String name) {
        return tailElsewhere.computeIfAbsent(name, n -> call(n).isEmpty() && model.allDefinitions(n).stream()
                .flatMap(fs -> fs.effects().stream())
                .anyMatch(e -> e.site() == EffectSite.RETURN && (e.kind() == EffectKind.POSSIBLY_TAIL
                        || e.kind() == EffectKind.TAIL_IF_ENTRY_COPY || e.kind() == EffectKind.TAIL_IF_OBJECT_PARAM)));
    }

    private ApiEffect effect(FunctionSemantics fs) {
        List<ArgEffect> args = new ArrayList<>();
        Set<String> validatedBy = new TreeSet<>();
        Set<Integer> speculativeArgs = new HashSet<>();
        for (EffectInfo e : fs.effects())
            if (e.kind() == EffectKind.SPECULATIVE_REF && e.site() != EffectSite.RETURN) speculativeArgs.add(e.paramIndex());
        ApiEffect.Result result = ApiEffect.Result.NONE;
        int resultArg = -1;
        AppliedClause resultClause = null;
        AppliedClause subpageCount = null;
        boolean subpage = fs.effects().stream().anyMatch(e -> e.kind() == EffectKind.SUBPAGE);
        boolean countTaken = fs.successConvention().map(c -> c.kind() == EffectKind.COUNT_TAKEN).orElse(false);
        boolean nonNull = fs.successConvention().map(c -> c.kind() == EffectKind.NONNULL_IF_TAKEN).orElse(false);
        for (EffectInfo e : fs.effects()) {
            AppliedClause c = of(e.clause(), e.window());
            validatedBy.addAll(e.validatedBy().stream().map(v -> v.literal()).toList());
            if (e.site() == EffectSite.RETURN) {
                switch (e.kind()) {
                    case POSSIBLY_TAIL -> {
                        result = subpage ? ApiEffect.Result.SUBPAGE : ApiEffect.Result.POSSIBLY_TAIL;
                        resultClause = c;
                        // a subpage of argument k (folio_page(folio, n)): it lies in that argument's range
                        if (subpage) resultArg = fs.effects().stream().filter(x -> x.kind() == EffectKind.SUBPAGE && x.site() == EffectSite.RETURN)
                                .mapToInt(EffectInfo::ofIndex).filter(i -> i >= 0).findFirst().orElse(-1);
                    }
                    // an entry copy's page may be a tail: that wins over a plain head, whichever clause comes first
                    case TAIL_IF_ENTRY_COPY -> { result = ApiEffect.Result.TAIL_IF_ENTRY_COPY; resultArg = 0; resultClause = c; }
                    case HEAD -> {
                        if (result == ApiEffect.Result.TAIL_IF_ENTRY_COPY && e.ofIndex() < 0) continue;
                        result = e.ofIndex() >= 0 ? ApiEffect.Result.HEAD_OF_ARG : ApiEffect.Result.HEAD;
                        resultArg = e.ofIndex();
                        resultClause = c;
                    }
                    case FOLIO -> {
                        result = e.ofIndex() >= 0 ? ApiEffect.Result.FOLIO_OF_ARG : ApiEffect.Result.FOLIO;
                        resultArg = e.ofIndex();
                        resultClause = c;
                    }
                    case NOT_EXCLUSIVITY_PROOF -> {
                        result = fs.find(EffectKind.EXCLUSIVE_IF_TRUE).isPresent() ? ApiEffect.Result.EXCLUSIVE_VERDICT : ApiEffect.Result.MAPCOUNT;
                        resultArg = e.ofIndex() >= 0 ? e.ofIndex() : 0;
                        resultClause = c;
                    }
                    // a count of one subpage's mappings: beside the count's own meaning, whichever clause comes first
                    case SUBPAGE_MAPCOUNT -> subpageCount = c;
                    case REFCOUNT -> { if (result == ApiEffect.Result.NONE) { result = ApiEffect.Result.REFCOUNT; resultArg = Math.max(0, e.ofIndex()); resultClause = c; } }
                    case TESTS_TAIL -> { result = ApiEffect.Result.IS_TAIL; resultArg = Math.max(0, e.ofIndex()); resultClause = c; }
                    // tests_thp says what tests_head says and more: it wins over it, whichever clause comes first
                    case TESTS_HEAD -> { if (result != ApiEffect.Result.IS_THP) { result = ApiEffect.Result.IS_HEAD; resultArg = Math.max(0, e.ofIndex()); resultClause = c; } }
                    case TESTS_THP -> { result = ApiEffect.Result.IS_THP; resultArg = Math.max(0, e.ofIndex()); resultClause = c; }
                    case TESTS_LRU -> { result = ApiEffect.Result.IS_LRU; resultArg = Math.max(0, e.ofIndex()); resultClause = c; }
                    case TESTS_COMPOUND -> { result = ApiEffect.Result.IS_COMPOUND; resultArg = Math.max(0, e.ofIndex()); resultClause = c; }
                    case HEAD_IF_ZERO -> { result = ApiEffect.Result.HEAD_IF_ZERO; resultArg = Math.max(0, e.ofIndex()); resultClause = c; }
                    case CONTIGUITY_UNSAFE -> {
                        if (e.ofIndex() >= 0) { result = ApiEffect.Result.STEP_OF_ARG; resultArg = e.ofIndex(); resultClause = c; }
                    }
                    case TESTS_HUGETLB -> { result = ApiEffect.Result.IS_HUGETLB; resultArg = Math.max(0, e.ofIndex()); resultClause = c; }
                    case PFN -> { result = ApiEffect.Result.PFN_OF_ARG; resultArg = Math.max(0, e.ofIndex()); resultClause = c; }
                    case HUGE_ENTRY -> { result = ApiEffect.Result.HUGE_ENTRY; resultClause = c; }
                    case WAITS_FOR_WALKERS -> { result = ApiEffect.Result.WAITS_FOR_WALKERS; resultClause = c; }
                    case REFCOUNTED_RANGE -> { result = ApiEffect.Result.REFCOUNTED_RANGE; resultClause = c; }
                    case TAIL_IF_OBJECT_PARAM -> { result = ApiEffect.Result.TAIL_IF_OBJECT_PARAM; resultArg = 0; resultClause = c; }
                    case ZERO_FILLED -> { result = ApiEffect.Result.ZERO_FILLED; resultClause = c; }
                    case PTE_TABLE -> { result = ApiEffect.Result.PTE_TABLE_OF_ARG; resultArg = Math.max(0, e.ofIndex()); resultClause = c; }
                    case SPLITS_IF_ZERO -> { result = ApiEffect.Result.SPLIT_IF_ZERO; resultArg = Math.max(0, e.ofIndex()); resultClause = c; }
                    default -> { }
                }
                continue;
            }
            int i = e.paramIndex();
            boolean array = e.site() == EffectSite.ARRAY;
            ApiEffect.When when = e.condition() == null || e.condition().index() < 0 ? null
                    : new ApiEffect.When(e.condition().index(), e.condition().flag(), e.condition().clear());
            ArgEffect.Kind k = switch (e.kind()) {
                case REQUIRES_HEAD -> speculativeArgs.contains(i) ? null : ArgEffect.Kind.REQUIRES_HEAD;
                case GETS_REF, TRY_REF -> array ? ArgEffect.Kind.GET_ARRAY : ArgEffect.Kind.GET;
                case PINS -> array ? ArgEffect.Kind.PIN_ARRAY : ArgEffect.Kind.GET;
                case PUTS_REF -> array ? ArgEffect.Kind.PUT_ARRAY : ArgEffect.Kind.PUT;
                case UNPINS -> array ? ArgEffect.Kind.UNPIN_ARRAY : ArgEffect.Kind.UNPIN;
                case SPECULATIVE_REF -> ArgEffect.Kind.SPECULATIVE_GET;
                case PREPARES -> ArgEffect.Kind.PREPARE;
                case PUBLISHES, UNFREEZES -> ArgEffect.Kind.PUBLISH;
                case FREEZES -> ArgEffect.Kind.FREEZE;
                case SETS_REFCOUNT -> ArgEffect.Kind.SET_COUNT;
                case DECIDES_EXCLUSIVE -> ArgEffect.Kind.DECIDES_EXCLUSIVE;
                case RECHECKS_PAGE -> ArgEffect.Kind.RECHECK;
                case INITIALISES -> ArgEffect.Kind.INITIALISE;
                case FREES_BLOCK -> ArgEffect.Kind.FREE_BLOCK;
                case IN_HUGETLB_FOLIO -> ArgEffect.Kind.IN_HUGETLB;
                case READS_THROUGH -> ArgEffect.Kind.READ_THROUGH;
                case CAPS_RESULT -> ArgEffect.Kind.CAPS_RESULT;
                case FREES_MEMORY -> ArgEffect.Kind.FREES_MEMORY;
                case GIGANTIC_ORDER -> ArgEffect.Kind.GIGANTIC_ORDER;
                case REWRITES_MEMMAP -> ArgEffect.Kind.REWRITE_MEMMAP;
                case MAKES_HEAD -> ArgEffect.Kind.MAKE_HEAD;
                case WALKS_TABLE -> ArgEffect.Kind.WALK_TABLE;
                case MAPPED_BY -> ArgEffect.Kind.MAPPED_BY;
                case CHECKS_HUGETLB_STATE -> ArgEffect.Kind.HUGETLB_STATE;
                case REQUIRES_HUGETLB -> ArgEffect.Kind.REQUIRES_HUGETLB;
                case CACHE_LOOKUP -> ArgEffect.Kind.CACHE_LOOKUP;
                case HEAD -> array ? ArgEffect.Kind.HEAD_ARRAY : null;
                default -> null;
            };
            if (k != null) args.add(new ArgEffect(i, k, c, when));
            if (e.kind() == EffectKind.MAPPED_BY && e.ofIndex() >= 0) args.add(new ArgEffect(e.ofIndex(), ArgEffect.Kind.MM, c));
            if (array && e.countIndex() >= 0 && (e.kind() == EffectKind.GETS_REF || e.kind() == EffectKind.PINS))
                args.add(new ArgEffect(e.countIndex(), ArgEffect.Kind.NR_PAGES, c));
            if (array && e.countIndex() >= 0 && (e.kind() == EffectKind.PUTS_REF || e.kind() == EffectKind.UNPINS))
                args.add(new ArgEffect(e.countIndex(), ArgEffect.Kind.RELEASE_COUNT, c));
        }
        // GUP: the return value counts what the array acquisitions took
        if (countTaken) {
            for (ArgEffect a : args)
                if (a.kind() == ArgEffect.Kind.GET_ARRAY || a.kind() == ArgEffect.Kind.PIN_ARRAY) {
                    result = ApiEffect.Result.COUNT_OF_ARRAY;
                    resultArg = a.index();
                    resultClause = a.clause();
                    break;
                }
        }
        // try_grab_folio(): the folio of its argument, with a speculative reference, or NULL
        if (nonNull && (result == ApiEffect.Result.FOLIO_OF_ARG || result == ApiEffect.Result.HEAD_OF_ARG)) {
            ArgEffect spec = args.stream().filter(a -> a.kind() == ArgEffect.Kind.SPECULATIVE_GET).findFirst().orElse(null);
            if (spec != null) {
                args.removeIf(a -> a.kind() == ArgEffect.Kind.SPECULATIVE_GET);
                result = ApiEffect.Result.SPECULATIVE_FOLIO_OF_ARG;
                resultArg = spec.index();
                resultClause = spec.clause();
            }
        }
        // definitions of several version windows may all apply (version unknown): one effect each
        List<ArgEffect> unique = new ArrayList<>();
        for (ArgEffect a : args)
            if (unique.stream().noneMatch(u -> u.index() == a.index() && u.kind() == a.kind() && java.util.Objects.equals(u.when(), a.when())))
                unique.add(a);
        return new ApiEffect(fs.name(), result, resultArg, resultClause, List.copyOf(unique), Set.copyOf(validatedBy),
                result == ApiEffect.Result.MAPCOUNT ? subpageCount : null);
    }

    @Override public Optional<AppliedClause> headOnlyField(String field) {
        return model.field("page", field, ctx).filter(f -> f.access() == FieldAccess.HEAD_ONLY).map(f -> of(f.clause(), f.window()));
    }

    @Override public Optional<AppliedClause> acceptsTail(String name, int index) {
        return model.function(name, ctx).flatMap(fs -> fs.effects().stream()
                .filter(e -> e.kind() == EffectKind.ACCEPTS_TAIL && e.site() == EffectSite.PARAM && e.paramIndex() == index)
                .map(e -> of(e.clause(), e.window())).filter(AppliedClause::applies).findFirst());
    }

    @Override public Optional<AppliedClause> notTailRange(String name, int index) {
        return model.function(name, ctx).flatMap(fs -> fs.effects().stream()
                .filter(e -> e.kind() == EffectKind.NOT_TAIL_RANGE && e.site() == EffectSite.PARAM && e.paramIndex() == index)
                .map(e -> of(e.clause(), e.window())).filter(AppliedClause::applies).findFirst());
    }

    @Override public boolean sizeVocabulary(String text) {
        java.util.regex.Matcher m = WORD.matcher(text);
        while (m.find()) if (rangeWords.contains(m.group())) return true;
        return false;
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z_]\\w*");

    @Override public Optional<RangeClass> size(String text) {
        return sizes.computeIfAbsent(text, t -> {
            Optional<RangeInfo> r = model.rangeBound(t, ctx);
            return r.map(x -> new RangeClass(x.bound() == RangeBound.WITHIN_MAX_ORDER, t.trim().replaceAll("\\s+", " "), of(x.clause(), x.window())));
        });
    }

    @Override public Optional<RangeResult> handedRange(String name) {
        return model.function(name, ctx).flatMap(fs -> fs.effects().stream()
                .filter(e -> e.kind() == EffectKind.UNBOUNDED_RANGE && e.site() == EffectSite.PARAM && e.countIndex() >= 0)
                .findFirst().map(e -> new RangeResult(e.countIndex(), of(e.clause(), e.window()))));
    }

    @Override public Optional<RangeResult> unboundedRange(String name) {
        return model.function(name, ctx).flatMap(fs -> fs.effects().stream()
                .filter(e -> e.kind() == EffectKind.UNBOUNDED_RANGE && e.site() == EffectSite.RETURN)
                .findFirst().map(e -> new RangeResult(e.countIndex(), of(e.clause(), e.window()))));
    }

    @Override public Optional<PageStore> storesPage(String name) {
        return model.function(name, ctx).flatMap(fs -> fs.effects().stream()
                .filter(e -> e.kind() == EffectKind.STORED_IN && e.site() == EffectSite.PARAM && e.ofIndex() >= 0)
                .map(e -> new PageStore(e.paramIndex(), e.ofIndex(), of(e.clause(), e.window()))).filter(p -> p.clause().applies()).findFirst());
    }

    @Override public Optional<Integer> storedPage(String name) {
        return model.function(name, ctx).flatMap(fs -> fs.effects().stream()
                .filter(e -> e.kind() == EffectKind.STORED_PAGE && e.site() == EffectSite.RETURN && e.ofIndex() >= 0)
                .filter(e -> of(e.clause(), e.window()).applies()).map(EffectInfo::ofIndex).findFirst());
    }

    @Override public List<Validation> validations(String text) {
        return checks.computeIfAbsent(text, t -> {
            List<Validation> out = new ArrayList<>();
            List<String> candidate = dev.mmlint.model.api.ExprPattern.candidate(t);
            for (ValidatorInfo v : model.validatorsMatching(candidate, ctx)) {
                Map<String, String> b = v.pattern().match(candidate).orElse(Map.of());
                String src = v.pattern().source();
                boolean changed = src.contains("!=") || src.trim().startsWith("!");
                String kind = v.kind().literal();
                boolean head = kind.equals("head_recheck") || kind.equals("folio_recheck") || kind.equals("xas_reload");
                Map<String, String> bind = new LinkedHashMap<>();
                b.forEach((k, x) -> bind.put(k, x.replace(" ", "")));
                out.add(new Validation(kind, head, bind, changed, of(v.clause(), v.window())));
            }
            return List.copyOf(out);
        });
    }

    @Override public Optional<Integer> assertion(String name) {
        return model.function(name, ctx).flatMap(fs -> fs.effects().stream()
                .filter(e -> e.kind() == EffectKind.ASSERTS_FALSE).map(EffectInfo::paramIndex).findFirst());
    }

    @Override public Set<String> names() { return names; }

    @Override public Collection<AppliedClause> clauses() { return clauses.values(); }

    /** when {@link #smallFolios} was computed (System.nanoTime()) */
    private volatile long smallFoliosAt;

    /**
     * Computed from the file system's sources, and again when the answer is older than a second: an engine that
     * lives on (an editor's) sees a file system that starts or stops letting its mappings hold large folios.
     */
    @Override public Optional<SmallFolioFilesystem> smallFolioFilesystem() {
        Optional<SmallFolioFilesystem> s = smallFolios;
        long now = System.nanoTime();
        if (s == null || filesystem != null && now - smallFoliosAt > 1_000_000_000L) {
            smallFolios = s = computeSmallFolios();
            smallFoliosAt = now;
        }
        return s;
    }

    private Optional<SmallFolioFilesystem> computeSmallFolios() {
        if (filesystem == null) return Optional.empty();
        AppliedClause c = clauses.get(ORDER0_FILESYSTEM);
        if (c == null || !c.applies() || c.conditional()) return Optional.empty(); // applying for certain only
        Set<String> large = new TreeSet<>(), registers = new TreeSet<>();
        for (EffectInfo e : model.effectsOfKind(EffectKind.LARGE_FOLIOS, ctx)) large.add(e.function());
        for (EffectInfo e : model.effectsOfKind(EffectKind.REGISTERS_FILESYSTEM, ctx)) registers.add(e.function());
        if (registers.isEmpty()) return Optional.empty();
        Set<String> all = new TreeSet<>(large);
        all.addAll(registers);
        FilesystemScan.Result r = FilesystemScan.scan(filesystem, all);
        boolean registered = r.called().stream().anyMatch(registers::contains);
        boolean optsIn = r.called().stream().anyMatch(large::contains);
        if (!registered || optsIn) return Optional.empty();
        int n = filesystem.getNameCount();
        String label = n >= 2 ? filesystem.getName(n - 2) + "/" + filesystem.getName(n - 1) : filesystem.toString();
        return Optional.of(new SmallFolioFilesystem(label, c));
    }

    @Override public Optional<AppliedClause> clause(String id) { return Optional.ofNullable(clauses.get(id)); }
}
