/*
 * corpus: neg-page-idle-get-folio-recheck (ok)
 * mmlint-kernel: 6.6
 * source: github:mihaelbh/adding-new-sched-policy-to-linux-6.6.9@b0e4488ba24cdd25763888543ec84b9fe8a6f5b2:mm/page_idle.c
 */
static struct folio *page_idle_get_folio(unsigned long pfn)
{
	struct page *page = pfn_to_online_page(pfn);
	struct folio *folio;

	if (!page || PageTail(page))
		return NULL;

	folio = page_folio(page);
	if (!folio_test_lru(folio) || !folio_try_get(folio))
		return NULL;
	if (unlikely(page_folio(page) != folio || !folio_test_lru(folio))) {
		folio_put(folio);
		folio = NULL;
	}
	return folio;
}
