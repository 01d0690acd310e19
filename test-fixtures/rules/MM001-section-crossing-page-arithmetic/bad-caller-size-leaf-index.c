// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a static helper finds its first subpage with nth_page() at an index masked by the leaf size its callers pass (PUD_SIZE among them), then steps it with page + n
 * mmlint-kernel: 6.12
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
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
		out[n] = first + n; /* expect: MM001 "PUD_SIZE" */

	return n;
}

static int fill_pmd_leaf(pmd_t entry, unsigned long start, unsigned long stop,
			 struct page **out)
{
	return fill_leaf_pages(pmd_page(entry), PMD_SIZE, start, stop, out);
}

static int fill_pud_leaf(pud_t entry, unsigned long start, unsigned long stop,
			 struct page **out)
{
	return fill_leaf_pages(pud_page(entry), PUD_SIZE, start, stop, out);
}

int fill_leaf(pmd_t pmd, pud_t pud, unsigned long start, unsigned long stop,
	      struct page **out, bool huge)
{
	return huge ? fill_pud_leaf(pud, start, stop, out) : fill_pmd_leaf(pmd, start, stop, out);
}
