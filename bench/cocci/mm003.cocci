// MM003 class: a speculative reference not validated afterwards.
//
// Matches get_page_unless_zero(), page_cache_get_speculative(), page_cache_add_speculative(),
// page_ref_add_unless() and folio_try_get() / folio_try_get_rcu() calls from which no path
// reaches a re-check: compound_head() or page_folio() of the page (the head did not change under
// us), pte_same() / pmd_same() / pte_val() / ptep_get() / pmdp_get_lockless() (the page-table
// entry was re-read), or xas_reload() (the page-cache slot was re-read). Rule `ok` finds the
// validated calls (on some path), rule `mm003` reports every other call.
//
//   spatch -D report --no-includes --very-quiet --sp-file mm003.cocci --dir mm
virtual report

@ok depends on report exists@
identifier get = {get_page_unless_zero, page_cache_get_speculative, page_cache_add_speculative,
                  page_ref_add_unless, folio_try_get, folio_try_get_rcu};
identifier check = {compound_head, page_folio, pte_same, pmd_same, pte_val, ptep_get,
                    pmdp_get_lockless, xas_reload};
position p;
@@
get@p(...)
... when any
check(...)

@mm003 depends on report@
identifier get = {get_page_unless_zero, page_cache_get_speculative, page_cache_add_speculative,
                  page_ref_add_unless, folio_try_get, folio_try_get_rcu};
position p != ok.p;
@@
get@p(...)

@script:python depends on mm003@
p << mm003.p;
get << mm003.get;
@@
coccilib.report.print_report(p[0], "MM003 speculative reference %s() not followed by a compound_head()/page_folio()/pte or slot re-check" % get)
