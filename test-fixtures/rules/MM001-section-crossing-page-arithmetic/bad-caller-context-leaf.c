// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a static helper steps page++ over an address range inside the PUD leaf its caller hands it
 * mmlint-kernel: 5.15
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 */
#include <linux/mm.h>
#include <linux/pgtable.h>

static int collect_leaf_pages(struct page *page, unsigned long start,
			      unsigned long stop, struct page **out)
{
	int got = 0;

	while (start < stop) {
		out[got++] = page++; /* expect: MM001 "PUD_MASK" */
		start += PAGE_SIZE;
	}
	return got;
}

int walk_pud_leaf(pud_t entry, unsigned long start, unsigned long stop,
		  struct page **out)
{
	struct page *sub;

	sub = pud_page(entry) + ((start & ~PUD_MASK) >> PAGE_SHIFT); /* expect: MM001 */
	return collect_leaf_pages(sub, start, stop, out);
}
