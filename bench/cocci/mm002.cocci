// MM002 class: a head-only struct page field read or written through a page that may be a tail.
//
// Matches a page obtained from a lookup that can return any subpage of a THP or hugetlb page,
//   pte_page(), pfn_to_page(), vm_normal_page(), follow_page(), virt_to_page(), phys_to_page()
// and then, on some path with no reassignment of the page and no compound_head(), page_folio(),
// PageTail()/PageCompound()/PageHead() test of it in between, a use of one of the fields that
// only the head page holds (rules/fields.mmr): ->mapping, ->index, ->lru, ->memcg_data,
// ->mem_cgroup. The fix (page_folio(page)->mapping, compound_head(page)->index, the folio API)
// is not matched: it dereferences a different expression.
//
//   spatch -D report --no-includes --very-quiet --sp-file mm002.cocci --dir mm
virtual report

@mm002 depends on report exists@
struct page *pg;
expression E;
identifier lookup = {pte_page, pfn_to_page, vm_normal_page, follow_page, virt_to_page, phys_to_page};
identifier fld = {mapping, index, lru, memcg_data, mem_cgroup};
position p;
@@
pg = lookup(...);
... when != pg = E
    when != compound_head(pg)
    when != page_folio(pg)
    when != PageTail(pg)
    when != PageCompound(pg)
    when != PageHead(pg)
pg->fld@p

@initialize:python@
@@
seen002 = set()

@script:python depends on mm002@
p << mm002.p;
pg << mm002.pg;
fld << mm002.fld;
lookup << mm002.lookup;
@@
# one report per position, however many lookups reach it
key = (p[0].file, p[0].line, p[0].column)
if key not in seen002:
    seen002.add(key)
    coccilib.report.print_report(p[0], "MM002 head-only field '%s->%s' of a page from %s() that may be a tail page: go through compound_head()/page_folio()" % (pg, fld, lookup))
