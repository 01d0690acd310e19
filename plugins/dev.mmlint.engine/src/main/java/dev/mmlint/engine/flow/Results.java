package dev.mmlint.engine.flow;

import static dev.mmlint.engine.flow.Ast.name;

import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.ApiEffect.ArgEffect;
import dev.mmlint.engine.knowledge.AppliedClause;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTExpression;

/** The value a call the model knows returns, by its result kind (shared core). */
final class Results {
    private Results() {}

    static V of(TransferContext c, String name, ApiEffect ef, List<IASTExpression> args, List<V> vals, int off, IASTExpression at) {
        int k = ef.resultArg();
        V arg = k >= 0 && k < vals.size() ? vals.get(k) : V.UNKNOWN;
        String argVar = k >= 0 && k < args.size() ? name(args.get(k)) : null;
        PageValue.Origin o = c.origin(off, name + "()");
        int line = c.line(off);
        switch (ef.result()) {
            case POSSIBLY_TAIL, SUBPAGE -> {
                String ent = entryName(c, args);
                AppliedClause huge = ent != null ? c.st.core.hugeEntry(ent) : null;
                for (V x : vals) if (huge == null && x instanceof V.HugeEntry h) huge = h.clause();
                // pte_page() of a hugetlb entry: the head of a folio mapped only as a whole, whose counts are the folio's
                if (huge != null) return new V.Page(PageValue.of(Shape.FOLIO, o, huge).step(new WitnessStep("lookup", name, line)), null);
                // the page of an entry the path walked into as a table (a page-table page), or of an entry of the
                // kernel's own page tables (a page the kernel mapped for itself): order-0 allocations, no tails
                for (IASTExpression ax : args) {
                    String e = Ast.entryBase(ax);
                    String walk = c.st.core.walkedAt(e);
                    if (walk != null) return new V.Page(PageValue.of(Shape.SMALL, c.origin(off, name + "() of '" + e + "', a table entry (walked by "
                            + walk + "): a page-table page"), null).step(new WitnessStep("lookup", name, line)), null);
                    if (e != null && c.kernelTables.contains(e)) return new V.Page(PageValue.of(Shape.SMALL, c.origin(off, name + "() of '" + e
                            + "', an entry of the kernel's own page tables"), null).step(new WitnessStep("lookup", name, line)), null);
                }
                // a lookup of a pfn or page the function's contract says names no tail (not_tail_range of the analysed
                // function): the caller's pages, as a parameter is, so no clause of a lookup to report them from
                for (IASTExpression ax : args) {
                    String v = name(ax);
                    if (v != null && c.notTail.containsKey(v)) return new V.Page(PageValue.of(Shape.SMALL, c.origin(off, name + "() of '" + v
                            + "', no tail by " + c.function + "()'s contract"), null).step(new WitnessStep("lookup", name, line)), null);
                }
                PageValue small = ownCacheLookup(c, name, ef, args, off, line);
                if (small != null) return new V.Page(small, null);
                PageValue pv = PageValue.of(Shape.MAYBE_TAIL, o, ef.resultClause()).step(new WitnessStep("lookup", name, line))
                        .asSubpage(ef.result() == ApiEffect.Result.SUBPAGE);
                if (ent != null) pv = pv.withEntry(ent, c.st.core.entryPointer(ent)).withTable(c.st.core.table(c.st.core.entryPointer(ent)));
                return new V.Page(pv, null);
            }
            case HEAD -> { return new V.Page(PageValue.of(Shape.HEAD, o, ef.resultClause()), null); }
            case TAIL_IF_ENTRY_COPY -> {
                // an entry handed in by value: the caller's walk read it at an address inside a huge page that
                // contiguous entries may map, so its page may be any subpage; otherwise a head
                if (argVar == null || !c.facts.params().containsKey(argVar) || !c.facts.entryVars().contains(argVar))
                    return new V.Page(PageValue.of(Shape.HEAD, o, ef.resultClause()), null);
                PageValue pv = PageValue.of(Shape.MAYBE_TAIL, c.origin(off, name + "() of '" + argVar + "', an entry handed in by value"), ef.resultClause())
                        .step(new WitnessStep("lookup", name, line)).withEntry(argVar, null);
                return new V.Page(pv, null);
            }
            case FOLIO -> { return new V.Page(PageValue.of(Shape.FOLIO, o, ef.resultClause()), null); }
            case TAIL_IF_OBJECT_PARAM -> {
                // an object pointer handed in (void *): it may lie in any page of a multi-page allocation; an
                // address the function computed itself, or one of a declared type, says nothing here
                if (argVar == null || !c.objectParams.contains(argVar)) return V.UNKNOWN;
                return new V.Page(PageValue.of(Shape.MAYBE_TAIL, c.origin(off, name + "() of '" + argVar + "', an object pointer handed in"),
                        ef.resultClause()).step(new WitnessStep("lookup", name, line)), null);
            }
            // order-0 pages, each refcounted and reachable by pfn: live refcounts the clause names
            case REFCOUNTED_RANGE -> { return new V.Page(PageValue.of(Shape.SMALL, o, ef.resultClause()).step(new WitnessStep("lookup", name, line)), null); }
            case HEAD_OF_ARG, FOLIO_OF_ARG -> {
                PageValue src = arg instanceof V.Page p ? p.v() : PageValue.UNKNOWN;
                Shape s = ef.result() == ApiEffect.Result.FOLIO_OF_ARG ? Shape.FOLIO : Shape.HEAD;
                PageValue pv = new PageValue(s, o, ef.resultClause(), -1, argVar, src.fromEntry(), src.entryPtr(), RefState.NONE, null, null,
                        false, false, src.witness(), false).withTable(src.fromTable()).step(new WitnessStep("compound_head", name, line));
                return new V.Page(pv, null);
            }
            case SAME_AS_ARG -> { return arg; }
            case SPECULATIVE_FOLIO_OF_ARG -> {
                PageValue src = arg instanceof V.Page p ? p.v() : PageValue.UNKNOWN;
                // the folio of the page it was handed (its headOf): the page is one of the folio the reference pins
                if (argVar != null) c.st.spec.takenThrough(argVar);
                PageValue pv = new PageValue(Shape.FOLIO, o, ef.resultClause(), -1, argVar, src.fromEntry(), src.entryPtr(),
                        RefState.SPECULATIVE, o, name, false, src.fromEntry() != null || src.entryPtr() != null, src.witness(), false)
                        .withTable(src.fromTable()).step(new WitnessStep("speculative_get", name, line));
                // read through a table mapped from a pmd copy: the copy is re-checked too (gup.fast-pte-table-from-pmd-copy)
                if (src.fromTable() != null && src.entryPtr() != null && ef.validatedBy().contains("pmd_recheck")) pv = pv.needingTable(src.fromTable().pmd());
                return new V.Page(pv, null);
            }
            case COUNT_OF_ARRAY -> {
                String arr = arg instanceof V.Addr ad ? ad.var() : argVar;
                if (arr == null && k >= 0 && k < args.size() && args.get(k) != null) arr = args.get(k).getRawSignature().replaceAll("\\s+", "");
                return arr == null ? V.UNKNOWN : new V.Count(arr);
            }
            case MAPCOUNT -> {
                PageValue pv = arg instanceof V.Page p ? p.v() : PageValue.UNKNOWN;
                return new V.Mapcount(argVar, pv, name, ef.resultClause(), ef.subpageCount());
            }
            case REFCOUNT -> {
                PageValue pv = arg instanceof V.Page p ? p.v() : PageValue.UNKNOWN;
                return new V.Refcount(argVar, pv, name, ef.resultClause());
            }
            case EXCLUSIVE_VERDICT -> {
                PageValue pv = arg instanceof V.Page p ? p.v() : PageValue.UNKNOWN;
                return new V.Verdict(new V.Mapcount(argVar, pv, name, ef.resultClause()), off, at == null ? 0 : Ast.length(at),
                        at == null ? name + "()" : at.getRawSignature());
            }
            case IS_TAIL, IS_HEAD, IS_COMPOUND, HEAD_IF_ZERO, IS_HUGETLB, SPLIT_IF_ZERO, IS_THP, IS_LRU -> { return new V.Test(argVar, ef.result(), name, c.line(off)); }
            case PFN_OF_ARG -> { return new V.Pfn(argVar); }
            case STEP_OF_ARG -> {
                if (argVar != null && at != null)
                    c.ranges.sectionArrayStep(off, Ast.length(at), argVar, name, at.getRawSignature(), c.ex.loopBound(at), ef.resultClause(), line);
                return V.UNKNOWN;
            }
            case HUGE_ENTRY -> { return new V.HugeEntry(ef.resultClause()); }
            case PTE_TABLE_OF_ARG -> {
                // mapped from a copy of the entry (&pmd of a pmd_t variable), not through the page table itself
                String pmd = arg instanceof V.Addr ad ? ad.var() : null;
                return pmd != null && c.facts.entryVars().contains(pmd) ? new V.Table(pmd, ef.resultClause()) : V.UNKNOWN;
            }
            default -> {
                if (ef.args().stream().anyMatch(a -> a.kind() == ArgEffect.Kind.SPECULATIVE_GET)) {
                    ArgEffect sg = ef.args().stream().filter(a -> a.kind() == ArgEffect.Kind.SPECULATIVE_GET).findFirst().get();
                    String v = sg.index() < args.size() ? name(args.get(sg.index())) : null;
                    return new V.Spec(v, name, off);
                }
                Bound size = at == null ? null : c.ex.sizeOfText(at);
                return size != null ? new V.Int(size, null, null) : V.UNKNOWN;
            }
        }
    }

    /**
     * A page cache lookup (model {@code cache_lookup}) in a mapping of the analysed file's own file system
     * ({@link OwnMappings}), when that file system never lets its mappings hold large folios
     * ({@link dev.mmlint.engine.knowledge.ApiKnowledge#smallFolioFilesystem()}): an order-0 page; else null.
     */
    static PageValue ownCacheLookup(TransferContext c, String name, ApiEffect ef, List<IASTExpression> args, int off, int line) {
        java.util.Optional<dev.mmlint.engine.knowledge.ApiKnowledge.SmallFolioFilesystem> fs = c.kb.smallFolioFilesystem();
        if (fs.isEmpty()) return null;
        for (ArgEffect a : ef.args()) {
            if (a.kind() != ArgEffect.Kind.CACHE_LOOKUP || a.index() >= args.size() || args.get(a.index()) == null) continue;
            IASTExpression m = args.get(a.index());
            if (!OwnMappings.own(m, m, c.facts)) return null;
            return PageValue.of(Shape.SMALL, c.origin(off, name + "() in '" + m.getRawSignature().replaceAll("\\s+", " ") + "', a mapping of "
                    + fs.get().filesystem() + ", which never holds large folios"), fs.get().clause()).step(new WitnessStep("lookup", name, line));
        }
        return null;
    }

    /** The page-table entry variable a lookup was given (pte_page(pte)): one declared pte_t, pmd_t or pud_t. */
    private static String entryName(TransferContext c, List<IASTExpression> args) {
        for (IASTExpression a : args) {
            String n = name(a);
            if (n != null && c.facts.entryVars().contains(n)) return n;
        }
        return null;
    }
}
