// MM001 class: struct page pointer arithmetic over a pfn range that may cross a memory section.
//
// Matches, inside the body of a counted loop `for (...; i < N; ...)` (or `i <= N`, `i != N`)
// whose bound N is not a literal constant, a struct page pointer stepped by the loop counter or
// by one per iteration: page + i, i + page, &page[i], page[i].field, and page++ / ++page /
// page += 1 (in the body or in the loop header). nth_page(page, i) and folio_page(folio, i) are
// the fix and are not matched. A constant bound (e.g. `i < 4`) stays inside one MAX_ORDER block
// and is left out. Like most semantic patches it does not know where N comes from
// (pages_per_huge_page(h), folio_nr_pages() of a hugetlb folio, a CMA count, ... versus a buddy
// order that never crosses a section): that is left to the reader. mmlint decides it from the model.
//
// Written as two cheap rules (find the loops, then the arithmetic on their counter, kept when it
// lies inside the loop's extent) rather than one nest over every path of the loop body, which
// takes Coccinelle 1.1.1 over a minute on mm/huge_memory.c alone.
//
//   spatch -D report --no-includes --very-quiet --sp-file mm001.cocci --dir mm
virtual report

@loop depends on report@
identifier i;
expression N;
statement S;
position ps;
@@
for (...; \(i < N\|i <= N\|i != N\); ...) S@ps

@mm001 depends on report@
identifier loop.i;
struct page *pg;
identifier fld;
position p;
@@
\(pg@p + i\|i + pg@p\|&pg@p[i]\|pg@p[i].fld\|pg@p++\|++pg@p\|pg@p += 1\)

@mm001h depends on report@
identifier loop.i;
expression loop.N;
struct page *pg;
statement loop.S;
position p;
@@
for (...; \(i < N\|i <= N\|i != N\); \(i++, pg@p++\|i++, ++pg@p\|++i, pg@p++\|++i, ++pg@p\|pg@p++, i++\)) S

@initialize:python@
@@
import re
seen001 = set()

def mm001_report(p, ps, N):
    # inside the loop (header or body), bound not a literal, each position once
    inside = (int(ps[0].line), int(ps[0].column)) <= (int(p[0].line), int(p[0].column)) <= (int(ps[0].line_end), int(ps[0].column_end)) if ps else True
    key = (p[0].file, p[0].line, p[0].column)
    if inside and key not in seen001 and not re.fullmatch(r"\s*\(?\s*(0[xX][0-9a-fA-F]+|\d+)[uUlL]*\s*\)?\s*", N):
        seen001.add(key)
        coccilib.report.print_report(p[0], "MM001 struct page arithmetic over a range bounded by '%s' (may cross a memory section): use nth_page()/folio_page()" % N)

@script:python depends on mm001@
p << mm001.p;
ps << loop.ps;
N << loop.N;
@@
mm001_report(p, ps, N)

@script:python depends on mm001h@
p << mm001h.p;
N << loop.N;
@@
mm001_report(p, None, N)
