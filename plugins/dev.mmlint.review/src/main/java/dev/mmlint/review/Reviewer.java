package dev.mmlint.review;

import dev.mmlint.engine.Engine;
import dev.mmlint.engine.api.Evidence;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.frontend.CdtFrontend;
import dev.mmlint.frontend.FragmentFrontend;
import dev.mmlint.frontend.Frontend;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.frontend.Frontends;
import dev.mmlint.frontend.InputException;
import dev.mmlint.frontend.KernelConfig;
import dev.mmlint.frontend.KernelContext;
import dev.mmlint.frontend.KernelTree;
import dev.mmlint.frontend.KernelTreeFrontend;
import dev.mmlint.frontend.SourceFiles;
import dev.mmlint.frontend.ParsedUnit;
import dev.mmlint.review.Review.Annotation;
import dev.mmlint.review.Review.FileReview;
import dev.mmlint.review.Review.PatchReview;
import dev.mmlint.review.Review.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;

/**
 * Reviews a patch series. With a base tree the series is applied in memory, patch after patch
 * (the tree is only read), and each changed .c file is analysed before and after the patch by the
 * tree's own front end, so the tree's kernel version gates the rules. Without a tree each hunk's
 * pre- and post-image are analysed as lone fragments. Findings are matched across the two sides by
 * position on the lines the patch left alone, then by the code they flag (see {@link CodeKey}), and
 * classified introduced, pre-existing or fixed.
 */
public final class Reviewer {
    /** Files whose preamble a review keeps ({@code -Dmmlint.review.preambles}; 0 turns re-use off). */
    static final int PREAMBLES = Integer.getInteger("mmlint.review.preambles", 16);

    /**
     * @param tree        the base kernel tree, or null to review hunks as fragments
     * @param shareImages whether a file image met again in the series (the post-image of one patch
     *                    that is the pre-image of the next) is analysed once for both (the default)
     */
    public record Options(Path tree, FrontendOptions frontend, Engine engine, Map<String, String> clauses, boolean shareImages) {
        public Options(Path tree, FrontendOptions frontend, Engine engine, Map<String, String> clauses) {
            this(tree, frontend, engine, clauses, !"false".equals(System.getProperty("mmlint.review.shareImages")));
        }
    }

    private final Options o;
    private final Map<String, List<String>> state = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int reviewed;
    private ImageAnalyses images;
    /** The images of the headers a series against a tree touches: lone fragments of the tree's kernel version and Kconfig. */
    private ImageAnalyses headerImages;
    private int[] imageStats;

    private Reviewer(Options o) { this.o = o; }

    public static Review review(List<PatchMail> mails, List<String> inputProblems, Options o) throws IOException {
        return new Reviewer(o).run(mails, inputProblems);
    }

    /**
     * As {@link #review}, and {@code stats} (length 3) gets, for a review with a tree, the file images
     * asked for, those parsed and analysed (the rest were shared), and the milliseconds spent on them
     * summed over the threads.
     */
    static Review review(List<PatchMail> mails, List<String> inputProblems, Options o, int[] stats) throws IOException {
        Reviewer r = new Reviewer(o);
        Review review = r.run(mails, inputProblems);
        if (r.imageStats != null) System.arraycopy(r.imageStats, 0, stats, 0, 3);
        return review;
    }

    private Review run(List<PatchMail> mails, List<String> inputProblems) throws IOException {
        problems.addAll(inputProblems);
        SeriesSelection chosen = SeriesSelection.of(mails);
        String cover = chosen.cover();
        List<PatchMail> series = new ArrayList<>(chosen.patches());
        // order by [PATCH n/m]: across all inputs when every patch is numbered, else within each input file
        if (!series.isEmpty() && series.stream().allMatch(m -> m.number() > 0)) series.sort(Comparator.comparingInt(PatchMail::number));
        else {
            Map<String, List<PatchMail>> bySource = new java.util.LinkedHashMap<>();
            for (PatchMail m : series) bySource.computeIfAbsent(m.source(), k -> new ArrayList<>()).add(m);
            series.clear();
            for (List<PatchMail> g : bySource.values()) {
                if (g.stream().allMatch(m -> m.number() > 0)) g.sort(Comparator.comparingInt(PatchMail::number));
                series.addAll(g);
            }
        }
        Frontend fe;
        Frontends.Plan plan = null;
        String base;
        if (o.tree() != null) {
            Optional<KernelTree> t = KernelTree.at(o.tree());
            if (t.isEmpty()) throw new IOException("--tree " + o.tree() + ": not a kernel tree (no top Makefile with VERSION/PATCHLEVEL/SUBLEVEL)");
            plan = Frontends.forPaths(List.of(t.get().root().resolve("Makefile")), o.frontend());
            if (plan.files().isEmpty()) {
                plan.close();
                throw new IOException("--tree " + o.tree() + ": " + plan.diagnostics());
            }
            fe = plan.files().get(0).frontend();
            // nothing outside the tree is read: no header reached by '#include "../../x"', an absolute
            // include or a symlink pointing out of the tree (the generated headers are mmlint's own)
            if (fe instanceof KernelTreeFrontend k) k.headerCache().confineTo(List.of(k.tree().root(), k.generatedDir()));
            // the pre- and post-image of a file (and the same file in later patches of the series)
            // share their preamble: its headers are preprocessed once
            if (fe instanceof CdtFrontend c) c.setPreambleReuse(PREAMBLES);
            base = "tree " + o.tree().getFileName() + " (Linux " + fe.context().version() + ")";
        } else {
            KernelContext ctx = o.frontend().kernelVersion() == null ? new FragmentFrontend().context()
                    : new KernelContext(o.frontend().kernelVersion(), "--kernel-version " + o.frontend().kernelVersion(),
                            o.frontend().config() != null ? KernelConfig.read(o.frontend().config())
                                    : KernelConfig.empty("no Kconfig known (patch fragment)"));
            fe = new FragmentFrontend(ctx);
            base = "fragments (kernel " + (ctx.version() == null ? "unknown" : ctx.version()) + ")";
        }
        List<PatchReview> out = new ArrayList<>();
        // patches are applied in order (each sees the text the previous ones left); the files'
        // analyses, before and after, are independent and run in parallel
        java.util.concurrent.ExecutorService pool = o.tree() != null
                ? java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                    Thread t = new Thread(null, r, "mmlint-review", 64L << 20); // the parser recurses deeply
                    t.setDaemon(true);
                    return t;
                })
                : null;
        if (pool != null) images = new ImageAnalyses(fe, o.engine(), pool, o.shareImages());
        try {
            List<PlannedPatch> planned = new ArrayList<>();
            for (PatchMail m : series) planned.add(patch(m, fe, pool));
            // every image of the series is known: they start, the file with the most work first
            if (images != null) images.start();
            if (headerImages != null) headerImages.start();
            for (PlannedPatch pl : planned) out.add(pl.finish());
            if (images != null) {
                imageStats = new int[] {images.requested(), images.analysed(), (int) (images.nanos() / 1_000_000)};
                if (Boolean.getBoolean("mmlint.review.stats"))
                    System.err.printf("mmlint review: %d file images needed, %d parsed and analysed (%s), %.1f s in all threads"
                                    + " (parse %.1f s, of which %d full re-parses after pruning, %d pruned parses kept with doubts pruning cannot cause; %d pruned and %d full parses re-used a file's headers), on %d threads%n",
                            images.requested(), images.analysed(), o.shareImages() ? "shared" : "not shared", images.nanos() / 1e9,
                            images.parseNanos() / 1e9, dev.mmlint.frontend.CdtFrontend.PRUNE_FALLBACKS.sum(),
                            dev.mmlint.frontend.CdtFrontend.PRUNE_DOUBTS_KEPT.sum(),
                            dev.mmlint.frontend.CdtFrontend.preamblesReused(), dev.mmlint.frontend.CdtFrontend.fullParsesReusingPreamble(),
                            Math.max(1, Runtime.getRuntime().availableProcessors()));
            }
        } finally {
            if (pool != null) pool.shutdownNow();
            if (plan != null) plan.close();
            else fe.close();
        }
        return new Review(cover, List.copyOf(out), List.copyOf(problems), reviewed, o.engine().rules(), o.clauses(), base, chosen.notes());
    }

    /** A patch applied: its files' reviews, some still being analysed, in order, and the problems met so far. */
    private final class PlannedPatch {
        final PatchMail mail;
        final List<Object> files = new ArrayList<>(); // FileReview, or Future<Analysed>
        final List<String> problems = new ArrayList<>();

        PlannedPatch(PatchMail mail) { this.mail = mail; }

        PatchReview finish() {
            List<FileReview> done = new ArrayList<>();
            for (Object f : files) {
                FileReview r;
                if (f instanceof FileReview fr) r = fr;
                else {
                    Analysed a = join((java.util.concurrent.Future<?>) f);
                    if (a.problem() != null) problems.add(a.problem());
                    r = a.review();
                }
                if (r != null) {
                    done.add(r);
                    reviewed++;
                }
            }
            Reviewer.this.problems.addAll(problems);
            return new PatchReview(mail, List.copyOf(done), List.copyOf(problems));
        }
    }

    /** A file analysed before and after a patch: its review, or why it could not be analysed. */
    private record Analysed(FileReview review, String problem) {}

    private static Analysed join(java.util.concurrent.Future<?> f) {
        try {
            return (Analysed) f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error er) throw er;
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("review interrupted", e);
        }
    }

    private PlannedPatch patch(PatchMail m, Frontend fe, java.util.concurrent.ExecutorService pool) {
        PlannedPatch pl = new PlannedPatch(m);
        List<String> pp = pl.problems;
        Diff d = Diff.parse(m.body());
        for (String p : d.problems()) pp.add(m.name() + ": " + p);
        if (d.files().isEmpty() && d.problems().isEmpty()) pp.add(m.name() + ": no diff in this patch, nothing to review");
        for (Diff.FileDiff f : d.files()) {
            String where = m.name() + ": " + f.path();
            if (f.problem() != null) {
                pp.add(where + ": " + f.problem());
                continue;
            }
            if (!f.path().endsWith(".c") && !f.path().endsWith(".h")) {
                pp.add(where + ": not a .c or .h file, not reviewed");
                continue;
            }
            if (o.tree() != null) {
                // a header is no translation unit: its images (inline functions, macros) are analysed
                // as lone fragments of the tree's kernel version and Kconfig
                if (f.path().endsWith(".h") && headerImages == null)
                    headerImages = new ImageAnalyses(new FragmentFrontend(fe.context()), o.engine(), pool, o.shareImages());
                java.util.concurrent.Future<Analysed> job = treeFile(f, where, pp, f.path().endsWith(".h") ? headerImages : images);
                if (job != null) pl.files.add(job);
            } else {
                FileReview r = fragmentFile(f, fe, where, pp);
                if (r != null) pl.files.add(r);
            }
        }
        return pl;
    }

    // ---------------------------------------------------------------- with a tree

    /** A patch's file applied to the tree's current text: the texts before and after. */
    private record TreeText(List<String> before, Applied applied) {}

    /**
     * Applies {@code f} to the file's current text (the base tree's, or what an earlier patch of the
     * series left) and records the result for the next patch; null (and a problem in {@code pp}) when
     * it does not apply or cannot be read.
     */
    private TreeText applyToTree(Diff.FileDiff f, String where, List<String> pp) {
        for (Diff.Hunk h : f.hunks()) {
            if (h.problem() != null) {
                pp.add(where + ": hunk " + h.atHeader() + ": " + h.problem() + ", file not applied");
                return null;
            }
        }
        List<String> before;
        if (f.oldPath() == null) before = List.of();
        else {
            before = state.get(f.oldPath());
            if (before == null) {
                Path p = o.tree().resolve(f.oldPath()).normalize();
                if (!p.startsWith(o.tree().normalize()) || !Files.isRegularFile(p)) {
                    pp.add(where + ": does not apply: no such file in the base tree");
                    return null;
                }
                if (!insideTree(p)) {
                    pp.add(where + ": the base file is a symlink leading outside the tree, not read");
                    return null;
                }
                try {
                    before = lines(Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException e) {
                    pp.add(where + ": cannot read the base file: " + e.getMessage());
                    return null;
                }
            }
        }
        if (f.newPath() != null && !insideTree(o.tree().resolve(f.newPath()).normalize())) {
            pp.add(where + ": the file's directory is a symlink leading outside the tree, not applied");
            return null;
        }
        Applied a = apply(before, f.hunks());
        if (a.failed != null) {
            pp.add(where + ": hunk " + a.failed.atHeader() + ": does not apply (context mismatch"
                    + (a.failed.oldStart() > 0 ? " at line " + a.failed.oldStart() : "") + ")");
            return null;
        }
        long size = 0;
        for (String l : a.after) size += l.length() + 1;
        if (size > SourceFiles.MAX_BYTES) {
            pp.add(where + String.format(": patched file too large: %.1f MB (limit %d MB); not reviewed", size / 1048576.0,
                    SourceFiles.MAX_BYTES / 1048576));
            return null;
        }
        if (f.oldPath() != null && !f.oldPath().equals(f.path())) state.remove(f.oldPath());
        if (f.newPath() != null) state.put(f.newPath(), a.after);
        return new TreeText(before, a);
    }

    /**
     * Applies {@code f} to the file's current text (in order: the next patch sees the result) and
     * returns the analysis to run, or null (and a problem in {@code pp}) when there is none.
     */
    private java.util.concurrent.Future<Analysed> treeFile(Diff.FileDiff f, String where, List<String> pp, ImageAnalyses images) {
        TreeText t = applyToTree(f, where, pp);
        if (t == null) return null;
        List<String> before = t.before();
        Applied a = t.applied();
        if (f.newPath() == null) return null; // deleted: nothing left to judge
        // both images are analysed on the pool (once each in the whole series when shared); the
        // classification runs when both are done
        // the pre-image first: the post-image parses after it and re-uses its headers' preprocessing
        var pre = f.oldPath() == null ? java.util.concurrent.CompletableFuture.<ImageAnalyses.Image>completedFuture(null)
                : images.of(o.tree().resolve(f.oldPath()), f.newPath(), String.join("\n", before) + "\n");
        var post = images.of(o.tree().resolve(f.newPath()), f.newPath(), String.join("\n", a.after) + "\n");
        return post.thenCombine(pre, (ia, ib) -> analyse(f, where, a, ia, ib));
    }

    /** Classifies the findings of a file before ({@code ub}, null when the patch creates it) and after a patch. */
    private Analysed analyse(Diff.FileDiff f, String where, Applied a, ImageAnalyses.Image ua, ImageAnalyses.Image ub) {
        String problem = ua.problem() != null ? ua.problem() : ub != null ? ub.problem() : null;
        if (problem != null) return new Analysed(null, where + ": cannot analyse: " + problem);
        List<Classification.Keyed> fa = ua.findings();
        List<Classification.Keyed> fb = ub == null ? List.of() : ub.findings();
        Set<String> changed = new LinkedHashSet<>();
        Map<String, int[]> changedAt = new HashMap<>();
        for (int hi = 0; hi < f.hunks().size(); hi++) {
            List<Diff.Line> ls = f.hunks().get(hi).lines();
            for (int li = 0; li < ls.size(); li++) {
                Diff.Line l = ls.get(li);
                List<String> fns = l.kind() == '+' ? ua.at(a.newNo[hi][li])
                        : l.kind() == '-' && ub != null ? ub.at(a.oldNo[hi][li]) : List.of();
                changed.addAll(fns);
                for (String fn : fns) changedAt.putIfAbsent(fn + l.kind(), new int[] {hi, li});
            }
        }
        Classification.Sides sides = new Classification.Sides(a.oldToNew, ub == null ? Set.of() : ub.names(), ua.names());
        return new Analysed(new FileReview(f, Classification.classify(fa, fb, changed, f.hunks(), a.newNo, a.oldNo, changedAt, sides)), null);
    }

    /**
     * Whether {@code p} (a path inside the tree, normalized) stays inside the tree once symlinks are
     * resolved: the deepest existing ancestor's real path must lie under the tree's real path.
     */
    private boolean insideTree(Path p) {
        try {
            Path root = o.tree().toRealPath();
            Path q = p;
            while (q != null && !Files.exists(q, java.nio.file.LinkOption.NOFOLLOW_LINKS)) q = q.getParent();
            if (q == null) return false;
            if (Files.isSymbolicLink(q) && !Files.exists(q)) return false; // a dangling link: where it leads is unknown
            return q.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
        }
    }

    /** @param oldToNew pre-image line (1-based) to its post-image line, 0 when the patch removed it */
    record Applied(List<String> after, int[][] oldNo, int[][] newNo, int[] oldToNew, Diff.Hunk failed) {
        Applied(Diff.Hunk failed) { this(null, null, null, null, failed); }
    }

    /** Applies the hunks in order; each may move (like {@code git apply}) but not overlap the previous one. */
    static Applied apply(List<String> before, List<Diff.Hunk> hunks) {
        List<String> out = new ArrayList<>();
        int[][] oldNo = new int[hunks.size()][], newNo = new int[hunks.size()][];
        int[] oldToNew = new int[before.size() + 1];
        int last = 0;
        for (int hi = 0; hi < hunks.size(); hi++) {
            Diff.Hunk h = hunks.get(hi);
            List<String> old = h.oldImage();
            int expected = h.oldCount() == 0 ? h.oldStart() : h.oldStart() - 1;
            int at = find(before, old, expected, last);
            if (at < 0) return new Applied(h);
            for (int i = last; i < at; i++) {
                out.add(before.get(i));
                oldToNew[i + 1] = out.size();
            }
            int o = at, n = out.size();
            oldNo[hi] = new int[h.lines().size()];
            newNo[hi] = new int[h.lines().size()];
            for (int li = 0; li < h.lines().size(); li++) {
                Diff.Line l = h.lines().get(li);
                if (l.kind() != '+') oldNo[hi][li] = ++o;
                if (l.kind() != '-') {
                    newNo[hi][li] = ++n;
                    out.add(l.text());
                }
                if (l.kind() == ' ') oldToNew[o] = n;
            }
            last = at + old.size();
        }
        for (int i = last; i < before.size(); i++) {
            out.add(before.get(i));
            oldToNew[i + 1] = out.size();
        }
        return new Applied(out, oldNo, newNo, oldToNew, null);
    }

    private static int find(List<String> text, List<String> old, int expected, int from) {
        int max = text.size() - old.size();
        for (int d = 0; ; d++) {
            int up = expected - d, down = expected + d;
            boolean any = false;
            if (down >= from && down <= max) {
                any = true;
                if (matches(text, old, down)) return down;
            }
            if (d > 0 && up >= from && up <= max) {
                any = true;
                if (matches(text, old, up)) return up;
            }
            if (!any && (down > max) && (up < from)) return -1;
        }
    }

    private static boolean matches(List<String> text, List<String> old, int at) {
        for (int i = 0; i < old.size(); i++) if (!text.get(at + i).stripTrailing().equals(old.get(i).stripTrailing())) return false;
        return true;
    }

    static List<String> lines(String s) {
        List<String> r = new ArrayList<>(List.of(s.split("\n", -1)));
        if (!r.isEmpty() && r.get(r.size() - 1).isEmpty()) r.remove(r.size() - 1);
        return r;
    }

    static String name(IASTFunctionDefinition fd) {
        IASTDeclarator d = fd.getDeclarator();
        while (d.getNestedDeclarator() != null && d.getName().toString().isEmpty()) d = d.getNestedDeclarator();
        return d.getName().toString();
    }

    // ---------------------------------------------------------------- without a tree

    private FileReview fragmentFile(Diff.FileDiff f, Frontend fe, String where, List<String> pp) {
        List<Classification.Keyed> fa = new ArrayList<>(), fb = new ArrayList<>();
        Set<String> fnsBefore = new java.util.HashSet<>(), fnsAfter = new java.util.HashSet<>();
        Map<Integer, Integer> oldToNew = new HashMap<>();
        int n = f.hunks().size();
        int[][] oldNo = new int[n][], newNo = new int[n][];
        Set<String> changed = new LinkedHashSet<>();
        int ok = 0;
        Path as = Path.of("/__mmlint_review__").resolve(f.path());
        for (int hi = 0; hi < n; hi++) {
            Diff.Hunk h = f.hunks().get(hi);
            oldNo[hi] = new int[h.lines().size()];
            newNo[hi] = new int[h.lines().size()];
            if (h.problem() != null) {
                pp.add(where + ": hunk " + h.atHeader() + ": " + h.problem() + ", hunk not reviewed");
                continue;
            }
            long size = 0;
            for (Diff.Line l : h.lines()) size += l.text().length() + 1;
            if (size > SourceFiles.MAX_BYTES) {
                pp.add(where + ": hunk " + h.atHeader() + String.format(": too large: %.1f MB (limit %d MB), hunk not reviewed",
                        size / 1048576.0, SourceFiles.MAX_BYTES / 1048576));
                continue;
            }
            int oi = h.oldStart() - 1, nn = h.newStart() - 1;
            List<Integer> newMap = new ArrayList<>(), oldMap = new ArrayList<>();
            for (int li = 0; li < h.lines().size(); li++) {
                char k = h.lines().get(li).kind();
                if (k != '+') { oldNo[hi][li] = ++oi; oldMap.add(oi); }
                if (k != '-') { newNo[hi][li] = ++nn; newMap.add(nn); }
                if (k == ' ') oldToNew.put(oi, nn);
            }
            try {
                ParsedUnit ua = fe.parseText(as, f.path(), fragment(h.newImage()));
                fa.addAll(keyed(ua, o.engine().analyze(ua).findings(), newMap));
                changed.addAll(names(ua));
                fnsAfter.addAll(names(ua));
                if (f.oldPath() != null && h.oldCount() > 0) {
                    ParsedUnit ub = fe.parseText(as, f.path(), fragment(h.oldImage()));
                    fb.addAll(keyed(ub, o.engine().analyze(ub).findings(), oldMap));
                    changed.addAll(names(ub));
                    fnsBefore.addAll(names(ub));
                }
                ok++;
            } catch (InputException | RuntimeException e) {
                pp.add(where + ": hunk " + h.atHeader() + ": cannot analyse: "
                        + (e instanceof InputException ie ? ie.diagnostic().message() : e.toString()));
            }
        }
        if (ok == 0) return null;
        int maxOld = oldToNew.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        int[] map = new int[maxOld + 1];
        oldToNew.forEach((k, v) -> map[k] = v);
        return new FileReview(f, Classification.classify(fa, fb, changed, f.hunks(), newNo, oldNo, Map.of(), new Classification.Sides(map, fnsBefore, fnsAfter)));
    }

    /**
     * A hunk image as a fragment, line for line: what the hunk cut in the middle of at its top (the
     * tail of a comment, the end of a function body) is blanked, so the parser sees whole items.
     */
    static String fragment(List<String> image) {
        List<String> ls = new ArrayList<>(image);
        int cut = -1;
        for (int i = 0; i < ls.size(); i++) {
            String l = ls.get(i);
            if (l.contains("/*")) break;
            if (l.contains("*/")) { cut = i; break; }
        }
        for (int i = cut + 1; i < ls.size(); i++) {
            String l = ls.get(i);
            if (l.isBlank() || l.startsWith("\t") || l.startsWith(" ") || l.startsWith("#") || l.startsWith("/")) continue;
            if (l.startsWith("}")) cut = i;   // the end of a body whose head is above the hunk
            break;
        }
        for (int i = 0; i <= cut; i++) ls.set(i, "");
        return String.join("\n", ls) + "\n";
    }

    /** The finding with its fragment lines moved to file lines. */
    private static Finding remap(Finding f, List<Integer> map) {
        java.util.function.IntUnaryOperator m = l -> l >= 1 && l <= map.size() ? map.get(l - 1) : l;
        List<Evidence> ev = f.evidence().stream().map(e -> new Evidence(m.applyAsInt(e.line()), e.column(), e.message())).toList();
        return new Finding(f.ruleId(), f.severity(), f.confidence(), f.file(), f.function(), m.applyAsInt(f.line()), f.column(),
                m.applyAsInt(f.endLine()), f.endColumn(), f.message(), ev, f.fixHint(), f.fixes(), f.clause(), f.applicability(),
                f.witness(), f.confirmed(), f.confirmation(), f.fingerprint());
    }

    static Set<String> names(ParsedUnit u) {
        Set<String> r = new java.util.HashSet<>();
        if (u != null) for (IASTFunctionDefinition fd : u.functions()) r.add(name(fd));
        return r;
    }

    /** The findings of {@code u} with their code keys; {@code map} moves fragment lines to file lines (null: none). */
    static List<Classification.Keyed> keyed(ParsedUnit u, List<Finding> fs, List<Integer> map) {
        List<Classification.Keyed> r = new ArrayList<>();
        for (Finding f : fs) r.add(new Classification.Keyed(map == null ? f : remap(f, map), CodeKey.of(u, f, true), CodeKey.of(u, f, false)));
        return r;
    }
}
