/*
 * corpus: 000000000002-synthetic-pte-index (before)
 * mmlint-kernel: 6.1
 * source: test-fixtures/rules/MM002-tail-page-head-only-field/bad-pte-page-index.c
 */
static pgoff_t pte_file_offset(pte_t *ptep)
{
	pte_t pte = ptep_get(ptep);
	struct page *page;

	if (!pte_present(pte))
		return 0;
	page = pte_page(pte);
	return page->index; /* expect: MM002 */
}
