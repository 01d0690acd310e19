package dev.mmlint.engine.flow;

import dev.mmlint.engine.knowledge.AppliedClause;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The abstract value of one {@code struct page *} / {@code struct folio *}: its shape, where it came
 * from, the reference it holds, the validations done since a speculative reference, and its range
 * when it was derived by pointer arithmetic. Immutable.
 *
 * @param origin      line and description of where the shape was established ("pte_page() at 120")
 * @param originClause the model clause that gave the shape (possibly-tail sources), or null
 * @param param       parameter index when shape is PARAM, else -1
 * @param headOf      the variable this value is the head/folio of (compound_head(page)), or null
 * @param fromEntry   the page-table entry variable it was looked up from (pte_page(pte)), or null
 * @param entryPtr    the pointer the entry was read through (ptep), or null
 * @param refOrigin   where the current reference was taken (line), 0 when none
 * @param specApi     the API that took a speculative reference, when ref is SPECULATIVE
 * @param needHead    a speculative reference that must be re-checked against compound_head/page_folio
 * @param needEntry   a speculative reference that must be re-checked against a re-read of the entry
 * @param witness     API operations that produced this value (for the replay)
 * @param subpage     reached by iterating the pages of a compound page the code holds (head + i,
 *                    folio_page(folio, i)): compound-page management, not a lookup that may land on a tail
 * @param fromTable   the copy of the pmd entry whose page table the entry was read from (pte_offset_map(&pmd)), or null
 * @param needTable   a speculative reference that must also be re-checked against a re-read of that pmd copy, or null
 * @param partial     where an entry re-check validated the reference while the pmd copy was still unchecked, or null
 */
public record PageValue(Shape shape, Origin origin, AppliedClause originClause, int param, String headOf,
                        String fromEntry, String entryPtr, RefState ref, Origin refOrigin, String specApi,
                        boolean needHead, boolean needEntry, List<WitnessStep> witness, boolean subpage,
                        Table fromTable, String needTable, Site partial) {

    /** A page table mapped from {@code pmd}, a copy of a pmd entry, by the call the model clause {@code clause} describes. */
    public record Table(String pmd, AppliedClause clause) {}

    /** A place in the text: [offset, offset + length) at line, column. */
    public record Site(int offset, int length, int line, int column) {}

    public PageValue(Shape shape, Origin origin, AppliedClause originClause, int param, String headOf,
                     String fromEntry, String entryPtr, RefState ref, Origin refOrigin, String specApi,
                     boolean needHead, boolean needEntry, List<WitnessStep> witness, boolean subpage) {
        this(shape, origin, originClause, param, headOf, fromEntry, entryPtr, ref, refOrigin, specApi, needHead, needEntry, witness, subpage,
                null, null, null);
    }

    public record Origin(int line, int column, String what) {
        @Override public String toString() { return what + " at line " + line; }
    }

    public static PageValue of(Shape shape, Origin origin, AppliedClause clause) {
        return new PageValue(shape, origin, clause, -1, null, null, null, RefState.NONE, null, null, false, false, List.of(), false);
    }

    public static PageValue param(int index, String name, Origin origin) {
        return new PageValue(Shape.PARAM, origin, null, index, null, null, null, RefState.NONE, null, null, false, false, List.of(), false);
    }

    public static final PageValue UNKNOWN = of(Shape.UNKNOWN, null, null);

    public PageValue withShape(Shape s, Origin o, AppliedClause c) {
        return new PageValue(s, o, c, s == Shape.PARAM ? param : -1, headOf, fromEntry, entryPtr, ref, refOrigin, specApi, needHead, needEntry, witness, subpage,
                fromTable, needTable, partial);
    }

    /** This value as a subpage reached by iterating a compound page (or not). */
    public PageValue asSubpage(boolean b) {
        return new PageValue(shape, origin, originClause, param, headOf, fromEntry, entryPtr, ref, refOrigin, specApi, needHead, needEntry, witness, b,
                fromTable, needTable, partial);
    }

    public PageValue withHeadOf(String var) {
        return new PageValue(shape, origin, originClause, param, var, fromEntry, entryPtr, ref, refOrigin, specApi, needHead, needEntry, witness, subpage,
                fromTable, needTable, partial);
    }

    public PageValue withEntry(String entry, String ptr) {
        return new PageValue(shape, origin, originClause, param, headOf, entry, ptr, ref, refOrigin, specApi, needHead, needEntry, witness, subpage,
                fromTable, needTable, partial);
    }

    /** Read through a table mapped from the pmd copy {@code pmd} (null: not known to be). */
    public PageValue withTable(Table pmd) {
        return new PageValue(shape, origin, originClause, param, headOf, fromEntry, entryPtr, ref, refOrigin, specApi, needHead, needEntry, witness, subpage,
                pmd, needTable, partial);
    }

    /** A new reference state; a speculative one owes no re-check of the pmd copy (see {@link #needingTable}). */
    public PageValue withRef(RefState r, Origin o, String api, boolean head, boolean entry) {
        return new PageValue(shape, origin, originClause, param, headOf, fromEntry, entryPtr, r, o, api, head, entry, witness, subpage,
                fromTable, null, null);
    }

    /** A speculative reference that must also be validated by a re-read of the pmd copy {@code pmd}. */
    public PageValue needingTable(String pmd) {
        return new PageValue(shape, origin, originClause, param, headOf, fromEntry, entryPtr, ref, refOrigin, specApi, needHead, needEntry, witness, subpage,
                fromTable, pmd, partial);
    }

    public PageValue validated(boolean head, boolean entry) {
        return new PageValue(shape, origin, originClause, param, headOf, fromEntry, entryPtr, ref, refOrigin, specApi,
                needHead && !head, needEntry && !entry, witness, subpage, fromTable, needTable, partial);
    }

    /** The pmd copy was re-checked: nothing more is owed for it. */
    public PageValue tableValidated() {
        return new PageValue(shape, origin, originClause, param, headOf, fromEntry, entryPtr, ref, refOrigin, specApi, needHead, needEntry, witness, subpage,
                fromTable, null, null);
    }

    /** An entry re-check at {@code at} validated the reference while its pmd copy is still unchecked (first such site kept). */
    public PageValue partiallyValidated(Site at) {
        return new PageValue(shape, origin, originClause, param, headOf, fromEntry, entryPtr, ref, refOrigin, specApi, needHead, needEntry, witness, subpage,
                fromTable, needTable, partial != null ? partial : at);
    }

    public boolean unvalidated() { return ref == RefState.SPECULATIVE && (needHead || needEntry); }

    /** Witnesses keep their first steps: enough for the replay, and finite in loops. */
    private static final int MAX_WITNESS = 12;

    public PageValue step(WitnessStep s) {
        if (witness.size() >= MAX_WITNESS) return this;
        List<WitnessStep> w = new ArrayList<>(witness.size() + 1);
        w.addAll(witness);
        w.add(s);
        return new PageValue(shape, origin, originClause, param, headOf, fromEntry, entryPtr, ref, refOrigin, specApi, needHead, needEntry,
                Collections.unmodifiableList(w), subpage, fromTable, needTable, partial);
    }

    public PageValue join(PageValue o) {
        if (this.equals(o)) return this;
        Shape s = shape.join(o.shape);
        // keep the origin that justifies the joined shape
        PageValue src = (o.shape.mayBeTail() && !shape.mayBeTail()) || (o.ref == RefState.SPECULATIVE && ref != RefState.SPECULATIVE) ? o : this;
        RefState r = ref.join(o.ref);
        boolean nh = needHead && ref == RefState.SPECULATIVE || o.needHead && o.ref == RefState.SPECULATIVE;
        boolean ne = needEntry && ref == RefState.SPECULATIVE || o.needEntry && o.ref == RefState.SPECULATIVE;
        // the pmd copy still owed, and where a partial re-check was passed, on some path
        String nt = needTable != null && ref == RefState.SPECULATIVE ? needTable : o.needTable != null && o.ref == RefState.SPECULATIVE ? o.needTable : null;
        Site pt = nt == null ? null : partial != null && needTable != null ? partial : o.needTable != null ? o.partial : null;
        return new PageValue(s, src.origin, src.originClause, s == Shape.PARAM && param == o.param ? param : -1,
                Objects.equals(headOf, o.headOf) ? headOf : null,
                Objects.equals(fromEntry, o.fromEntry) ? fromEntry : src.fromEntry,
                Objects.equals(entryPtr, o.entryPtr) ? entryPtr : src.entryPtr,
                r, src.refOrigin != null ? src.refOrigin : (refOrigin != null ? refOrigin : o.refOrigin),
                src.specApi != null ? src.specApi : (specApi != null ? specApi : o.specApi), nh, ne,
                src.witness.size() >= (src == this ? o : this).witness.size() ? src.witness : (src == this ? o : this).witness,
                subpage && o.subpage, Objects.equals(fromTable, o.fromTable) ? fromTable : null, nt, pt);
    }
}
