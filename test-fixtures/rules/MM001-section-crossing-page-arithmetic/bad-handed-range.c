// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the first page and page count a range API is handed (the model's p: unbounded_range count n) walked by page + i, in the function and in the helper it hands them to
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 */
#include <linux/mm.h>

static struct folio *range_folio_at(struct page *first, unsigned long nr,
				    unsigned long idx, unsigned int *ntails)
{
	struct page *p = first + idx; /* expect: MM001 "unpin_user_page_range_dirty_lock" */
	struct folio *folio = page_folio(p);

	*ntails = min_t(unsigned long, nr - idx,
			folio_nr_pages(folio) - folio_page_idx(folio, p));
	return folio;
}

void unpin_user_page_range_dirty_lock(struct page *page, unsigned long npages,
				      bool make_dirty)
{
	unsigned long i;
	unsigned int nr;

	if (make_dirty)
		for (i = 0; i < npages; i++)
			clear_highpage(page + i); /* expect: MM001 "unpin_user_page_range_dirty_lock" */

	for (i = 0; i < npages; i += nr)
		gup_put_folio(range_folio_at(page, npages, i, &nr), nr, FOLL_PIN);
}
