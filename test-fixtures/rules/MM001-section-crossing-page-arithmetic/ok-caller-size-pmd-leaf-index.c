// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the same helper stepping page + n, where every caller passes the size of a PMD leaf (one buddy block)
 * mmlint-kernel: 6.12
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pgtable.h>

static int fill_leaf_pages(struct page *page, unsigned long size,
			   unsigned long start, unsigned long stop,
			   struct page **out)
{
	struct page *first;
	int n;

	first = nth_page(page, (start & (size - 1)) >> PAGE_SHIFT);
	for (n = 0; start != stop; n++, start += PAGE_SIZE)
		out[n] = first + n;

	return n;
}

int fill_pmd_leaf(pmd_t entry, unsigned long start, unsigned long stop,
		  struct page **out)
{
	return fill_leaf_pages(pmd_page(entry), PMD_SIZE, start, stop, out);
}
