// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the pages left in a folio computed from folio_page_idx(), inside min_t(), with no page arithmetic
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/minmax.h>

unsigned long folio_pages_left(struct folio *folio, struct page *page, unsigned long want)
{
	return min_t(unsigned long, folio_nr_pages(folio) - folio_page_idx(folio, page), want);
}
