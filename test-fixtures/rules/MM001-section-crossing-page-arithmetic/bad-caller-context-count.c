// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a static helper walks page + i up to a count its only caller takes from folio_nr_pages()
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 */
#include <linux/mm.h>
#include <linux/highmem.h>

static void zero_subpages(struct page *first, unsigned long count)
{
	unsigned long n;

	for (n = 0; n < count; n++)
		clear_highpage(first + n); /* expect: MM001 "folio_nr_pages" */
}

void folio_zero_all(struct folio *folio)
{
	zero_subpages(&folio->page, folio_nr_pages(folio));
}
