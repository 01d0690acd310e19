// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the pages left in a folio computed by page arithmetic inside min_t()'s arguments
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 */
#include <linux/mm.h>
#include <linux/minmax.h>

unsigned long folio_pages_left(struct folio *folio, struct page *page, unsigned long want)
{
	struct page *head = &folio->page;

	return min_t(unsigned long, head + folio_nr_pages(folio) - page, want); /* expect: MM001 */
}
