// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: &head[i] over folio_nr_pages() of a hugetlb folio indexes past a section
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

static void hugetlb_clear_subpages(struct folio *folio, struct page *head)
{
	long i, nr = folio_nr_pages(folio);

	for (i = 0; i < nr; i++) {
		struct page *subpage = &head[i]; /* expect: MM001 */

		ClearPageHWPoison(subpage);
	}
}
